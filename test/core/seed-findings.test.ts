// Every finding on the five real reports, with the reason a careful reviewer would agree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings } from '../helpers/findings';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';

const STRUCTURE = new Set([
  'section-missing', 'section-order', 'section-duplicate', 'section-title', 'format-version',
  'table-missing', 'table-row-missing', 'table-cell-count', 'table-empty-cell', 'table-bad-value', 'table-header',
]);

const structural = (id: string) =>
  findings(readSeed(id)).filter((f) => STRUCTURE.has(f.rule)).map((f) => `${f.rule}@${f.line}`);

describe('structure findings on the seeds', { skip: NEEDS_SEEDS }, () => {
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

const all = (id: string) => findings(readSeed(id)).map((f) => `${f.rule}@${f.line}:${f.text}`);

describe('every finding on the seeds is one a careful reviewer would make', { skip: NEEDS_SEEDS }, () => {
  it('000: also 1384 ≠ 1152 (parts of 累计…1152 条), and 政策解读 stated as 6 and 7', () => {
    // Line 15: 累计主动公开各类信息 1152 条 … 其中 453 + 108 + 258 + 312 + 253 = 1384.
    // Line 19: “政策解读”栏目发布解读信息 6 条; line 15's nested list says 政策解读 7 条.
    assert.deepEqual(all('000').filter((f) => f.startsWith('figure')), ['figure-breakdown@15:1152', 'figure-repeat@19:6']);
  });
  it('001: 采购总金额 "7" under a header that asks for 万元 with 4 decimals', () => {
    assert.deepEqual(all('001').filter((f) => f.startsWith('figure')), ['figure-unit@61:7']);
  });
  it('002: 采购总金额 36,563,210.00 with no unit, and a header that fixes none', () => {
    assert.deepEqual(all('002').filter((f) => f.startsWith('figure')), ['figure-unit@142:36,563,210.00']);
  });
  it('003 and 004: their figures agree (收到申请 10 = 3 + 7 by channel; 14 with 11 + 1 + 1 + 1)', () => {
    assert.deepEqual(all('003').filter((f) => f.startsWith('figure')), []);
    assert.deepEqual(all('004').filter((f) => f.startsWith('figure')), []);
  });
  it('no rule reports more than the structure and figure findings listed above', () => {
    const counts = SEED_IDS.map((id) => all(id).length);
    assert.deepEqual(counts, [4, 19, 2, 3, 18]);
  });
});
