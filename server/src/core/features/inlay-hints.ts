// Computed totals shown after the stated ones: "= 17" after a total cell or a prose breakdown total.
import type { ReportModel } from '../model/types';
import { evaluateBreakdowns } from '../evaluate/breakdowns';
import { evaluateIdentities } from '../evaluate/identities';
import type { FormatId } from '../templates/types';
import type { Span } from '../text/source';

export type InlayMode = 'mismatch' | 'always' | 'off';

export interface InlayHint {
  /** Offset the hint follows. */
  offset: number;
  label: string;
  mismatch: boolean;
}

export function inlayHints(model: ReportModel, mode: InlayMode, required: FormatId | null, range?: Span): InlayHint[] {
  if (mode === 'off' || !model.isReport) return [];
  const inRange = (o: number) => !range || (o >= range.start && o <= range.end);
  const hints = new Map<number, InlayHint>();
  for (const e of evaluateIdentities(model, required)) {
    // Only identities with a single total cell on the left (I1, I2, I4); I3 has no one total.
    if (e.status === 'unjudged' || e.left.length !== 1) continue;
    const cell = e.left[0].cell!;
    const mismatch = e.status === 'fails';
    if (!inRange(cell.end) || (!mismatch && mode === 'mismatch')) continue;
    const existing = hints.get(cell.end);
    // A total in two identities (row and column) shows the failing sum first.
    if (existing && (existing.mismatch || !mismatch)) continue;
    hints.set(cell.end, { offset: cell.end, label: `= ${e.rightSum}`, mismatch });
  }
  for (const b of evaluateBreakdowns(model)) {
    const mismatch = b.status !== 'holds';
    if (!inRange(b.total.end) || (!mismatch && mode === 'mismatch')) continue;
    if (!hints.has(b.total.end)) hints.set(b.total.end, { offset: b.total.end, label: `= ${b.partsSum}`, mismatch });
  }
  return [...hints.values()].sort((a, b) => a.offset - b.offset);
}
