// Identities that live inside one row (I1 for table 三 rows, I4 for table 四): used to tell which
// cell of an unbalanced row is missing or spurious.
import type { Cell, Table, TableRow } from '../../model/types';
import { Decimal, sum } from '../../numbers/decimal';
import { FORMATS } from '../../templates';
import type { IdentitySpec } from '../../templates/types';

export function rowIdentities(table: Table, row: TableRow): IdentitySpec[] {
  if (!row.spec) return [];
  const id = row.spec.id;
  const found = new Map<string, IdentitySpec>();
  for (const f of FORMATS) {
    for (const i of f.identities) {
      if ([...i.left, ...i.right].every((r) => r.table === table.kind && r.row === id)) found.set(i.id, i);
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

/** Does the row (by column id) satisfy every identity; solve one unknown if there is exactly one. */
function consistent(values: Map<string, Decimal | undefined>, identities: IdentitySpec[], unknown?: string): { ok: boolean; solved?: Decimal } {
  let solved: Decimal | undefined;
  for (const idn of identities) {
    const refs = [...idn.left.map((r) => ({ r, sign: 1 })), ...idn.right.map((r) => ({ r, sign: -1 }))];
    const missing = refs.filter(({ r }) => r.column === unknown || values.get(r.column) === undefined);
    if (missing.length > 1) continue;
    const known = refs.filter((x) => !missing.includes(x)).map(({ r, sign }) => (sign > 0 ? values.get(r.column)! : values.get(r.column)!.negate()));
    const balance = sum(known);
    if (missing.length === 0) {
      if (!balance.equals(Decimal.ZERO)) return { ok: false };
      continue;
    }
    if (missing[0].r.column !== unknown) continue;
    // unknown·sign + balance = 0
    const value = missing[0].sign > 0 ? balance.negate() : balance;
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
export function alignRow(table: Table, row: TableRow): Alignment {
  const identities = rowIdentities(table, row);
  const expected = row.columns.length;
  const got = row.cells.length;
  if (identities.length === 0 || Math.abs(got - expected) !== 1) return { kind: 'unknown' };
  const values = numbers(row.cells);
  const columns = row.columns.map((c) => c.id);
  const results = new Map<string, Alignment>();
  for (let p = 0; p < (got > expected ? got : expected); p++) {
    let cells: Array<Decimal | undefined>;
    let unknownColumn: string | undefined;
    if (got > expected) cells = values.filter((_, i) => i !== p);
    else {
      cells = [...values.slice(0, p), undefined, ...values.slice(p)];
      unknownColumn = columns[p];
    }
    const byColumn = new Map(columns.map((c, i) => [c, cells[i]]));
    const check = consistent(byColumn, identities, unknownColumn);
    if (!check.ok) continue;
    if (unknownColumn) cells[p] = check.solved;
    const key = cells.map((c) => c?.toString() ?? '?').join(',');
    const existing = results.get(key);
    if (existing?.kind === 'unique') existing.positions.push(p);
    else {
      results.set(
        key,
        got > expected
          ? { kind: 'unique', op: 'remove', index: p, positions: [p], cells }
          : { kind: 'unique', op: 'insert', index: p, positions: [p], value: check.solved, cells },
      );
    }
  }
  if (results.size === 1) return [...results.values()][0];
  return results.size === 0 ? { kind: 'unknown' } : { kind: 'ambiguous' };
}
