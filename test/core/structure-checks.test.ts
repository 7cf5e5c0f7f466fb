// Structure rules: each triggered by a fixture (with its exact place) and kept quiet by near-misses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edit, findings, lineOf, sk2019, sk2021 } from '../helpers/findings';

describe('clean skeletons', () => {
  it('have no findings in either format', () => {
    assert.deepEqual(findings(sk2019()), []);
    assert.deepEqual(findings(sk2021()), []);
  });
});

describe('section-missing', () => {
  it('reports every missing section, each where it belongs', () => {
    let text = edit(sk2019(), '二、主动公开政府信息情况', '');
    text = edit(text, '五、存在的主要问题及改进情况', '');
    const seen = findings(text, 'section-missing');
    assert.deepEqual(seen.map((f) => f.message.slice(0, 19)), ['Missing section 二 (', 'Missing section 五 (']);
    // 五 belongs right before 六: the finding sits at the start of 六's line.
    assert.equal(seen[1].line, lineOf(text, '六、其他需要报告的事项'));
    assert.equal(seen[0].text, '');
  });
  it('near-miss: the table row 四、结转下年度继续办理 does not count as section 四', () => {
    const text = edit(sk2019(), '四、政府信息公开行政复议、行政诉讼情况', '');
    assert.equal(findings(text, 'section-missing').length, 1);
  });
});

describe('section-order / section-duplicate', () => {
  it('reports a section placed before an earlier one, on its heading', () => {
    const base = sk2019();
    const six = '六、其他需要报告的事项\n\n（请填写其他需要报告的事项，没有的写“无”。）\n';
    const text = edit(edit(base, six, ''), '一、总体情况', six + '\n一、总体情况');
    const seen = findings(text, 'section-order');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].text, '六、其他需要报告的事项');
  });
  it('reports a heading numbered differently from what it is', () => {
    const text = edit(sk2019(), '五、存在的主要问题及改进情况', '四、存在的主要问题及改进情况');
    const seen = findings(text, 'section-order');
    assert.deepEqual(seen.map((f) => f.text), ['四、']);
  });
  it('reports the second copy of a section, not the table row that looks like one', () => {
    const text = sk2019() + '\n五、存在的主要问题及改进情况\n\n又写了一遍。\n';
    const seen = findings(text, 'section-duplicate');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].line, lineOf(text, '又写了一遍') - 2);
    assert.deepEqual(findings(sk2019(), 'section-duplicate'), []);
  });
});

describe('section-title', () => {
  it('names the standard title for variants and typos', () => {
    const text = edit(sk2019(), '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况');
    const seen = findings(text, 'section-title');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].text, '政府信息公开行政法复议、行政诉讼情况');
    assert.match(seen[0].message, /政府信息公开行政复议、行政诉讼情况/);
    assert.equal(seen[0].severity, 'warning');
  });
  it('near-miss: spaces, bold and ASCII punctuation around a standard title are fine', () => {
    const text = edit(sk2019(), '一、总体情况', '**一. 总体情况**');
    assert.deepEqual(findings(text, 'section-title'), []);
  });
});

describe('format-version', () => {
  it('flags a 2021 report whose table 三 keeps the single 2019 （六） row', () => {
    const text = edit(
      edit(edit(sk2021(), '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n', '（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n'),
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n', ''),
      '3.其他\t0\t0\t0\t0\t0\t0\t0\n', '');
    const seen = findings(text, 'format-version');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].text, '（六）其他处理');
    assert.match(seen[0].message, /2021 format/);
  });
  it('flags 2019 table 二 blocks in a 2021 report, by caption', () => {
    const text = edit(sk2021(), '二、主动公开政府信息情况', '二、主动公开政府信息情况').replace(
      /第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0/,
      '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0',
    );
    const seen = findings(text, 'format-version');
    assert.deepEqual(seen.map((f) => f.text), ['第二十条第（一）项']);
  });
  it('near-miss: a 2020 report in the 2019 format', () => {
    assert.deepEqual(findings(sk2019(), 'format-version'), []);
  });
});

