// One engine evaluates every declared identity (勾稽关系) over the model, exactly (Decimal).
// Checks, hovers, fixes and inlay hints all read its results.
import type { ReportModel } from '../model/types';
import { Decimal, sum } from '../numbers/decimal';
import type { CellRef, FormatId, IdentitySpec } from '../templates/types';
import { cached } from './cache';
import { identityTemplate, known, slotsOf, type Slot } from './cells';

export interface EvaluatedIdentity {
  spec: IdentitySpec;
  left: Slot[];
  right: Slot[];
  /** 'unjudged' when a cell is blank, "/", text, or in an unbalanced row. */
  status: 'holds' | 'fails' | 'unjudged';
  leftSum?: Decimal;
  rightSum?: Decimal;
}

export function evaluateIdentities(model: ReportModel, required: FormatId | null): EvaluatedIdentity[] {
  return cached(model, `identities:${required}`, () => evaluate(model, required));
}

function evaluate(model: ReportModel, required: FormatId | null): EvaluatedIdentity[] {
  const tables = new Set(model.tables.map((t) => t.kind));
  const out: EvaluatedIdentity[] = [];
  const present = (refs: readonly CellRef[]) => {
    for (const r of refs) if (!tables.has(r.table)) return false;
    return true;
  };
  const slotOf = slotsOf(model);
  for (const spec of identityTemplate(model, required).identities) {
    if (!present(spec.left) || !present(spec.right)) continue;
    const left = spec.left.map(slotOf);
    const right = spec.right.map(slotOf);
    // A row the table lacks (table-row-missing) leaves the identity unjudged too.
    if (!known(left) || !known(right)) {
      out.push({ spec, left, right, status: 'unjudged' });
      continue;
    }
    const leftSum = sumOf(left);
    const rightSum = sumOf(right);
    out.push({ spec, left, right, leftSum, rightSum, status: leftSum.equals(rightSum) ? 'holds' : 'fails' });
  }
  return out;
}

/** The sum of slots that all hold a value (a loop: every identity of every report comes here). */
function sumOf(slots: readonly Slot[]): Decimal {
  let total = Decimal.ZERO;
  for (const s of slots) total = total.add(s.value!);
  return total;
}

export interface Culprit {
  slot: Slot;
  /** The value that would make every identity it is in hold. */
  shouldBe: Decimal;
  identities: EvaluatedIdentity[];
}

/**
 * Cells that alone explain several failing identities: every identity the cell is in fails, and
 * all of them need the same new value for it. Greedy, largest first; each failing identity is
 * explained at most once.
 */
export function findCulprits(evaluated: EvaluatedIdentity[]): { culprits: Culprit[]; unexplained: EvaluatedIdentity[] } {
  const failing = evaluated.filter((e) => e.status === 'fails');
  if (failing.length === 0) return { culprits: [], unexplained: [] };
  // Only a cell of a failing identity can be a culprit: the others are not followed. (References
  // are one object per template cell: they are the keys.)
  const suspects = new Set<CellRef>();
  for (const e of failing) {
    for (const s of e.left) suspects.add(s.ref);
    for (const s of e.right) suspects.add(s.ref);
  }
  const byCell = new Map<CellRef, { slot: Slot; memberships: Array<{ e: EvaluatedIdentity; side: 1 | -1 }> }>();
  const follow = (e: EvaluatedIdentity, slots: readonly Slot[], side: 1 | -1) => {
    for (const s of slots) {
      if (!suspects.has(s.ref)) continue;
      let entry = byCell.get(s.ref);
      if (!entry) byCell.set(s.ref, (entry = { slot: s, memberships: [] }));
      entry.memberships.push({ e, side });
    }
  };
  for (const e of evaluated) {
    if (e.status === 'unjudged') continue;
    follow(e, e.left, 1);
    follow(e, e.right, -1);
  }
  const candidates: Culprit[] = [];
  for (const { slot: s, memberships } of byCell.values()) {
    if (memberships.length < 2 || memberships.some((m) => m.e.status !== 'fails')) continue;
    // left = right; this cell on `side`: new value = old − side·(left − right).
    const proposals = memberships.map(({ e, side }) => {
      const delta = e.leftSum!.sub(e.rightSum!);
      return side === 1 ? s.value!.sub(delta) : s.value!.add(delta);
    });
    if (proposals.every((p) => p.equals(proposals[0])) && !proposals[0].isNegative()) {
      candidates.push({ slot: s, shouldBe: proposals[0], identities: memberships.map((m) => m.e) });
    }
  }
  candidates.sort((a, b) => b.identities.length - a.identities.length);
  const explained = new Set<EvaluatedIdentity>();
  const culprits: Culprit[] = [];
  for (const c of candidates) {
    if (c.identities.some((e) => explained.has(e))) continue;
    culprits.push(c);
    for (const e of c.identities) explained.add(e);
  }
  return { culprits, unexplained: failing.filter((e) => !explained.has(e)) };
}

/** What the identities say of one cell: nothing (free), one value (forced), or values that disagree. */
export type Constraint = { kind: 'free' } | { kind: 'forced'; value: Decimal } | { kind: 'conflict' };

/**
 * The value the identities force on one cell (a blank, say): every identity it is in whose other
 * cells are known must agree, on a value that is not negative.
 */
export function constraintOn(evaluated: EvaluatedIdentity[], target: { row: string; column: string }): Constraint {
  let forced: Decimal | undefined;
  for (const e of evaluated) {
    const sides = [...e.left.map((s) => ({ s, sign: 1 })), ...e.right.map((s) => ({ s, sign: -1 }))];
    const mine = sides.filter(({ s }) => s.ref.row === target.row && s.ref.column === target.column);
    if (mine.length !== 1) continue;
    const others = sides.filter((x) => x !== mine[0]);
    if (others.some(({ s }) => s.value === undefined)) continue;
    const balance = sum(others.map(({ s, sign }) => (sign > 0 ? s.value! : s.value!.negate())));
    const value = mine[0].sign > 0 ? balance.negate() : balance;
    if (value.isNegative() || (forced && !forced.equals(value))) return { kind: 'conflict' };
    forced = value;
  }
  return forced ? { kind: 'forced', value: forced } : { kind: 'free' };
}
