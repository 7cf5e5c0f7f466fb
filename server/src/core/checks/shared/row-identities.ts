// Identities that live inside one row (I1 for table 三 rows, I4 for table 四): used to tell which
// cell of an unbalanced row is missing or spurious.
import { identityTemplate, slotsOf } from '../../evaluate/cells';
import type { Cell, ReportModel, Table, TableRow } from '../../model/types';
import { Decimal } from '../../numbers/decimal';
import { FORMATS } from '../../templates';
import type { CellRef, FormatId, FormatTemplate, IdentitySpec } from '../../templates/types';

/**
 * Every identity the row takes part in: its own (I1, I4) and the column ones (I2, I3) that tie it
 * to other rows. Column identities are judged with the other rows' values as they stand.
 */
export function identitiesOfRow(model: ReportModel, required: FormatId | null, table: Table, row: TableRow): IdentitySpec[] {
  if (!row.spec) return [];
  const first = identityTemplate(model, required);
  // Template data only: the answer is the same for every model, so it is kept (by template, table
  // and row id: no key string made per look-up).
  let byTable = byTemplate.get(first);
  if (!byTable) byTemplate.set(first, (byTable = new Map()));
  let byRow = byTable.get(table.kind);
  if (!byRow) byTable.set(table.kind, (byRow = new Map()));
  let found = byRow.get(row.spec.id);
  if (!found) {
    found = collectIdentities(first, table.kind, row.spec.id);
    byRow.set(row.spec.id, found);
  }
  return found;
}

const byTemplate = new Map<FormatTemplate, Map<Table['kind'], Map<string, IdentitySpec[]>>>();

function collectIdentities(first: FormatTemplate, table: Table['kind'], id: string): IdentitySpec[] {
  const found = new Map<string, IdentitySpec>();
  // The 2019 （六） row has identities only in the 2019 template: look in every format.
  for (const f of [first, ...FORMATS]) {
    for (const i of f.identities) {
      if (i.left.some((r) => r.table === table && r.row === id) || i.right.some((r) => r.table === table && r.row === id)) found.set(i.id, i);
    }
  }
  return [...found.values()];
}

export type Alignment =
  | { kind: 'unique'; op: 'remove'; index: number; positions: number[]; cells: Array<Decimal | undefined> }
  | { kind: 'unique'; op: 'insert'; index: number; positions: number[]; value: Decimal | undefined; cells: Array<Decimal | undefined> }
  | { kind: 'ambiguous' }
  | { kind: 'unknown' };

function numbers(cells: Cell[]): Array<Decimal | undefined> {
  return cells.map((c) => (c.value.kind === 'number' ? c.value.value : undefined));
}

/**
 * Do the identities hold with this row's candidate values (`rowValues`, in the row's column order)
 * and the other rows as they stand? Solves the one unknown cell (column `unknown`, the inserted
 * one) when an identity pins it.
 */
function consistent(
  model: ReportModel,
  row: TableRow,
  rowValues: ReadonlyArray<Decimal | undefined>,
  identities: IdentitySpec[],
  unknown = -1,
): { ok: boolean; solved?: Decimal } {
  let solved: Decimal | undefined;
  const slotOf = slotsOf(model);
  const rowId = row.spec!.id;
  // A reference's column in this row; -1 for another row's cell, -2 for a column the row lacks.
  const columnOf = (r: CellRef) => {
    if (r.row !== rowId) return -1;
    const i = row.columns.findIndex((c) => c.id === r.column);
    return i < 0 ? -2 : i;
  };
  // (Plain loops: every position of every unbalanced row is tried against every identity.)
  for (const idn of identities) {
    let missing = 0;
    let missingColumn = -1;
    let missingSign = 1;
    let balance = Decimal.ZERO;
    for (let side = 0; side < 2; side++) {
      const refs = side === 0 ? idn.left : idn.right;
      for (const r of refs) {
        const column = columnOf(r);
        const v = column === -1 ? slotOf(r).value : column < 0 || column === unknown ? undefined : rowValues[column];
        if (v === undefined) {
          missing++;
          missingColumn = column;
          missingSign = side === 0 ? 1 : -1;
        } else balance = side === 0 ? balance.add(v) : balance.sub(v);
      }
    }
    if (missing > 1) continue;
    if (missing === 0) {
      if (!balance.equals(Decimal.ZERO)) return { ok: false };
      continue;
    }
    // An identity over a cell unknown for another reason (a blank) cannot be judged.
    if (missingColumn < 0 || missingColumn !== unknown) continue;
    // unknown·sign + balance = 0
    const value = missingSign > 0 ? balance.negate() : balance;
    if (value.isNegative() || (solved && !solved.equals(value))) return { ok: false };
    solved = value;
  }
  return { ok: true, solved };
}

/**
 * For a row one cell short or one cell long, tries every position and keeps those that satisfy
 * the row's identities. Unique when every consistent position gives the same row (e.g. the
 * spurious cell is one of several equal 0s): then the fix is unambiguous even if the position is not.
 */
/** The identities that live inside the row alone (I1 for table 三 rows, I4 for table 四). */
function ownIdentities(model: ReportModel, required: FormatId | null, table: Table, row: TableRow): IdentitySpec[] {
  const all = identitiesOfRow(model, required, table, row);
  let own = ownOf.get(all);
  if (!own) {
    const id = row.spec!.id;
    ownOf.set(all, (own = all.filter((i) => i.left.every((r) => r.row === id) && i.right.every((r) => r.row === id))));
  }
  return own;
}

/** Per kept list of a row's identities (template data), those inside the row alone. */
const ownOf = new WeakMap<IdentitySpec[], IdentitySpec[]>();

/**
 * Whether a balanced row with these values would satisfy every identity it takes part in that can
 * be judged (the column ones with the other rows as they stand): a fix must not add a finding.
 */
export function rowFitsAll(model: ReportModel, required: FormatId | null, table: Table, row: TableRow, values: Array<Decimal | undefined>): boolean {
  return consistent(model, row, values, identitiesOfRow(model, required, table, row)).ok;
}

export function alignRow(model: ReportModel, required: FormatId | null, table: Table, row: TableRow): Alignment {
  // Which cell is missing or spurious is told by the row's own totals.
  const identities = ownIdentities(model, required, table, row);
  const expected = row.columns.length;
  const got = row.cells.length;
  if (identities.length === 0 || Math.abs(got - expected) !== 1) return { kind: 'unknown' };
  const values = numbers(row.cells);
  const results = new Map<string, Alignment>();
  // One cell too few: a cell is put in at each position; one too many: each is taken out in turn.
  const inserting = got < expected;
  for (let p = 0; p < (inserting ? expected : got); p++) {
    const cells = inserting ? [...values.slice(0, p), undefined, ...values.slice(p)] : values.filter((_, i) => i !== p);
    const check = consistent(model, row, cells, identities, inserting ? p : -1);
    if (!check.ok) continue;
    if (inserting) cells[p] = check.solved;
    const key = cells.map((c) => c?.toString() ?? '?').join(',');
    const existing = results.get(key);
    if (existing?.kind === 'unique') existing.positions.push(p);
    else {
      results.set(
        key,
        inserting
          ? { kind: 'unique', op: 'insert', index: p, positions: [p], value: check.solved, cells }
          : { kind: 'unique', op: 'remove', index: p, positions: [p], cells },
      );
    }
  }
  if (results.size === 1) return [...results.values()][0];
  return results.size === 0 ? { kind: 'unknown' } : { kind: 'ambiguous' };
}
