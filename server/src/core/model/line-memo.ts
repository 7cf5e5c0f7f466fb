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
  const memo = new LineMemo(read, rebase, rememberMisses, longest);
  return (line) => memo.read(line);
}

/** A memo's entry for one line text. */
export class MemoEntry<T> {
  /** What other readers derived from the same text alone (`LineReadings`), by their slot. */
  derived: unknown[] | undefined = undefined;
  /** Times the entry answered again: for a later line or analysis with the same text. */
  hits = 0;
  constructor(readonly kept: T) {}
}

export class LineMemo<T> {
  private readonly memo = new Map<string, MemoEntry<T> | null>();
  private chars = 0;
  /**
   * After `read`: the memo's own entry for that line's text — the same object for the same text
   * for as long as the memo keeps it, so what depends on that text alone can be kept on it
   * (`MemoEntry.derived`) with no string to hash; undefined when the line was read afresh (too
   * long to keep) or holds nothing.
   */
  lastKey: MemoEntry<T> | undefined = undefined;

  constructor(
    private readonly reader: (line: LayoutLine) => T | undefined,
    private readonly rebase: Rebase<T>,
    private readonly rememberMisses = true,
    private readonly longest = LONGEST,
  ) {}

  read(line: LayoutLine): T | undefined {
    this.lastKey = undefined;
    // (A line over a memo's whole budget is read each time: it would take the memo's place alone.)
    if (line.end - line.start > Math.min(this.longest, CHARS_LIMIT)) return this.reader(line);
    const raw = line.raw;
    let entry = this.memo.get(raw);
    if (entry === undefined) {
      const value = this.reader(line);
      if (value === undefined && !this.rememberMisses) return undefined;
      entry = value === undefined ? null : new MemoEntry(this.rebase(value, { shift: -line.start, line: line.index }, detached));
      if (this.memo.size >= LIMIT || this.chars + raw.length > CHARS_LIMIT) {
        this.memo.clear();
        this.chars = 0;
      }
      this.memo.set(detached(raw), entry);
      this.chars += raw.length;
    } else if (entry !== null) entry.hits++;
    if (entry === null) return undefined;
    this.lastKey = entry;
    return this.rebase(entry.kept, { shift: line.start, line: line.index }, same);
  }
}

const same = (s: string) => s;
