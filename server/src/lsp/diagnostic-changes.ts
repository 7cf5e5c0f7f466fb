// A large document's diagnostics cross from the worker to the main thread as what changed since the
// set the main thread holds. A keystroke in a 1 MB report leaves all but a few of its ~1 300
// diagnostics as they were, or moved by whole lines: only those in between cross, as JSON, and the
// main thread keeps (or moves) the rest. The set it then holds is exactly the worker's.
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import type { MovedLines } from '../core';

export interface DiagnosticChanges {
  /**
   * The version whose set this changes: its first `head` and last `tail` diagnostics stay, the
   * last moved by `moved`. Undefined: `fresh` is the whole set.
   */
  base?: number;
  head: number;
  tail: number;
  moved: MovedLines;
  /** The diagnostics between, as JSON each. */
  fresh: string[];
}

/** No line moved. */
export const UNMOVED: MovedLines = { line: Number.MAX_SAFE_INTEGER, by: 0 };

const movedLine = (line: number, m: MovedLines) => (line > m.line ? line + m.by : line);

/** `now` is `old` with its lines moved by `m`. */
function sameMovedRange(old: Range, now: Range, m: MovedLines): boolean {
  return (
    now.start.line === movedLine(old.start.line, m) &&
    now.start.character === old.start.character &&
    now.end.line === movedLine(old.end.line, m) &&
    now.end.character === old.end.character
  );
}

/** Whether `now` says what `old` says, its lines moved by `m` (every field toDiagnostic sets). */
export function sameMovedDiagnostic(old: Diagnostic, now: Diagnostic, m: MovedLines): boolean {
  // (code decides codeDescription; source is always 'jiaohe'.)
  if (old.code !== now.code || old.severity !== now.severity || old.message !== now.message || !sameMovedRange(old.range, now.range, m)) return false;
  const ro = old.relatedInformation ?? [];
  const rn = now.relatedInformation ?? [];
  if (ro.length !== rn.length) return false;
  for (let k = 0; k < ro.length; k++) {
    if (ro[k].message !== rn[k].message || ro[k].location.uri !== rn[k].location.uri || !sameMovedRange(ro[k].location.range, rn[k].location.range, m)) return false;
  }
  return true;
}

const moveRange = (r: Range, m: MovedLines): Range => ({
  start: { line: movedLine(r.start.line, m), character: r.start.character },
  end: { line: movedLine(r.end.line, m), character: r.end.character },
});

/** `d` with its lines moved by `m`: itself when none of them moves. */
export function moveDiagnostic(d: Diagnostic, m: MovedLines): Diagnostic {
  const related = d.relatedInformation ?? [];
  const moves = (r: Range) => r.start.line > m.line || r.end.line > m.line;
  if (m.by === 0 || (!moves(d.range) && !related.some((r) => moves(r.location.range)))) return d;
  return {
    ...d,
    range: moveRange(d.range, m),
    ...(d.relatedInformation && { relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, range: moveRange(r.location.range, m) } })) }),
  };
}

/**
 * How many of `before`'s first diagnostics `after` starts with, and how many of its last (moved by
 * `moved`) it ends with, the two not overlapping. Findings are in text order, so an edit's
 * changes lie between.
 */
export function keptEnds(before: readonly Diagnostic[], after: readonly Diagnostic[], moved: MovedLines): { head: number; tail: number } {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && sameMovedDiagnostic(before[head], after[head], UNMOVED)) head++;
  let tail = 0;
  while (tail < shorter - head && sameMovedDiagnostic(before[before.length - 1 - tail], after[after.length - 1 - tail], moved)) tail++;
  return { head, tail };
}

/** The worker's set, made from the one the main thread holds (`before`, the base) and the fresh diagnostics parsed. */
export function applyChanges(before: readonly Diagnostic[], changes: DiagnosticChanges, fresh: readonly Diagnostic[]): Diagnostic[] {
  const set = before.slice(0, changes.head);
  for (const d of fresh) set.push(d);
  for (let i = before.length - changes.tail; i < before.length; i++) set.push(moveDiagnostic(before[i], changes.moved));
  return set;
}
