// Every finding on the five real reports, with the reason a careful reviewer would agree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings } from '../helpers/findings';
import { readSeed } from '../helpers/seeds';

const STRUCTURE = new Set([
  'section-missing', 'section-order', 'section-duplicate', 'section-title', 'format-version',
  'table-missing', 'table-row-missing', 'table-cell-count', 'table-empty-cell', 'table-bad-value', 'table-header',
]);

const structural = (id: string) =>
  findings(readSeed(id)).filter((f) => STRUCTURE.has(f.rule)).map((f) => `${f.rule}@${f.line}`);

describe('structure findings on the seeds', () => {
  it('000: its (五) and (六) blocks print 本年增 where the template says 本年增/减 (lines 73, 77)', () => {
    assert.deepEqual(structural('000'), ['table-header@73', 'table-header@77']);
  });

  it('001: every table-三 result row from （一） to （五）5 has six values for seven columns', () => {
    const expected = [70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87].map((l) => `table-cell-count@${l}`);
    assert.deepEqual(structural('001'), expected);
  });

  it('002: the （二） row label says 只记 for 只计 (line 216); nothing else (web chrome is ignored)', () => {
    assert.deepEqual(structural('002'), ['table-header@216']);
  });

  it('003: sections 一 and 五 use variant titles; 六 is missing (its intro itself says 五个部分)', () => {
    assert.deepEqual(structural('003'), ['section-title@9', 'section-title@86', 'section-missing@103']);
  });

  it('004: a 2021 report whose table 三 keeps the 2019 （六） row, and rows 1–（六） carry an extra cell', () => {
    const expected = [62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77].map((l) => `table-cell-count@${l}`);
    assert.deepEqual(structural('004'), [...expected, 'format-version@78', 'table-cell-count@78']);
  });
});
