// Readers whose answer for a line depends on nothing but that line's text (a heading, a
// sub-heading) remember it by the text, across analyses: the editor re-analyses the whole report
// on every keystroke though one line changed, and a batch repeats the same headings in every
// report. Answers are kept relative to the line's start and with strings of their own, so the
// memo never holds on to a document.
import type { LayoutLine } from '../layout/lines';
import { detached } from '../text/normalize';
import type { Span } from '../text/source';

const LIMIT = 20_000;
/** Longer lines are paragraphs: read each time rather than kept (unless a reader asks for them). */
const LONGEST = 1000;
/** Characters of line text one memo keeps at most (4 MB): what bounds it when long lines are kept. */
const CHARS_LIMIT = 2_000_000;

/**
 * Moves an answer to another place: offsets shifted by `shift`, line numbers set to `line`, strings
 * passed through `copy` (a copy of their own when kept in the memo).
 */
export type Rebase<T> = (value: T, place: { shift: number; line: number }, copy: (s: string) => string) => T;

export const shiftSpan = (s: Span, shift: number): Span => ({ start: s.start + shift, end: s.end + shift });

/**
 * `read` memoised by line text. With `rememberMisses` false, lines it finds nothing in are read
 * again next time (for readers that see most lines, so the memo holds only the lines that matter).
 * Lines longer than `longest` are read each time.
 */
export function lineMemo<T>(
  read: (line: LayoutLine) => T | undefined,
  rebase: Rebase<T>,
  rememberMisses = true,
  longest = LONGEST,
): (line: LayoutLine) => T | undefined {
  const memo = new Map<string, T | null>();
  let chars = 0;
  const same = (s: string) => s;
  return (line) => {
    if (line.end - line.start > longest) return read(line);
    const raw = line.raw;
    let kept = memo.get(raw);
    if (kept === undefined) {
      const value = read(line);
      if (value === undefined && !rememberMisses) return undefined;
      kept = value === undefined ? null : rebase(value, { shift: -line.start, line: line.index }, detached);
      if (memo.size >= LIMIT || chars + raw.length > CHARS_LIMIT) {
        memo.clear();
        chars = 0;
      }
      memo.set(detached(raw), kept);
      chars += raw.length;
    }
    return kept === null ? undefined : rebase(kept, { shift: line.start, line: line.index }, same);
  };
}
