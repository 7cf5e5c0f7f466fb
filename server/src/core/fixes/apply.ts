// Applying fixes as text edits. A fix touches only the spans it names; overlapping edits are
// never applied together.
import { analyze, type AnalyzeOptions } from '../analyze';
import type { Finding, TextEdit } from '../checks/types';

/** Applies non-overlapping edits; throws on overlap (a bug in a fix, not a user error). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) throw new Error(`overlapping edits at ${e.span.start}`);
    if (e.span.end > text.length || e.span.start > e.span.end) throw new Error(`edit out of range: ${e.span.start}-${e.span.end}`);
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** The preferred fix of every finding that has one, minus any that would overlap an earlier one. */
export function preferredEdits(findings: readonly Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const overlaps = (a: { start: number; end: number }) =>
    taken.some((b) => a.start < b.end && b.start < a.end || (a.start === a.end && a.start === b.start) || (b.start === b.end && b.start === a.start));
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || fix.edits.some((e) => overlaps(e.span))) continue;
    for (const e of fix.edits) {
      edits.push(e);
      taken.push(e.span);
    }
    fixed.push(f);
  }
  return { edits, fixed };
}

export interface FixAllResult {
  text: string;
  /** Findings whose preferred fix was applied, over all passes. */
  applied: number;
  passes: number;
}

/**
 * Applies every preferred fix; repeats while a pass still changes something (a fixed row can make
 * another identity judgeable), up to a few passes. Running it again on its output changes nothing.
 */
export function fixAll(text: string, options: AnalyzeOptions = {}, maxPasses = 4): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const { edits, fixed } = preferredEdits(analyze(current, options).findings);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += fixed.length;
  }
  return { text: current, applied, passes };
}
