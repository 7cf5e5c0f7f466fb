// Layouts that real reports arrive in and the seeds do not show: the whole report on one line
// (headings inline, table cells run together), and prose whose scope the checks must respect.
// Fixtures are our own wording (test/corpus/fixtures), with the layout problems of real reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildModel } from '../../server/src/core/model/build';
import type { ReportModel } from '../../server/src/core/model/types';
import { edit, findings, sk2019, sk2021 } from '../helpers/findings';
import { REPO_ROOT } from '../helpers/seeds';

const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'test', 'corpus', 'fixtures', name), 'utf8');
const cells = (model: ReportModel, kind: string, row: string) =>
  model.tables.find((t) => t.kind === kind)?.rows.find((r) => r.spec?.id === row)?.cells.map((c) => c.text).join(' ');

describe('a report on one line, read again elsewhere in a document', () => {
  // A line's cuts are remembered by its text, and the lines no cut goes through are kept, renumbered:
  // the same report read after other lines must be cut at the same places, moved with it.
  const text = fixture('qinghe-2020-one-line.txt');
  const prefix = '前言\n\n' + '说明文字。\n'.repeat(3);
  const shift = prefix.length;
  const lines = prefix.split('\n').length - 1;
  for (const order of ['first alone', 'first shifted'] as const) {
    it(`finds the same model and findings, shifted (${order})`, () => {
      // a: the report alone, b: after the prefix; whichever is analysed first fills the memo.
      let a, b;
      if (order === 'first alone') {
        a = analyze(text);
        b = analyze(prefix + text);
      } else {
        b = analyze(prefix + text);
        a = analyze(text);
      }
      assert.deepEqual(b.model.sections.map((s) => [s.number, s.heading.start - shift, s.line - lines]), a.model.sections.map((s) => [s.number, s.heading.start, s.line]));
      assert.deepEqual(
        b.model.tables.map((t) => t.rows.map((r) => [r.spec?.id, r.line - lines, r.cells.map((c) => `${c.start - shift}:${c.text}`).join(' ')])),
        a.model.tables.map((t) => t.rows.map((r) => [r.spec?.id, r.line, r.cells.map((c) => `${c.start}:${c.text}`).join(' ')])),
      );
      assert.equal(b.model.lines.length - lines, a.model.lines.length);
      for (let i = 0; i < a.model.lines.length; i++) assert.equal(b.model.lines.textOf(i + lines), a.model.lines.textOf(i));
      assert.deepEqual(b.findings.map((f) => [f.rule, f.span.start - shift, f.span.end - shift]), a.findings.map((f) => [f.rule, f.span.start, f.span.end]));
      assert.ok(a.model.lines.length > text.split('\n').length, 'the line was cut');
    });
  }
  it('numbers the lines after a cut line by their new places', () => {
    const model = buildModel(`${text.trimEnd()}\n附记：本年度另收到咨询 12 件，答复 12 件。\n`);
    const after = model.figures.filter((f) => f.start > text.trimEnd().length);
    assert.equal(after.length, 2);
    for (const f of model.figures) assert.ok(model.lines.startOf(f.line) <= f.start && f.end <= model.lines.endOf(f.line), `figure ${f.text} on line ${f.line}`);
  });
});

describe('a report on one line (crawler text)', () => {
  const text = fixture('qinghe-2020-one-line.txt');
  const model = buildModel(text);
  it('finds the six headings inline and the three tables', () => {
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(model.tables.map((t) => t.kind), ['active', 'applications', 'appeals']);
  });
  it('splits run-together rows by the identities: a stray space, an item number glued to the digits', () => {
    assert.equal(cells(model, 'applications', 'new'), '40 3 0 0 2 0 45'); // "40 3002045": stray space
    assert.equal(cells(model, 'applications', 'unavailable.1'), '11 1 0 0 2 0 14'); // "…1110020142.没有…"
    assert.equal(cells(model, 'applications', 'unavailable.2'), '0 0 0 0 0 0 0');
    assert.equal(cells(model, 'applications', 'total'), '40 3 0 0 2 0 45');
    assert.equal(cells(model, 'appeals', 'values'), '10 2 0 0 12 1 0 0 0 1 0 0 0 0 0');
    assert.equal(cells(model, 'active', 'rules'), '0 0 0');
  });
  it('leaves a row that more than one split fits unread, and says so once per table', () => {
    const normative = model.tables[0].rows.find((r) => r.spec?.id === 'normative');
    assert.equal(normative?.runTogether, 'unread');
    assert.deepEqual(normative?.cells, []);
    const seen = findings(text);
    assert.deepEqual(seen.map((f) => f.rule), ['table-run-together'], JSON.stringify(seen));
    assert.equal(seen[0].severity, 'information');
    assert.match(seen[0].message, /5 rows cannot be split/);
  });
  it('a wrong figure in a split row is still found', () => {
    // 45 → 46 in 一、本年新收: no split of "40 3002046" satisfies the row total, so the row is unread…
    const broken = text.replace('40 3002045', '40 3002046');
    const seen = findings(broken).map((f) => f.rule);
    assert.ok(seen.includes('table-run-together'), seen.join());
    // …and a split that holds for its row but breaks a column identity is reported by it
    // (四、结转 2 → 3: 一 + 二 ≠ （七） + 四).
    const carried = text.replace('四、结转下年度继续办理2000002', '四、结转下年度继续办理3000003');
    assert.ok(findings(carried).some((f) => f.rule === 'figure-identity'));
    // Where a wrong value leaves no split of the open rows that fits, they stay unread, named.
    const shifted = text.replace('（一）予以公开182000020', '（一）予以公开191000020');
    const note = findings(shifted).find((f) => f.rule === 'table-run-together' && /table 三/.test(f.message));
    assert.match(note?.message ?? '', /予以公开/);
  });
});

