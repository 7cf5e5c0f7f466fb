// The report model on the five real reports: sections with their lines, every table with its
// rows and the cells per row exactly as they stand in the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, inspectModel } from '../../server/src/core';
import { readSeed, NEEDS_SEEDS } from '../helpers/seeds';

function model(id: string) {
  return inspectModel(buildModel(readSeed(id)));
}

const sectionLines = (id: string) => model(id).sections.map((s) => [s.number, s.line]);
const rowShape = (id: string, kind: string) =>
  model(id).tables.find((t) => t.kind === kind)?.rows.map((r) => [r.row, r.cells.length]);

const APPLICATION_ROWS_2019 = [
  'new', 'carried', 'granted', 'partial',
  'withheld.1', 'withheld.2', 'withheld.3', 'withheld.4', 'withheld.5', 'withheld.6', 'withheld.7', 'withheld.8',
  'unavailable.1', 'unavailable.2', 'unavailable.3',
  'notProcessed.1', 'notProcessed.2', 'notProcessed.3', 'notProcessed.4', 'notProcessed.5',
  'other', 'total', 'carryForward',
];

describe('report model on the seeds', { skip: NEEDS_SEEDS }, () => {
  it('000 (Word paste, 2020): title, year, period, format and six sections', () => {
    const m = model('000');
    assert.equal(m.year, 2020);
    assert.equal(m.format, '2019');
    assert.equal(m.title, '四方台区人民政府2020 年政府信息公开工作年度报告');
    assert.equal(m.period, '2020 年 1 月 1 日起至 2020 年 12 月 31 日');
    assert.deepEqual(sectionLines('000'), [[1, 9], [2, 65], [3, 87], [4, 123], [5, 140], [6, 156]]);
    // Sub-headings of 一 and of 四; table rows such as (一) 予以公开 are not among them.
    assert.deepEqual(m.sections[0].children.map((c) => c.line), [15, 37, 41, 43, 53]);
    assert.deepEqual(m.sections[3].children.map((c) => c.ordinal), ['一', '二']);
  });

  it('000: all three tables, every row mapped, broken labels joined', () => {
    const m = model('000');
    assert.deepEqual(m.tables.map((t) => [t.kind, t.line]), [['active', 67], ['applications', 91], ['appeals', 127]]);
    assert.deepEqual(rowShape('000', 'active'), [
      ['一/rules', 3], ['一/normative', 3], ['五/licensing', 3], ['五/otherServices', 3],
      ['六/penalty', 3], ['六/enforcement', 3], ['八/fees', 2], ['九/procurement', 2],
    ]);
    assert.deepEqual(rowShape('000', 'applications'), APPLICATION_ROWS_2019.map((r) => [r, 7]));
    assert.deepEqual(rowShape('000', 'appeals'), [['values', 15]]);
    const apps = m.tables[1];
    // "1. 属于国家" + (page break) + "秘密" is one label.
    assert.equal(apps.rows[4].label, '1. 属于国家秘密');
    assert.deepEqual(m.tables[0].rows[7].cells, ['152', '973.90 万元']);
  });

  it('001 (Word paste): table 三 result rows are one cell short, as in the text', () => {
    assert.deepEqual(sectionLines('001'), [[1, 5], [2, 41], [3, 63], [4, 94], [5, 101], [6, 113]]);
    const shape = rowShape('001', 'applications')!;
    assert.equal(shape.length, 23);
    const short = shape.filter(([, n]) => n === 6).map(([r]) => r);
    assert.deepEqual(short, APPLICATION_ROWS_2019.slice(2, 20));
    assert.deepEqual(model('001').tables[1].rows[12].cells, ['5', '0', '0', '0', '0', '5']);
    assert.equal(model('001').period, null);
  });

  it('002 (web copy, one cell per line, page chrome): the same model', () => {
    const m = model('002');
    assert.equal(m.year, 2019);
    assert.equal(m.title, '郊区人民政府2019年政府信息公开工作年度报告');
    assert.deepEqual(sectionLines('002'), [[1, 10], [2, 36], [3, 144], [4, 542], [5, 612], [6, 624]]);
    assert.deepEqual(rowShape('002', 'applications'), APPLICATION_ROWS_2019.map((r) => [r, 7]));
    assert.deepEqual(m.tables[0].rows.map((r) => r.cells.join(' ')), [
      '0 0 0', '3 3 3', '176 -35 16606', '131 -56 0', '1605 -643 678', '105 -33 0', '0 9', '28 36,563,210.00',
    ]);
    assert.deepEqual(m.tables[2].rows[0].cells, ['1', '1', '0', '0', '2', '0', '0', '0', '0', '0', '0', '0', '0', '1', '1']);
  });

  it('003 (Markdown): headings of mixed depth and bold; no section 六', () => {
    const m = model('003');
    assert.deepEqual(sectionLines('003'), [[1, 9], [2, 29], [3, 50], [4, 79], [5, 86]]);
    assert.deepEqual(m.sections.map((s) => s.titleMatch), ['variant', 'standard', 'standard', 'standard', 'variant']);
    assert.deepEqual(m.sections[0].children.map((c) => c.title), ['主动公开', '依申请公开', '政府信息管理情况', '监督保障']);
    assert.deepEqual(rowShape('003', 'applications'), APPLICATION_ROWS_2019.map((r) => [r, 7]));
    assert.deepEqual(m.tables[0].rows[4].cells, ['0', '+1', '3']);
  });

  it('004 (2021 report): 2021 table 二, table 三 rows gain a cell, 2019 （六） row', () => {
    const m = model('004');
    assert.equal(m.year, 2021);
    assert.equal(m.format, '2021');
    assert.deepEqual(sectionLines('004'), [[1, 9], [2, 35], [3, 52], [4, 83], [5, 90], [6, 100]]);
    const active = m.tables.find((t) => t.kind === 'active')!;
    assert.equal(active.format, '2021');
    assert.deepEqual(active.rows.map((r) => [r.row, r.cells.length]), [
      ['一/rules', 3], ['一/normative', 3], ['五/licensing', 1], ['六/penalty', 1], ['六/enforcement', 1], ['八/fees', 1],
    ]);
    const apps = m.tables.find((t) => t.kind === 'applications')!;
    assert.equal(apps.format, '2019');
    const eight = apps.rows.filter((r) => r.cells.length === 8).map((r) => r.row);
    assert.deepEqual(eight, APPLICATION_ROWS_2019.slice(4, 21));
    // Fused group label "三、（一）予以公开" still maps to （一）.
    assert.equal(apps.rows[2].row, 'granted');
  });
});