describe('table-missing / table-row-missing', () => {
  it('reports a missing table on its section heading', () => {
    const text = sk2019().replace(/行政复议\t[\s\S]*?\n0(\t0){14}\n/, '');
    const seen = findings(text, 'table-missing');
    assert.deepEqual(seen.map((f) => f.text), ['四、政府信息公开行政复议、行政诉讼情况']);
  });
  it('reports the missing 第二十条第（九）项 block of a 2019 report', () => {
    const text = edit(sk2019(), '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t0\t0\n', '');
    const seen = findings(text, 'table-missing');
    assert.equal(seen.length, 1);
    assert.match(seen[0].message, /第二十条第（九）项/);
  });
  it('reports a missing row, after the row before it', () => {
    const text = edit(sk2019(), '2.重复申请\t0\t0\t0\t0\t0\t0\t0\n', '');
    const seen = findings(text, 'table-row-missing');
    assert.equal(seen.length, 1);
    assert.match(seen[0].message, /2\.重复申请/);
    assert.equal(seen[0].line, lineOf(text, '1.信访举报投诉类申请'));
  });
});

describe('table-cell-count', () => {
  it('reports a short row and names the missing cell when the row total shows it', () => {
    const text = edit(sk2019(), '2.重复申请\t0\t0\t0\t0\t0\t0\t0', '2.重复申请\t0\t1\t0\t0\t0\t3');
    const seen = findings(text, 'table-cell-count');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].text, '2.重复申请\t0\t1\t0\t0\t0\t3');
    // 3 = 0 + 1 + 0 + 0 + 0 + x → x = 2, and only 其他 or 自然人… all parts give different rows: ambiguous.
    assert.match(seen[0].message, /6 values; the template has 7/);
  });
  it('locates a spurious cell by the row total', () => {
    const text = edit(sk2019(), '2.重复申请\t0\t0\t0\t0\t0\t0\t0', '2.重复申请\t2\t9\t1\t0\t0\t0\t0\t3');
    const seen = findings(text, 'table-cell-count');
    assert.match(seen[0].message, /spurious cell is cell 2 \("9"\)/);
  });
  it('near-miss: a row broken across a page keeps its cells', () => {
    const text = edit(sk2019(), '1.属于国家秘密\t0', '1.属于国家\t0').replace('2.其他法律行政法规禁止公开', '\t秘密\t\t\n2.其他法律行政法规禁止公开');
    assert.deepEqual(findings(text, 'table-cell-count'), []);
    assert.deepEqual(findings(text, 'table-row-missing'), []);
  });
});

describe('table-empty-cell / table-bad-value', () => {
  it('warns on a blank, "/" or "—" cell, on that cell', () => {
    const text = edit(sk2019(), '2.重复申请\t0\t0\t0\t0\t0\t0\t0', '2.重复申请\t0\t/\t0\t—\t0\t0\t0');
    const seen = findings(text, 'table-empty-cell');
    assert.deepEqual(seen.map((f) => f.text), ['/', '—']);
    assert.ok(seen.every((f) => f.severity === 'warning'));
  });
  it('rejects negative, fractional, signed and textual counts; accepts signed 本年增/减', () => {
    let text = edit(sk2019(), '2.重复申请\t0\t0\t0\t0\t0\t0\t0', '2.重复申请\t-1\t1.5\t+2\t无法\t0\t0\t0');
    text = edit(text, '行政许可\t0\t0\t0', '行政许可\t10\t-3\t7');
    const seen = findings(text, 'table-bad-value');
    assert.deepEqual(seen.map((f) => f.text), ['-1', '1.5', '+2', '无法']);
  });
});

describe('table-header', () => {
  it('flags 本年增 for 本年增/减 and 只记 for 只计, with the standard wording', () => {
    let text = edit(sk2019(), '上一年项目数量\t本年增/减\t处理决定数量', '上一年项目数量\t本年增\t处理决定数量');
    text = edit(text, '只计这一情形', '只记这一情形');
    const seen = findings(text, 'table-header');
    assert.deepEqual(seen.map((f) => f.text.slice(0, 8)), ['本年增', '（二）部分公开（']);
    assert.match(seen[0].message, /本年增\/减/);
  });
  it('near-miss: spaces inside headers and a unit note are not alterations', () => {
    let text = edit(sk2019(), '采购总金额', '采购总金额（单位：万元，保留4位小数）');
    text = text.replace('结果维持\t结果纠正', '结果 维 持\t结 果 纠 正');
    assert.deepEqual(findings(text, 'table-header'), []);
  });
});

describe('table-unknown-row', () => {
  it('names a row of values whose label matches no template row', () => {
    const text = edit(sk2019(), '（七）总计', '（八）另行统计\t0\t0\t0\t0\t0\t0\t0\n（七）总计');
    const seen = findings(text, 'table-unknown-row');
    assert.equal(seen.length, 1);
    assert.match(seen[0].text, /^（八）另行统计/);
  });
});