describe('inline headings', () => {
  it('are cut where a sentence ends, not inside a sentence that names the parts', () => {
    const text = [
      '某镇人民政府2021年政府信息公开工作年度报告',
      '本报告包括总体情况、主动公开政府信息情况等六个部分。一、总体情况2021年，我镇全年公开信息300条。二、主动公开政府信息情况 略。三、收到和处理政府信息公开申请情况 略。四、政府信息公开行政复议、行政诉讼情况 略。五、存在的主要问题及改进情况 一是……。六、其他需要报告的事项 本年度未收取信息处理费。',
    ].join('\n');
    const model = buildModel(text);
    assert.deepEqual(model.sections.map((s) => [s.number, s.title.text]), [
      [1, '总体情况'], [2, '主动公开政府信息情况'], [3, '收到和处理政府信息公开申请情况'],
      [4, '政府信息公开行政复议、行政诉讼情况'], [5, '存在的主要问题及改进情况'], [6, '其他需要报告的事项'],
    ]);
    // Positions stay those of the text's own lines: every heading is on line 2.
    for (const s of model.sections) assert.equal(model.source.positionAt(s.heading.start).line, 1);
  });
  it('leave ordinary multi-line reports as they were', () => {
    const model = buildModel(sk2021());
    assert.equal(model.lines.length, model.source.lineCount);
  });
});

describe('prose scope (a report with proper cells and one real defect)', () => {
  const text = fixture('dongchuan-2023-prose-scope.txt');
  it('reports only the figure that contradicts its own cell: 现行有效 393 against 470', () => {
    const seen = findings(text);
    assert.deepEqual(seen.map((f) => [f.rule, f.text]), [['figure-text-table', '393']], JSON.stringify(seen));
    assert.match(seen[0].message, /table says 470\.$/);
  });
  it('a list after 其中 ends at the ； where its parts add up to the total', () => {
    assert.deepEqual(findings(text, 'figure-breakdown'), []);
    // With a part wrong, the list no longer adds up before the ；: the excess is reported.
    const wrong = text.replace('其他处理2件；', '其他处理3件；');
    assert.equal(findings(wrong, 'figure-breakdown').length, 1);
  });
  it('"予以公开及部分公开42件" is the sum of both rows', () => {
    const wrong = text.replace('予以公开及部分公开42件', '予以公开及部分公开43件').replace('占办结总数的51.9%', '占办结总数的53.1%');
    const seen = findings(wrong, 'figure-text-table');
    assert.ok(seen.some((f) => f.text === '43' && /42/.test(f.message)), JSON.stringify(seen));
  });
  it('"其中结果维持1件" is a part of the breakdown, not a claim that all were upheld', () => {
    assert.ok(!findings(text, 'figure-text-table').some((f) => /upheld/.test(f.message)));
    const claim = edit(sk2021(), '（请填写。）', '全年发生行政复议2件，结果均为维持。');
    const withTable = claim.replace(/\n0(\t0){14}\n/, '\n1\t1\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n');
    assert.ok(findings(withTable, 'figure-text-table').some((f) => /upheld/.test(f.message)));
  });
  it('figure-repeat compares only the same measure of a term', () => {
    assert.deepEqual(findings(text, 'figure-repeat'), []);
    const repeat = edit(sk2019(), '（请填写。）', '本年新制作规范性文件6件。\n\n（三）规范性文件管理。本年新制作规范性文件7件。');
    assert.equal(findings(repeat, 'figure-repeat').length, 1);
  });
});

