// Rows whose digits ran together with no separator ("640020470" for 64 0 0 2 0 4 70, or
// "230 000023" with a stray space), as web copies and crawlers leave them. A row is split only
// when exactly one split into the template's columns satisfies the identities (勾稽关系) — first
// its own (总计 = Σ parts), then, for rows still open, the column identities with the rows already
// known. Otherwise the row is kept unread: no cells, no findings on them, and one note per table.
import type { LayoutLine } from '../../layout/lines';
import { parseCellValue } from '../../numbers/cell-value';
import { FORMATS, template } from '../../templates';
import type { CellRef, ColumnSpec, IdentitySpec, RowSpec } from '../../templates/types';
import type { Cell, Table, TableRow } from '../types';

/** A number in a count cell has at most this many digits (more is a run, not a count). */
const LONGEST_PART = 9;
/** Splits tried per row at most: past this the row is left unread rather than searched on. */
const BUDGET = 200_000;

interface Digits {
  text: string;
  /** Offset in the document of each digit, and its line. */
  offsets: number[];
  lines: number[];
  /** Decimals and unit that follow the last digit (they belong to the last cell). */
  suffix?: { text: string; end: number };
}

const AMOUNT_TAIL = /^(\d+)((?:\.\d+)?\s*(?:亿元|万元|千元|元)?)$/;

/** The row's cells as one run of digits, when they are digits that ran together. */
function runOf(row: TableRow, lines: readonly LayoutLine[]): Digits | undefined {
  if (!row.spec || row.columns.length < 2 || row.cells.length === 0 || row.cells.length >= row.columns.length) return undefined;
  let text = '';
  let suffix: Digits['suffix'];
  const offsets: number[] = [];
  const cellLines: number[] = [];
  for (const c of row.cells) {
    // Tab- or pipe-separated cells are the source's own: a short row there is a missing cell.
    if (lines[c.line]?.separated) return undefined;
    let digits = c.text;
    // An amount in the last column keeps its decimals and unit: "13575394432.52元".
    if (c === row.cells[row.cells.length - 1] && row.columns[row.columns.length - 1].kind === 'amount') {
      const m = AMOUNT_TAIL.exec(c.text);
      if (m && m[2] !== '') {
        digits = m[1];
        suffix = { text: m[2], end: c.end };
      }
    }
    if (!/^\d+$/.test(digits)) return undefined;
    for (let i = 0; i < digits.length; i++) {
      text += digits[i];
      offsets.push(c.start + i);
      cellLines.push(c.line);
    }
  }
  if (text.length <= row.cells.length || text.length < row.columns.length) return undefined;
  // A space-separated row with one value missing ("12 3 0 0 0 15") is a short row, not a run: a
  // run is one line's digits in one token, a few tokens, or tokens with leading zeros ("230 000023").
  if (new Set(cellLines).size > 1) return undefined;
  const fewTokens = row.cells.length <= row.columns.length / 2;
  if (!fewTokens && !row.cells.some((c) => c.text.length > 1 && c.text[0] === '0')) return undefined;
  return { text, offsets, lines: cellLines, suffix };
}

/** Every cell an identity names, left then right (template data: kept per identity). */
const REFS = new WeakMap<IdentitySpec, readonly CellRef[]>();
function refsOf(identity: IdentitySpec): readonly CellRef[] {
  let refs = REFS.get(identity);
  if (!refs) REFS.set(identity, (refs = [...identity.left, ...identity.right]));
  return refs;
}

/** The identities within one table, of its format or of every format (template data: kept). */
const TABLE_IDENTITIES = new Map<string, IdentitySpec[]>();
function identitiesFor(table: Table): IdentitySpec[] {
  const formats = table.format === '2019' || table.format === '2021' ? [template(table.format)] : FORMATS;
  const cacheKey = `${table.kind}|${formats.map((f) => f.id).join(',')}`;
  const kept = TABLE_IDENTITIES.get(cacheKey);
  if (kept) return kept;
  const seen = new Set<string>();
  const out: IdentitySpec[] = [];
  for (const f of formats) {
    for (const i of f.identities) {
      if (seen.has(i.id)) continue;
      if (!refsOf(i).every((r) => r.table === table.kind)) continue;
      seen.add(i.id);
      out.push(i);
    }
  }
  TABLE_IDENTITIES.set(cacheKey, out);
  return out;
}

