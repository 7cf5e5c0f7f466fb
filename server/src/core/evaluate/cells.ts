// Looking up template cells in the model. A cell is only addressable when its row has exactly the
// template's cells: in an unbalanced row nobody knows which value is which.
import type { Cell, ReportModel, Table, TableRow } from '../model/types';
import { Decimal } from '../numbers/decimal';
import { blankReading } from './blanks';
import { cached } from './cache';
import { template } from '../templates';
import type { CellRef, FormatId, FormatTemplate } from '../templates/types';

export interface Slot {
  ref: CellRef;
  row?: TableRow;
  cell?: Cell;
  /** Set only for a number in a balanced row (or a blank read as 0, below). */
  value?: Decimal;
  /** A blank cell read as 0: its table's blanks evidently mean 0 (evaluate/blanks.ts). */
  assumedZero?: boolean;
  /** A blank total read as the sum of its parts, the table's other blanks being 0 (evaluate/blanks.ts). */
  derivedTotal?: boolean;
}

/** Every slot holds a value (a number, or a blank read as 0). */
export function known(slots: readonly Slot[]): boolean {
  for (const s of slots) if (s.value === undefined) return false;
  return true;
}

type RowIndex = Map<string, Map<string, TableRow>>;

/** The model's template rows by table and id, indexed once (the first table of a kind, the first row of an id). */
function rowIndex(model: ReportModel): RowIndex {
  return cached(model, 'rows', () => {
    const byTable: RowIndex = new Map();
    for (const t of model.tables) {
      if (byTable.has(t.kind)) continue;
      const rows = new Map<string, TableRow>();
      for (const r of t.rows) if (r.spec && !rows.has(r.spec.id)) rows.set(r.spec.id, r);
      byTable.set(t.kind, rows);
    }
    return byTable;
  });
}

export function findRow(model: ReportModel, table: CellRef['table'], rowId: string): TableRow | undefined {
  return rowIndex(model).get(table)?.get(rowId);
}

/** A template cell as the report has it: only in a row with exactly the template's cells. */
function cellIn(row: TableRow | undefined, ref: CellRef): Cell | undefined {
  if (!row || row.cells.length !== row.columns.length) return undefined;
  const index = row.columns.findIndex((c) => c.id === ref.column);
  return index >= 0 ? row.cells[index] : undefined;
}

/** The same, looked up in the model (its value as written: no blank read as 0). */
export function cellAt(model: ReportModel, ref: CellRef): Cell | undefined {
  return cellIn(findRow(model, ref.table, ref.row), ref);
}

// Identities, links and checks look up the same template cells again and again: one lookup per
// cell reference and model (references are one object per cell, numbered: templates/cell-refs.ts).
// (Per model an array by the reference's number: no map to grow and hash into.)
const slots = new WeakMap<ReportModel, Array<Slot | undefined>>();

export function slot(model: ReportModel, ref: CellRef): Slot {
  return slotsOf(model)(ref);
}

/** The model's look-up of slots, for a loop over many cells: one weak-map look-up, not one per cell. */
export function slotsOf(model: ReportModel): (ref: CellRef) => Slot {
  let byRef = slots.get(model);
  if (!byRef) {
    byRef = [];
    slots.set(model, byRef);
  }
  const kept = byRef;
  let rows: RowIndex | undefined;
  return (ref) => {
    let found = kept[ref.index];
    if (!found) {
      found = lookUp(model, (rows ??= rowIndex(model)), ref);
      kept[ref.index] = found;
    }
    return found;
  };
}

function lookUp(model: ReportModel, rows: RowIndex, ref: CellRef): Slot {
  const row = rows.get(ref.table)?.get(ref.row);
  const cell = cellIn(row, ref);
  if (!cell) return { ref, row };
  if (cell.value.kind === 'blank') {
    const table = model.tables.find((t) => t.kind === ref.table);
    const reading = table && blankReading(model, table, null);
    if (reading) {
      const total = reading.derived.get(cell);
      return total ? { ref, row, cell, value: total, derivedTotal: true } : { ref, row, cell, value: Decimal.ZERO, assumedZero: true };
    }
  }
  const value = cell.value.kind === 'number' ? cell.value.value : undefined;
  return { ref, row, cell, value };
}

/** The template whose identities table 三 is judged by: its own layout, else the required format. */
export function identityTemplate(model: ReportModel, required: FormatId | null): FormatTemplate {
  const apps: Table | undefined = model.tables.find((t) => t.kind === 'applications');
  const own = apps?.format === '2019' || apps?.format === '2021' ? apps.format : undefined;
  const fallback = model.format === '2019' || model.format === '2021' ? model.format : '2019';
  return template(own ?? required ?? fallback);
}