describe('what is and is not a report', () => {
  it('a note that only names a report is not one', () => {
    const note = '# 某市人民政府2024年政府信息公开工作年度报告\n- publisher: 某市人民政府\n- year: 2024 (2021+ format)\n';
    const { model, findings: all } = analyze(note);
    assert.equal(model.isReport, false);
    assert.deepEqual(all, []);
  });
  it('a report in the pre-2019 format gets one note saying what was not checked', () => {
    const old = '某市人民政府2017年政府信息公开工作年度报告\n\n一、概述\n\n2017年，我市主动公开信息1200条。\n\n二、主动公开政府信息情况\n\n三、依申请公开政府信息情况\n\n四、政府信息公开的收费及减免情况\n\n五、因政府信息公开申请行政复议、提起行政诉讼的情况\n\n六、存在的主要问题及改进措施\n';
    const seen = findings(old);
    assert.deepEqual(seen.map((f) => [f.rule, f.severity]), [['format-version', 'information']]);
    assert.match(seen[0].message, /before 2019/);
  });
});

describe('blank cells that mean 0 (web pages)', () => {
  const withRow = (text: string, label: string, cells: string) => text.replace(new RegExp(`(${label.replace(/[()（）.]/g, (c) => `\\${c}`)})(\\t0)+`), `$1${cells}`);
  it('a blank keeps its column at the end of a row, and an all-blank row is a row', () => {
    let text = withRow(sk2021(), '一、本年新收政府信息公开申请数量', '\t3\t\t\t\t\t\t3');
    text = withRow(text, '（一）予以公开', '\t3\t\t\t\t\t\t3');
    text = withRow(text, '（七）总计', '\t3\t\t\t\t\t\t3');
    text = withRow(text, '1.属于国家秘密', '\t\t\t\t\t\t\t');
    const model = buildModel(text);
    const row = (id: string) => model.tables.find((t) => t.kind === 'applications')!.rows.find((r) => r.spec?.id === id)!;
    assert.deepEqual(row('withheld.1').cells.map((c) => c.value.kind), Array(7).fill('blank'));
    assert.equal(row('granted').cells.length, 7);
    // One finding for the table (not one per cell, per row or per identity), fixed by writing the zeros.
    const seen = findings(text);
    assert.deepEqual(seen.map((f) => f.rule), ['table-empty-cell'], JSON.stringify(seen));
    assert.match(seen[0].message, /has 22 blank cells/);
    const { findings: all } = analyze(text);
    const fix = all[0].fixes[0];
    assert.ok(fix.preferred);
    let fixed = text;
    for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, e.span.start) + e.newText + fixed.slice(e.span.end);
    assert.deepEqual(findings(fixed), []);
  });
  it('blanks read as 0 are judged: a wrong total among them is still found', () => {
    let text = withRow(sk2021(), '一、本年新收政府信息公开申请数量', '\t3\t\t\t\t\t\t3');
    text = withRow(text, '（一）予以公开', '\t3\t\t\t\t\t\t4');
    text = withRow(text, '（七）总计', '\t3\t\t\t\t\t\t3');
    // With blank = 0 an identity fails: the blanks are not evidently 0, each is its own finding.
    const rules = findings(text).map((f) => f.rule);
    assert.ok(rules.includes('figure-identity'), rules.join());
    assert.ok(rules.filter((r) => r === 'table-empty-cell').length > 1, rules.join());
  });
  it('row totals left blank beside blanks that mean 0 are read as the sum of their parts', () => {
    const report = (total: string) => {
      let t = withRow(sk2019(), '一、本年新收政府信息公开申请数量', '\t3\t1\t\t\t\t\t4');
      t = withRow(t, '（一）予以公开', '\t2\t1\t\t\t\t\t');
      t = withRow(t, '1.本机关不掌握相关政府信息', '\t1\t\t\t\t\t\t');
      return withRow(t, '（七）总计', `\t3\t1\t\t\t\t\t${total}`);
    };
    const text = report('4');
    const seen = findings(text);
    assert.deepEqual(seen.map((f) => f.rule), ['table-empty-cell'], JSON.stringify(seen));
    assert.match(seen[0].message, /2 are totals left blank .*（一）予以公开 · 总计 = 3/);
    // The fix writes the sums in the totals and 0 elsewhere; then nothing is left to say.
    const fix = analyze(text).findings[0].fixes[0];
    let fixed = text;
    for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, e.span.start) + e.newText + fixed.slice(e.span.end);
    assert.match(fixed, /（一）予以公开\t2\t1\t0\t0\t0\t0\t3/);
    assert.deepEqual(findings(fixed), []);
    // A total that no such reading makes right is still wrong: no blank is read at all then.
    const rules = findings(report('5')).map((f) => f.rule);
    assert.ok(rules.filter((r) => r === 'table-empty-cell').length > 1, rules.join());
  });
  it('a 2019 （六）其他处理 row with only blank cells is a row, not a 2021 group label', () => {
    const text = withRow(sk2019(), '（六）其他处理', ' | | | | | | | |').replace(/\n（六）其他处理 \| /, '\n| （六）其他处理 | ');
    const model = buildModel(text);
    assert.equal(model.tables.find((t) => t.kind === 'applications')?.format, '2019');
  });
  it('a single trailing tab is no blank cell', () => {
    const text = withRow(sk2021(), '1.属于国家秘密', '\t0\t0\t0\t0\t0\t0\t0\t');
    assert.deepEqual(findings(text), []);
  });
});