type Values = Map<string, bigint>;
const key = (r: CellRef) => `${r.row}/${r.column}`;

/**
 * An identity over numbered cells can still hold: false only when every cell of both sides is known
 * (an index of -1, or a value not yet chosen, leaves it open) and the sums differ. Parts have at
 * most 9 digits, so the sums are exact in a double.
 */
function mayHold(left: readonly number[], right: readonly number[], values: ArrayLike<number | undefined>): boolean {
  const l = sideSum(left, values);
  if (l === undefined) return true;
  const r = sideSum(right, values);
  return r === undefined || l === r;
}

function sideSum(cells: readonly number[], values: ArrayLike<number | undefined>): number | undefined {
  let t = 0;
  for (const n of cells) {
    const v = n < 0 ? undefined : values[n];
    if (v === undefined) return undefined;
    t += v;
  }
  return t;
}

/** true / false when every cell of the identity is known, undefined while one is not. */
function holds(identity: IdentitySpec, values: (ref: CellRef) => bigint | undefined): boolean | undefined {
  let left = 0n;
  let right = 0n;
  for (const r of identity.left) {
    const v = values(r);
    if (v === undefined) return undefined;
    left += v;
  }
  for (const r of identity.right) {
    const v = values(r);
    if (v === undefined) return undefined;
    right += v;
  }
  return left === right;
}

/** A row's own identities, by the column where each can first be tested, over column numbers. */
interface RowPlan {
  dueSlots: Array<Array<{ left: number[]; right: number[] }>>;
}

/**
 * Worked out once per table's identities, row and columns (template data): every report's
 * run-together rows are the same few template rows.
 */
const PLANS = new WeakMap<IdentitySpec[], WeakMap<RowSpec, WeakMap<readonly ColumnSpec[], RowPlan>>>();

function rowPlan(identities: IdentitySpec[], row: TableRow): RowPlan {
  let bySpec = PLANS.get(identities);
  if (!bySpec) PLANS.set(identities, (bySpec = new WeakMap()));
  let byColumns = bySpec.get(row.spec!);
  if (!byColumns) bySpec.set(row.spec!, (byColumns = new WeakMap()));
  let plan = byColumns.get(row.columns);
  if (!plan) byColumns.set(row.columns, (plan = makePlan(identities, row)));
  return plan;
}

function makePlan(identities: IdentitySpec[], row: TableRow): RowPlan {
  const rowId = row.spec!.id;
  const own = identities.filter((i) => refsOf(i).every((r) => r.row === rowId));
  const columnIndex = new Map(row.columns.map((c, i) => [c.id, i]));
  // Each identity is tested as soon as its last column is placed.
  const due: IdentitySpec[][] = row.columns.map(() => []);
  for (const i of own) {
    const last = Math.max(...refsOf(i).map((r) => columnIndex.get(r.column) ?? -1));
    if (last >= 0) due[last].push(i);
  }
  const dueSlots = due.map((list) =>
    list.map((i) => ({
      left: i.left.map((r) => (r.row === rowId ? (columnIndex.get(r.column) ?? -1) : -1)),
      right: i.right.map((r) => (r.row === rowId ? (columnIndex.get(r.column) ?? -1) : -1)),
    })),
  );
  return { dueSlots };
}

/**
 * Every split of `digits` into the row's columns (no leading zeros) under which the row's own
 * identities hold; undefined when the search ran over its budget.
 */
