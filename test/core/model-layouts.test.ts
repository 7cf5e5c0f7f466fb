// Layout tolerance on small hand-made inputs: CRLF, BOM, pipe tables, inline headings, fused
// labels, space-separated values, and the table row that looks like a section heading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/core';

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('layouts', () => {
  it('keeps exact UTF-16 positions through CRLF and a BOM', () => {
    const text = '\uFEFF某县人民政府2022年政府信息公开工作年度报告\r\n\r\n一、总体情况\r\n共收到申请 12 件。\r\n';
    const m = buildModel(text);
    assert.equal(m.year?.value, 2022);
    const s = m.sections[0];
    assert.equal(text.slice(s.heading.start, s.heading.end), '一、总体情况');
    assert.deepEqual(m.source.positionAt(s.heading.start), { line: 2, character: 0 });
    const f = m.figures[0];
    assert.equal(text.slice(f.start, f.end), '12');
    assert.deepEqual(m.source.positionAt(f.start), { line: 3, character: 6 });
  });

  it('reads headings wrapped in #, ** and spaces, with full-width or ASCII punctuation', () => {
    const text = ['# 标题2021年政府信息公开工作年度报告', '## **一、总体情况**', '   二.主动公开政府信息情况', '### 三．收到和处理政府信息公开申请情况'].join('\n');
    const m = buildModel(text);
    assert.deepEqual(m.sections.map((s) => [s.number, s.title.text]), [
      [1, '总体情况'], [2, '主动公开政府信息情况'], [3, '收到和处理政府信息公开申请情况'],
    ]);
  });

  it('reads a heading that runs into its first sentence (web copy)', () => {
    const m = buildModel('X市2020年政府信息公开工作年度报告\n一、总体情况2020年，我市坚持以公开为常态。');
    const s = m.sections[0];
    assert.equal(s.title.text, '总体情况');
    assert.equal(s.inline, true);
  });

  it('never takes the table row 四、结转下年度继续办理 for section 四', () => {
    const rows = [
      '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
      '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
      '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
    ];
    const m = buildModel(['X市2020年政府信息公开工作年度报告', HEADINGS[2], ...rows, HEADINGS[3]].join('\n'));
    assert.deepEqual(m.sections.map((s) => s.number), [3, 4]);
    assert.equal(m.sections[1].line, 5);
  });

  it('reads a Markdown pipe table and space-separated values after a fused label', () => {
    const text = [
      'X市2020年政府信息公开工作年度报告',
      HEADINGS[2],
      '| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '|---|---|---|---|---|---|---|---|',
      '三、本年度办理结果 (一) 予以公开 2 0 0 0 0 0 2',
    ].join('\n');
    const m = buildModel(text);
    const t = m.tables[0];
    assert.equal(t.kind, 'applications');
    assert.deepEqual(t.rows.map((r) => [r.spec?.id, r.cells.map((c) => c.text).join(' ')]), [
      ['new', '2 0 0 0 0 0 2'],
      ['granted', '2 0 0 0 0 0 2'],
    ]);
  });

  it('keeps blank, "/" and "—" distinct from 0, and decimals exact', () => {
    const text = [
      'X市2019年政府信息公开工作年度报告',
      '第二十条第（九）项',
      '信息内容\t采购项目数量\t采购总金额',
      '政府集中采购\t/\t93.4385',
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t1\t\t—',
    ].join('\n');
    const m = buildModel(text);
    const cells = m.tables[0].rows.flatMap((r) => r.cells.map((c) => c.value));
    assert.deepEqual(cells.map((v) => v.kind), ['dash', 'number', 'number', 'blank', 'dash']);
    const amount = cells[1];
    assert.ok(amount.kind === 'number' && amount.value.toString() === '93.4385');
  });

  it('does not treat an ordinary note or README as a report', () => {
    const m = buildModel('# Notes\n\nSome text with 12 items.\n\n一、第一点\n二、第二点\n');
    assert.equal(m.isReport, false);
  });

  it('reads prose figures with units and approximations, and skips dates, 文号 and phone numbers', () => {
    const m = buildModel('X市2020年政府信息公开工作年度报告\n2020年7月27日，依据〔2019〕60号，电话0451-87542911，公开信息7800余条，费用93.4385万元，占4.5%，约50人次。');
    assert.deepEqual(m.figures.map((f) => [f.text, f.unit, f.approx]), [
      ['7800', '条', 'more'], ['93.4385', '万元', 'none'], ['4.5', '%', 'none'], ['50', '人次', 'about'],
    ]);
  });
});
