// Generated reports: each seed with one table cell or one prose figure broken at a time. Every
// mutant must add exactly one finding, of the right rule, at the right place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Finding } from '../../server/src/core';
import { evaluateBreakdowns } from '../../server/src/core/evaluate/breakdowns';
import { evaluateIdentities } from '../../server/src/core/evaluate/identities';
import { evaluateTextLinks } from '../../server/src/core/evaluate/text-links';
import type { Cell, ReportModel } from '../../server/src/core/model/types';
import { Decimal } from '../../server/src/core/numbers/decimal';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';

const ONE = Decimal.fromInt(1);
const SEVEN = Decimal.fromInt(7);

const key = (f: Finding) => `${f.rule}@${f.span.start}-${f.span.end}`;

function newFindings(before: Finding[], after: Finding[], shift: { at: number; by: number }): Finding[] {
  // Spans after the edit move by the edit's length difference.
  const old = new Set(before.map((f) => {
    const move = (o: number) => (o > shift.at ? o + shift.by : o);
    return `${f.rule}@${move(f.span.start)}-${move(f.span.end)}`;
  }));
  return after.filter((f) => !old.has(key(f)));
}

function mutate(text: string, span: { start: number; end: number }, replacement: string) {
  return { text: text.slice(0, span.start) + replacement + text.slice(span.end), shift: { at: span.start, by: replacement.length - (span.end - span.start) } };
}

const covers = (f: Finding, span: { start: number; end: number }) =>
  (f.span.start <= span.start && f.span.end >= span.end) || f.related.some((r) => r.span.start === span.start && r.span.end === span.end);

/** Cells whose value takes part in an identity that can be judged. */
function judgedCells(model: ReportModel): Set<Cell> {
  const set = new Set<Cell>();
  for (const e of evaluateIdentities(model, null)) {
    if (e.status === 'unjudged') continue;
    for (const s of [...e.left, ...e.right]) if (s.cell) set.add(s.cell);
  }
  return set;
}

describe('mutation: every table cell of every seed', { skip: NEEDS_SEEDS }, () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}`, () => {
      const text = readSeed(id);
      const base = analyze(text);
      const judged = judgedCells(base.model);
      let mutants = 0;
      for (const table of base.model.tables) {
        for (const row of table.rows) {
          if (!row.spec) continue;
          row.cells.forEach((cell, i) => {
            if (cell.value.kind !== 'number') return;
            const kind = row.columns[Math.min(i, row.columns.length - 1)]?.kind;
            // A cell in a judged identity gets a wrong value; any other gets an impossible one.
            const identity = judged.has(cell);
            // Amounts keep their unit: a minus sign makes them impossible.
            const replacement = identity ? cell.value.value.add(SEVEN).toString() : kind === 'amount' ? `-${cell.text}` : '1.5';
            const m = mutate(text, cell, replacement);
            const after = analyze(m.text);
            const added = newFindings(base.findings, after.findings, m.shift);
            const where = `${id} ${table.kind} ${row.spec!.id} cell ${i + 1} "${cell.text}"`;
            assert.equal(added.length, 1, `${where}: ${added.map(key).join(', ')}`);
            assert.equal(added[0].rule, identity ? 'figure-identity' : 'table-bad-value', where);
            const span = { start: cell.start, end: cell.end + m.shift.by };
            assert.ok(covers(added[0], span), `${where}: finding not at the cell`);
            mutants++;
          });
        }
      }
      assert.ok(mutants > 30, `${id}: ${mutants} mutants`);
    });
  }
});

const proseMutants = new Map<string, number>();

describe('mutation: every checkable prose figure of every seed', { skip: NEEDS_SEEDS }, () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}`, () => {
      const text = readSeed(id);
      const base = analyze(text);
      const identities = evaluateIdentities(base.model, null);
      const quotes = evaluateTextLinks(base.model, null, identities).filter((r) => r.kind === 'quote' && r.holds);
      const quoted = new Set(quotes.map((q) => q.figure));
      let mutants = 0;
      // A quoted figure off by one contradicts its table.
      for (const q of quotes) {
        const f = q.figure!;
        if (f.approx !== 'none') continue;
        const m = mutate(text, f, f.value.add(ONE).toString());
        const added = newFindings(base.findings, analyze(m.text).findings, m.shift);
        assert.equal(added.length, 1, `${id} quote "${f.text}" line ${f.line + 1}: ${added.map(key).join(', ')}`);
        assert.equal(added[0].rule, 'figure-text-table');
        assert.equal(added[0].span.start, f.start);
        mutants++;
      }
      // A part of a breakdown that holds, made larger than the whole total.
      for (const b of evaluateBreakdowns(base.model).filter((x) => x.status === 'holds')) {
        const part = b.parts.find((p) => !quoted.has(p) && p.approx === 'none');
        if (!part || b.total.approx !== 'none') continue;
        const m = mutate(text, part, part.value.add(b.total.value).toString());
        const added = newFindings(base.findings, analyze(m.text).findings, m.shift);
        assert.equal(added.length, 1, `${id} part "${part.text}" line ${part.line + 1}: ${added.map(key).join(', ')}`);
        assert.equal(added[0].rule, 'figure-breakdown');
        assert.equal(added[0].span.start, b.total.start < part.start ? b.total.start : b.total.start + m.shift.by);
        mutants++;
      }
      proseMutants.set(id, mutants);
    });
  }
  it('broke prose figures in every seed that states checkable ones (003 states none: its 3 + 7 are by channel)', () => {
    assert.deepEqual([...proseMutants.entries()].filter(([, n]) => n > 0).map(([id]) => id), ['000', '001', '002', '004']);
  });
});