function splits(digits: string, row: TableRow, plan: RowPlan): number[][] | undefined {
  const k = row.columns.length;
  const { dueSlots } = plan;
  const found: number[][] = [];
  const cuts: number[] = [0];
  // Numbers, not a BigInt per try (see mayHold).
  const parts: number[] = [];
  let steps = 0;
  const fits = (column: number) => {
    for (const d of dueSlots[column]) if (!mayHold(d.left, d.right, parts)) return false;
    return true;
  };
  const walk = (at: number, column: number): boolean => {
    if (++steps > BUDGET) return false;
    if (column === k) {
      if (at === digits.length) found.push([...cuts]);
      return true;
    }
    const left = k - column;
    // The part's value grows digit by digit (no string per try: this loop runs thousands of times).
    let value = 0;
    for (let len = 1; len <= LONGEST_PART && at + len <= digits.length; len++) {
      value = value * 10 + (digits.charCodeAt(at + len - 1) - 48);
      const rest = digits.length - at - len;
      if (rest < left - 1) break;
      if (rest > (left - 1) * LONGEST_PART) continue;
      if (len > 1 && digits.charCodeAt(at) === 48) break;
      parts[column] = value;
      if (fits(column)) {
        cuts.push(at + len);
        const ok = walk(at + len, column + 1);
        cuts.pop();
        if (!ok) return false;
      }
    }
    parts.length = column;
    return true;
  };
  return walk(0, 0) ? found : undefined;
}

function cellsOf(run: Digits, cuts: number[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const last = i + 2 === cuts.length && run.suffix;
    const text = run.text.slice(cuts[i], cuts[i + 1]) + (last ? run.suffix!.text : '');
    const start = run.offsets[cuts[i]];
    const end = last ? run.suffix!.end : run.offsets[cuts[i + 1] - 1] + 1;
    cells.push({ text, start, end, line: run.lines[cuts[i]], value: parseCellValue(text) });
  }
  return cells;
}

/** Splits the run-together rows of a table in place; rows that cannot be split are marked unread. */
export function splitRunTogetherRows(table: Table, lines: readonly LayoutLine[]): void {
  const identities = identitiesFor(table);
  const open: Array<{ row: TableRow; run: Digits; candidates: number[][] }> = [];
  for (const row of table.rows) {
    const run = runOf(row, lines);
    if (!run) continue;
    const candidates = splits(run.text, row, rowPlan(identities, row)) ?? [];
    open.push({ row, run, candidates: candidates.length > 0 ? candidates : [] });
  }
  if (open.length === 0) return;

  const settle = (known?: Values) => {
    let progress = false;
    for (const o of open) {
      if (o.candidates.length !== 1 || o.row.runTogether) continue;
      o.row.cells = cellsOf(o.run, o.candidates[0]);
      o.row.runTogether = 'split';
      if (known) learn(known, o.row, o.row.cells);
      progress = true;
    }
    return progress;
  };
  settle();
  // Most rows have one split: the other rows' values are gathered only when one has several.
  if (open.every((o) => o.row.runTogether || o.candidates.length < 2)) {
    markUnread(open);
    return;
  }
  const known = knownValues(table, open);
  narrowTogether(open, identities, known, cellsOf);
  settle(known);
  // Column identities narrow the rows still open, one known row at a time.
  for (let round = 0; round < open.length; round++) {
    let narrowed = false;
    for (const o of open) {
      if (o.row.runTogether || o.candidates.length < 2) continue;
      const rowId = o.row.spec!.id;
      const involved = identities.filter((i) => refsOf(i).some((r) => r.row === rowId));
      const kept = o.candidates.filter((cuts) => {
        const cells = cellsOf(o.run, cuts);
        const own = new Map(o.row.columns.map((c, i) => [`${rowId}/${c.id}`, BigInt(cells[i].text.replace(/\D.*$/, ''))]));
        return involved.every((i) => holds(i, (r) => own.get(key(r)) ?? known.get(key(r))) !== false);
      });
      if (kept.length < o.candidates.length) {
        o.candidates = kept;
        narrowed = true;
      }
    }
    if (!settle(known) && !narrowed) break;
  }
  markUnread(open);
}

/** Known values: balanced rows of numbers, and rows whose split is already certain. */
function knownValues(table: Table, open: Array<{ row: TableRow }>): Values {
  const known: Values = new Map();
  for (const row of table.rows) {
    const opened = open.find((o) => o.row === row);
    if (!opened || opened.row.runTogether === 'split') learn(known, row, row.cells);
  }
  return known;
}

