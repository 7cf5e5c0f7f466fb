// Tables whose blank cells evidently mean 0: web pages and some Word tables leave a cell empty for
// "nothing to report". When every identity over the table's blank cells holds with blank = 0, the
// blanks are read as 0 (identities judged, the hover says so) and the table gets one finding, not
// one per cell and per identity. Where some identity would fail, a blank stays unknown.
import type { ReportModel, Table } from '../model/types';
import { Decimal } from '../numbers/decimal';
import type { CellRef, FormatId } from '../templates/types';
import { cached } from './cache';
import { findRow, identityTemplate } from './cells';

/** Fewer blanks than this are each their own finding (a cell forgotten, not a convention). */
const AT_LEAST = 2;

function valueAt(model: ReportModel, ref: CellRef, zeroFor: Table | undefined): Decimal | undefined | 'blank' {
  const row = findRow(model, ref.table, ref.row);
  if (!row || row.cells.length !== row.columns.length) return undefined;
  const i = row.columns.findIndex((c) => c.id === ref.column);
  const cell = i >= 0 ? row.cells[i] : undefined;
  if (!cell) return undefined;
  if (cell.value.kind === 'number') return cell.value.value;
  if (cell.value.kind === 'blank') return zeroFor && zeroFor.kind === ref.table ? Decimal.ZERO : 'blank';
  return undefined;
}

/** The blank cells of a table's balanced rows. */
export function blankCells(table: Table) {
  return table.rows.flatMap((r) => (r.spec && r.cells.length === r.columns.length ? r.cells.filter((c) => c.value.kind === 'blank') : []));
}

export function blanksMeanZero(model: ReportModel, table: Table, required: FormatId | null): boolean {
  return cached(model, `blanks-zero:${table.kind}:${required}`, () => {
    if (blankCells(table).length < AT_LEAST) return false;
    let touched = 0;
    for (const spec of identityTemplate(model, required).identities) {
      const refs = [...spec.left, ...spec.right];
      if (!refs.some((r) => r.table === table.kind && valueAt(model, r, undefined) === 'blank')) continue;
      const values = (list: CellRef[]) => list.map((r) => valueAt(model, r, table));
      const left = values(spec.left);
      const right = values(spec.right);
      if (![...left, ...right].every((v) => v instanceof Decimal)) continue;
      const sum = (vs: Array<Decimal | undefined | 'blank'>) => vs.reduce<Decimal>((a, v) => a.add(v as Decimal), Decimal.ZERO);
      if (!sum(left).equals(sum(right))) return false;
      touched++;
    }
    // Blanks no identity reaches (table 二) mean 0 just as well when they are many.
    return touched > 0 || table.kind === 'active';
  });
}