describe('web copies whose cells are closed by bars', () => {
  const table = (model: ReportModel, kind: string) => model.tables.find((t) => t.kind === kind)!;
  const values = (model: ReportModel, kind: string, row: string) => table(model, kind).rows.find((r) => r.spec?.id === row)?.cells.map((c) => c.value.kind);

  it('rows of bar-closed cells: no opening bar, rows continued by a bar, a header wrapped over two rows', () => {
    const text = fixture('nanhu-2023-bar-rows.txt');
    const model = buildModel(text);
    assert.equal(cells(model, 'active', 'normative'), '77 12 470');
    assert.equal(cells(model, 'applications', 'new'), '70 8 0 0 0 0 78');
    assert.equal(cells(model, 'applications', 'withheld.2'), '0 0 0 0 0 0 0');
    // Blanks between the label and the total are the row's first cells.
    assert.deepEqual(values(model, 'applications', 'carryForward'), [...Array(6).fill('blank'), 'number']);
    // 商业 / 企业 and 科研 / 机构 are the two lines of one header each, not altered headers.
    assert.deepEqual(findings(text).map((f) => f.rule), ['figure-text-table', 'table-empty-cell']);
  });

  it('one cell per line, each closed by a bar: "|" is a blank cell, a run of bars fills merged columns', () => {
    const text = fixture('beitang-2022-one-cell-bars.txt');
    const model = buildModel(text);
    assert.equal(cells(model, 'active', 'rules'), '0 0 0');
    assert.equal(cells(model, 'active', 'licensing'), '1532');
    assert.equal(cells(model, 'applications', 'total'), '73 8 0 0 0 0 81');
    assert.deepEqual(values(model, 'applications', 'withheld.3'), [...Array(6).fill('blank'), 'number']);
    assert.equal(table(model, 'applications').headers.map((h) => h.text).join(' '), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他');
    assert.deepEqual(findings(text).map((f) => f.rule), ['table-empty-cell', 'figure-identity']);
  });

  it('one cell per line with each closing bar on a line of its own: the bar after a cell is no blank cell', () => {
    const text = fixture('baisha-2023-bar-lines.txt');
    const model = buildModel(text);
    assert.equal(cells(model, 'active', 'rules'), '0 0 6');
    assert.equal(cells(model, 'applications', 'new'), '2 0 0 0 0 0 2');
    assert.deepEqual(findings(text).map((f) => f.rule), ['figure-identity']);
  });

  it('an empty field after a label is a blank cell between bars where the row has room for it, never in a tab paste', () => {
    const row = (cellsText: string) => {
      const text = sk2021().replace(/(（一）予以公开)(\t0)+/, cellsText);
      return buildModel(text).tables.find((t) => t.kind === 'applications')!.rows.find((r) => r.spec?.id === 'granted')!.cells.map((c) => c.text || '_').join(' ');
    };
    // Seven fields after the label, between bars: the blanks are the row's first cells.
    assert.equal(row('（一）予以公开 | | | 0 | 0 | 0 | 0 | 0 |'), '_ _ 0 0 0 0 0');
    // Eight: the first fills a merged label column.
    assert.equal(row('（一）予以公开 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'), '0 0 0 0 0 0 0');
    // A Word paste puts a tab for each merged label column: the row is one cell short, as written.
    assert.equal(row('（一）予以公开\t\t0\t0\t0\t0\t0\t0'), '0 0 0 0 0 0');
  });

  it('a header cut in two is still checked when its other part is missing', () => {
    const text = sk2021().replace('商业企业', '商业');
    assert.ok(findings(text).some((f) => f.rule === 'table-header' && /商业/.test(f.message)));
  });
});