function learn(known: Values, row: TableRow, cells: Cell[]): void {
  if (cells.length !== row.columns.length || !row.spec) return;
  cells.forEach((c, i) => {
    if (c.value.kind === 'number' && c.value.value.scale === 0) known.set(`${row.spec!.id}/${row.columns[i].id}`, BigInt(c.text.replace(/\D/g, '')));
  });
}

/** Rows no split could be settled for: kept unread (no cells, no findings on them). */
function markUnread(open: Array<{ row: TableRow }>): void {
  for (const o of open) {
    if (o.row.runTogether) continue;
    o.row.runTogether = 'unread';
    o.row.cells = [];
  }
}

/** Joint candidates tried at most when several open rows share the column identities. */
const JOINT_BUDGET = 20_000;

/**
 * Rows still open whose column identities hold only for one choice of each: every combination of
 * their candidates is tried (while few), and a row takes the candidate all surviving combinations agree on.
 * The combinations are walked depth-first, each identity tested as soon as the last of its open rows
 * is chosen, over cells numbered once (a part has at most 9 digits: sums stay exact in a double).
 */
function narrowTogether(
  open: Array<{ row: TableRow; run: Digits; candidates: number[][] }>,
  identities: IdentitySpec[],
  known: Values,
  cells: (run: Digits, cuts: number[]) => Cell[],
): void {
  const rows = open.filter((o) => !o.row.runTogether && o.candidates.length > 1);
  if (rows.length === 0) return;
  let combos = 1;
  for (const o of rows) combos *= o.candidates.length;
  if (combos > JOINT_BUDGET) return;
  const rowIndex = new Map(rows.map((o, r) => [o.row.spec!.id, r]));
  const involved = identities.filter((i) => refsOf(i).some((r) => rowIndex.has(r.row)));
  // Every cell the identities name gets a slot; known cells are filled once, open rows' per choice.
  const slotOf = new Map<string, number>();
  const number = (ref: CellRef) => {
    let n = slotOf.get(key(ref));
    if (n === undefined) slotOf.set(key(ref), (n = slotOf.size));
    return n;
  };
  const compiled = involved.map((i) => ({
    left: i.left.map(number),
    right: i.right.map(number),
    due: Math.max(...refsOf(i).map((r) => rowIndex.get(r.row) ?? -1)),
  }));
  const values = new Array<number | undefined>(slotOf.size).fill(undefined);
  for (const [k, n] of slotOf) {
    const v = known.get(k);
    if (v !== undefined) values[n] = Number(v);
  }
  const dueAt = rows.map((_, r) => compiled.filter((c) => c.due === r));
  const rowSlots = rows.map((o) => o.row.columns.map((c) => slotOf.get(`${o.row.spec!.id}/${c.id}`)));
  const choices = rows.map((o) => o.candidates.map((cuts) => cells(o.run, cuts).map((c) => Number(c.text.replace(/\D.*$/, '')))));
  // Per row, the choice every surviving combination made so far (-1 once two disagree).
  const agreed: number[] = rows.map(() => -2);
  let survivors = 0;
  const choice = rows.map(() => 0);
  // (A loop, not `every` with a closure: this runs once per combination tried, up to JOINT_BUDGET.)
  const fitsAt = (r: number) => {
    for (const c of dueAt[r]) if (!mayHold(c.left, c.right, values)) return false;
    return true;
  };
  const walk = (r: number) => {
    if (r === rows.length) {
      survivors++;
      for (let i = 0; i < rows.length; i++) agreed[i] = agreed[i] === -2 || agreed[i] === choice[i] ? choice[i] : -1;
      return;
    }
    const slots = rowSlots[r];
    for (let k = 0; k < choices[r].length; k++) {
      choice[r] = k;
      const chosen = choices[r][k];
      for (let i = 0; i < slots.length; i++) if (slots[i] !== undefined) values[slots[i]!] = chosen[i];
      if (fitsAt(r)) walk(r + 1);
    }
    for (const n of rowSlots[r]) if (n !== undefined) values[n] = undefined;
  };
  walk(0);
  if (survivors === 0) return;
  rows.forEach((o, r) => {
    if (agreed[r] >= 0) o.candidates = [o.candidates[agreed[r]]];
  });
}
