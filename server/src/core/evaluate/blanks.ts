// Tables whose blank cells evidently mean 0: web pages and some Word tables leave a cell empty for
// "nothing to report". When every identity over the table's blank cells holds with blank = 0, the
// blanks are read as 0 (identities judged, the hover says so) and the table gets one finding, not
// one per cell and per identity. Pages that leave 0 blank often leave the row totals of such rows
// blank too: when every identity holds with the blank totals (the sole left side of an identity:
// 总计 = Σ parts) read as their parts' sum and the other blanks as 0, that is the reading.
// Where no reading makes every identity hold, a blank stays unknown.
import type { Cell, ReportModel, Table } from '../model/types';
import { Decimal } from '../numbers/decimal';
import type { CellRef, FormatId, IdentitySpec } from '../templates/types';
import { cached } from './cache';
import { cellAt, identityTemplate } from './cells';

/** Fewer blanks than this are each their own finding (a cell forgotten, not a convention). */
const AT_LEAST = 2;

export interface BlankReading {
  /** Blank cells standing for a total the report left out, with the value their identity gives. */
  derived: Map<Cell, Decimal>;
}

/** The blank cells of a table's balanced rows. */
export function blankCells(table: Table) {
  return table.rows.flatMap((r) => (r.spec && r.cells.length === r.columns.length ? r.cells.filter((c) => c.value.kind === 'blank') : []));
}

export function blankReading(model: ReportModel, table: Table, required: FormatId | null): BlankReading | undefined {
  return cached(model, `blanks-reading:${table.kind}:${required}`, () => read(model, table, required));
}

export function blanksMeanZero(model: ReportModel, table: Table, required: FormatId | null): boolean {
  return blankReading(model, table, required) !== undefined;
}

function read(model: ReportModel, table: Table, required: FormatId | null): BlankReading | undefined {
  if (blankCells(table).length < AT_LEAST) return undefined;
  const isBlankHere = (ref: CellRef) => ref.table === table.kind && cellAt(model, ref)?.value.kind === 'blank';
  const touchesBlank = (refs: readonly CellRef[]) => refs.some(isBlankHere);
  const identities = identityTemplate(model, required).identities.filter((spec) => touchesBlank(spec.left) || touchesBlank(spec.right));
  // Blanks no identity reaches (table 二) mean 0 just as well when they are many.
  if (identities.length === 0) return table.kind === 'active' ? { derived: new Map() } : undefined;
  const none = new Map<Cell, Decimal>();
  if (holdsAll(model, table, identities, none)) return { derived: none };
  const derived = deriveTotals(model, table, identities);
  return derived.size > 0 && holdsAll(model, table, identities, derived) ? { derived } : undefined;
}

/** Values under a reading: a number, a blank of this table as its derived value or 0, else none. */
function valueUnder(model: ReportModel, table: Table, ref: CellRef, derived: Map<Cell, Decimal>): Decimal | undefined {
  const cell = cellAt(model, ref);
  if (!cell) return undefined;
  if (cell.value.kind === 'number') return cell.value.value;
  if (cell.value.kind === 'blank' && ref.table === table.kind) return derived.get(cell) ?? Decimal.ZERO;
  return undefined;
}

function holdsAll(model: ReportModel, table: Table, identities: IdentitySpec[], derived: Map<Cell, Decimal>): boolean {
  let judged = 0;
  for (const spec of identities) {
    const sum = (refs: CellRef[]) => {
      let total = Decimal.ZERO;
      for (const r of refs) {
        const v = valueUnder(model, table, r, derived);
        if (v === undefined) return undefined;
        total = total.add(v);
      }
      return total;
    };
    const left = sum(spec.left);
    const right = sum(spec.right);
    if (left === undefined || right === undefined) continue; // a cell no reading can give: not judged here
    if (!left.equals(right)) return false;
    judged++;
  }
  return judged > 0;
}

/**
 * Blank totals read as the sum of their parts (other blanks 0), in as many passes as totals of
 * totals need ((七)总计·总计 after the row totals); a total whose parts hold an unread blank total
 * waits for it.
 */
function deriveTotals(model: ReportModel, table: Table, identities: IdentitySpec[]): Map<Cell, Decimal> {
  const derived = new Map<Cell, Decimal>();
  const sums = identities.filter((s) => s.left.length === 1);
  const isBlankSum = new Set<Cell>();
  for (const s of sums) {
    const cell = cellAt(model, s.left[0]);
    if (cell && s.left[0].table === table.kind && cell.value.kind === 'blank') isBlankSum.add(cell);
  }
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const s of sums) {
      const total = cellAt(model, s.left[0]);
      if (!total || !isBlankSum.has(total) || derived.has(total)) continue;
      let value: Decimal | undefined = Decimal.ZERO;
      for (const r of s.right) {
        const cell = cellAt(model, r);
        if (cell && isBlankSum.has(cell) && !derived.has(cell)) {
          value = undefined;
          break;
        }
        const v = valueUnder(model, table, r, derived);
        if (v === undefined) {
          value = undefined;
          break;
        }
        value = value.add(v);
      }
      if (value !== undefined) {
        derived.set(total, value);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // A derived 0 is just a blank that means 0.
  for (const [cell, value] of derived) if (value.isZero()) derived.delete(cell);
  return derived;
}
