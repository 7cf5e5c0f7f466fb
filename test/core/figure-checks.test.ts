// Figure rules: triggering fixtures with exact places, and near-misses that are not figures to add up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { edit, findings, sk2019, sk2021 } from '../helpers/findings';

const withOverview = (text: string, prose: string) => edit(text, '一、总体情况\n\n（请填写。）', `一、总体情况\n\n${prose}`);
const setRow = (text: string, label: string, values: number[]) =>
  text.replace(new RegExp(`(${label.replace(/[()（）.]/g, (c) => `\\${c}`)})(\\t0)+`), `$1\t${values.join('\t')}`);

describe('figure-identity', () => {
  it('names a wrong total once, on the cell, with the formula and both sides', () => {
    let text = setRow(sk2019(), '一、本年新收政府信息公开申请数量', [5, 0, 0, 0, 0, 12, 17]);
    text = setRow(text, '（一）予以公开', [5, 0, 0, 0, 0, 12, 17]);
    text = setRow(text, '（七）总计', [5, 0, 0, 0, 0, 12, 18]);
    const seen = findings(text, 'figure-identity');
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.equal(seen[0].text, '18');
    assert.match(seen[0].message, /should be 17/);
    assert.match(seen[0].message, /18 ≠ 5 \+ 0 \+ 0 \+ 0 \+ 0 \+ 12 = 17/);
  });
  it('reports one failing table-四 block on its total, with every cell related', () => {
    const text = sk2019().replace(/\n0(\t0){14}\n/, '\n1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n');
    const seen = findings(text, 'figure-identity');
    assert.equal(seen.length, 1);
    assert.match(seen[0].message, /行政复议 total: 0 ≠ 1 \+ 0 \+ 0 \+ 0 = 1/);
  });
  it('keeps decimals exact', () => {
    // No identity involves amounts, but the engine's arithmetic is exact: covered by Decimal tests.
    assert.deepEqual(findings(sk2021(), 'figure-identity'), []);
  });
  it('does not judge an identity over a blank or "/" cell', () => {
    const text = setRow(sk2019(), '（一）予以公开', [1, 0, 0, 0, 0, 0, 0]).replace('（七）总计\t0', '（七）总计\t/');
    const seen = findings(text).filter((f) => f.rule === 'figure-identity');
    // I1 of （一） fails (0 ≠ 1); I2 of 自然人 is over "/" and not judged.
    assert.equal(seen.length, 1);
    assert.match(seen[0].message, /予以公开/);
  });
});

describe('figure-breakdown', () => {
  it('finds parts that exceed their total, on the total', () => {
    const text = withOverview(sk2019(), '全年共公开信息120条，其中政策文件30条、工作动态70条、通知公告40条。');
    const seen = findings(text, 'figure-breakdown');
    assert.deepEqual(seen.map((f) => f.text), ['120']);
    assert.match(seen[0].message, /30 \+ 70 \+ 40 = 140/);
  });
  it('checks a nested （其中…） on its own and a list opening the next sentence', () => {
    const text = withOverview(sk2019(), '累计公开信息100条。其中，动态60条；公告40条（其中通知30条；公示20条）。');
    const seen = findings(text, 'figure-breakdown');
    assert.deepEqual(seen.map((f) => f.text), ['40']);
  });
  it('a list opening a sentence may break down any figure of the sentence before', () => {
    // The parts add up to 办结83件, the last figure before the full stop, not to 收到78件.
    const held = withOverview(sk2021(), '全年收到政府信息公开申请78件，上年结转5件，办结83件。其中予以公开22件，部分公开20件，无法提供41件。');
    assert.deepEqual(findings(held, 'figure-breakdown'), []);
    // Parts that fit none of them are judged against the figure marked 全年/共.
    const exceeds = withOverview(sk2021(), '全年收到政府信息公开申请78件，上年结转5件，办结83件。其中予以公开22件，部分公开20件，无法提供45件。');
    assert.deepEqual(findings(exceeds, 'figure-breakdown').map((f) => f.text), ['78']);
  });
  it('a list ends at a clause with no figure, and may break down all the figures before 其中 together', () => {
    const prose = '全年收到政府信息公开申请9件，上年结转1件，其中网络申请5件，信函申请5件，均按时办理，发生行政复议1件。';
    assert.deepEqual(findings(withOverview(sk2021(), prose), 'figure-breakdown'), []);
    // Parts that fit neither are still too many.
    const wrong = '全年收到政府信息公开申请9件，上年结转1件，其中网络申请6件，信函申请5件，均按时办理。';
    assert.deepEqual(findings(withOverview(sk2021(), wrong), 'figure-breakdown').map((f) => f.text), ['1']);
  });
  it("a part's own breakdown inside a list (内有…, 其中…, up to the next ；) is not more parts", () => {
    const prose = '全年主动公开信息50条。其中机构类信息20条，内有领导成员10条、机构职能10条；工作类信息11条，其中动态6条、通知5条；政策文件类信息19条。';
    assert.deepEqual(findings(withOverview(sk2021(), prose), 'figure-breakdown'), []);
    const wrong = prose.replace('政策文件类信息19条', '政策文件类信息29条');
    assert.deepEqual(findings(withOverview(sk2021(), wrong), 'figure-breakdown').map((f) => f.text), ['50']);
  });
  it('finds a short sum only in a list that names its remainder', () => {
    const closed = withOverview(sk2019(), '共公开信息100条，其中文件30条、动态40条、其他信息20条。');
    assert.deepEqual(findings(closed, 'figure-breakdown').map((f) => f.text), ['100']);
    const open = withOverview(sk2019(), '共公开信息100条，其中文件30条、动态40条等。');
    assert.deepEqual(findings(open, 'figure-breakdown'), []);
  });
  it('near-misses: approximations, percentages, dates, 文号, phone numbers, ordinals', () => {
    const prose = [
      '全年主动公开政府信息7800余条，其中网站公开6300余条、微博110余条、微信230余条、其他1200余条。',
      '共回应关切12次，其中占比最高的是教育类，占41.7%。',
      '2020年7月27日印发方案（双四政办发〔2020〕17号），其中第二十条第（一）项规定…',
      '共设热线2条，其中电话0451-87542911，邮编150000。',
      '一是公开文件30件，其中规章2件；二是解读10条。',
    ].join('');
    assert.deepEqual(findings(withOverview(sk2019(), prose), 'figure-breakdown'), []);
  });
});

describe('figure-text-table', () => {
  const apps = (text: string) => {
    let t = setRow(text, '一、本年新收政府信息公开申请数量', [10, 2, 0, 0, 0, 0, 12]);
    t = setRow(t, '（一）予以公开', [6, 1, 0, 0, 0, 0, 7]);
    t = setRow(t, '1.本机关不掌握相关政府信息', [4, 1, 0, 0, 0, 0, 5]);
    t = setRow(t, '（七）总计', [10, 2, 0, 0, 0, 0, 12]);
    return t;
  };
  it('accepts both readings of 收到申请N件 and flags a wrong one', () => {
    const ok = withOverview(apps(sk2019()), '全年共收到政府信息公开申请12件，予以公开7件，占58.3%，无法提供5件。');
    assert.deepEqual(findings(ok, 'figure-text-table'), []);
    const wrong = withOverview(apps(sk2019()), '全年共收到政府信息公开申请13件。');
    const seen = findings(wrong, 'figure-text-table');
    assert.deepEqual(seen.map((f) => f.text), ['13']);
    // Both readings give 12 (nothing carried over): the value and each cell are named once.
    assert.match(seen[0].message, /the table says 12\.$/);
    const related = analyze(wrong).findings.find((f) => f.rule === 'figure-text-table')!.related;
    assert.equal(related.length, 2); // 新收 and 上年结转, not 新收 twice
    assert.equal(new Set(related.map((r) => r.span.start)).size, 2);
  });
  it('flags group counts and their percentages', () => {
    const text = withOverview(apps(sk2019()), '本年收到申请12件，其中予以公开8件，占66.7%。');
    const seen = findings(text, 'figure-text-table');
    assert.deepEqual(seen.map((f) => f.text), ['8']);
    const pct = withOverview(apps(sk2019()), '本年收到申请12件，其中予以公开7件，占60%。');
    assert.deepEqual(findings(pct, 'figure-text-table').map((f) => f.text), ['60']);
  });
  it('a percentage may be rounded or cut off at its decimals', () => {
    // 7 of 12 = 58.33…%: 58.3% either way; 1 of 12 = 8.333…%, written 8.3% or, cut off, 8.3%.
    const ok = (pct: string) => findings(withOverview(apps(sk2019()), `本年收到申请12件，其中予以公开7件，占${pct}。`), 'figure-text-table');
    assert.deepEqual(ok('58.3%'), []);
    assert.deepEqual(ok('58.33%'), []);
    assert.deepEqual(ok('58%'), []);
    assert.deepEqual(ok('58.4%').map((f) => f.text), ['58.4']);
    assert.deepEqual(ok('58.2%').map((f) => f.text), ['58.2']);
  });
  it('reads the paragraph before a sentence for the context a link needs', () => {
    const text = withOverview(apps(sk2019()), '全年共收到政府信息公开申请12件。予以公开7件；因本机关不掌握等原因无法提供4件。');
    assert.deepEqual(findings(text, 'figure-text-table').map((f) => f.text), ['4']);
  });
  it('a figure that counts a list is not one term\'s: "规章、规范性文件等36件", "部门规范性文件12件"', () => {
    const normative = (prose: string) => findings(withOverview(setRow(sk2019(), '规范性文件', [9, 9, 41]), prose), 'figure-text-table').map((f) => f.text);
    assert.deepEqual(normative('公报刊登规章、规范性文件等36件，部门规范性文件12件。'), []);
    assert.deepEqual(normative('公报刊登规章、规范性文件36件。'), []);
    // Items with their own figures are each a quote.
    assert.deepEqual(normative('本年新制作规章0件、规范性文件8件。'), ['8']);
  });
  it('flags "均获维持" against a non-zero 纠正, and "没有复议诉讼" against a non-zero table', () => {
    const table = sk2019().replace(/\n0(\t0){14}\n/, '\n1\t1\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n');
    const upheld = withOverview(table, '本年被申请行政复议2件，均获维持。');
    assert.deepEqual(findings(upheld, 'figure-text-table').map((f) => f.text), ['均获维持']);
    const none = withOverview(table, '本年度没有发生因政府信息公开引起的行政复议或行政诉讼。');
    assert.equal(findings(none, 'figure-text-table').length, 1);
  });
  it('flags "未收到申请" against a non-zero table 三', () => {
    const text = withOverview(apps(sk2019()), '本年度未收到政府信息公开申请。');
    assert.equal(findings(text, 'figure-text-table').length, 1);
  });
  it('compares 规范性文件 counts with table 二（一）', () => {
    const text = setRow(sk2021(), '行政规范性文件', [5, 2, 41]);
    assert.deepEqual(findings(withOverview(text, '本年制发行政规范性文件5件。'), 'figure-text-table'), []);
    assert.deepEqual(findings(withOverview(text, '本年制发行政规范性文件6件。'), 'figure-text-table').map((f) => f.text), ['6']);
    // 规范性文件解读 is another quantity.
    assert.deepEqual(findings(withOverview(text, '发布规范性文件解读9条。'), 'figure-text-table'), []);
  });
  it('near-miss: 办结 of 人大代表建议 is not about applications', () => {
    const text = withOverview(apps(sk2019()), '全年共办结人大代表建议35件。');
    assert.deepEqual(findings(text, 'figure-text-table'), []);
  });
});

// What a prose line says (which cell a figure quotes, which figures a 其中 list breaks down) is
// remembered by the line's text across analyses: these run the same lines in other reports, other
// formats and other places, one after the other.
describe('prose readings remembered by line', () => {
  const prose = '全年共收到政府信息公开申请12件，予以公开7件，占58.3%，无法提供5件。';
  const report = (total: number) => {
    let t = setRow(sk2019(), '一、本年新收政府信息公开申请数量', [total - 2, 2, 0, 0, 0, 0, total]);
    t = setRow(t, '（一）予以公开', [6, 1, 0, 0, 0, 0, 7]);
    t = setRow(t, '（七）总计', [total - 2, 2, 0, 0, 0, 0, total]);
    return withOverview(t, prose);
  };
  it('judges the same line against each report\'s own tables, in either order', () => {
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(findings(report(12), 'figure-text-table').map((f) => f.text), []);
      assert.deepEqual(findings(report(13), 'figure-text-table').map((f) => f.text), ['12']);
    }
  });
  it('reads the same line by the format of each report, whichever comes first', () => {
    // 本年制发 is 2019's 本年新制作 column and 2021's 本年制发 column: both say 5 here.
    const in2019 = (line: string) => withOverview(setRow(sk2019(), '规范性文件', [5, 9, 41]), line);
    const in2021 = (line: string) => withOverview(setRow(sk2021(), '行政规范性文件', [5, 2, 41]), line);
    // A line of its own for each order (no other test has read it first).
    for (const [line, order] of [['今年制发行政规范性文件6件。', [in2019, in2021]], ['今年共制发行政规范性文件6件。', [in2021, in2019]]] as const) {
      for (const report of [...order, ...order]) {
        const seen = findings(report(line), 'figure-text-table');
        assert.deepEqual(seen.map((f) => f.text), ['6']);
        assert.match(seen[0].message, /the table says 5\.$/);
      }
    }
  });
  it('places what a remembered line holds where the line now is', () => {
    const line = '本年被申请行政复议2件，均获维持。共开展培训9场，其中线上5场、线下6场。';
    const table = sk2019().replace(/\n0(\t0){14}\n/, '\n1\t1\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n');
    for (const before of ['', '本年度工作稳步推进。\n\n', '本年度工作稳步推进，成效明显。\n\n另：说明一则。\n\n']) {
      const text = withOverview(table, before + line);
      assert.deepEqual(findings(text, 'figure-text-table').map((f) => f.text), ['均获维持']);
      const breakdown = analyze(text).findings.find((f) => f.rule === 'figure-breakdown')!;
      assert.equal(text.slice(breakdown.span.start, breakdown.span.end), '9');
      assert.deepEqual(breakdown.related.map((r) => text.slice(r.span.start, r.span.end)), ['其中', '5', '6']);
    }
  });
});

describe('figure-repeat', () => {
  it('flags the same quantity stated with two values, at the later one', () => {
    const text = withOverview(sk2019(), '全年发布政策解读6条。\n\n（三）解读回应。发布政策解读7条。');
    const seen = findings(text, 'figure-repeat');
    assert.deepEqual(seen.map((f) => f.text), ['7']);
  });
  it('near-miss: a total and its parts, and scoped statements, are different quantities', () => {
    const text = withOverview(sk2019(), '共发布各类政策解读51次，其中本地政策解读14次、转发上级政策解读37次。本级政策解读20次。');
    assert.deepEqual(findings(text, 'figure-repeat'), []);
  });
});

describe('figure-period', () => {
  it('flags a period from another year, on the period', () => {
    const text = edit(sk2019(), '统计期限自2020年1月1日起至2020年12月31日止', '统计期限自2019年1月1日起至2019年12月31日止');
    const seen = findings(text, 'figure-period');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].text, '2019年1月1日起至2019年12月31日');
  });
  it('flags an overview that opens with last year', () => {
    const seen = findings(withOverview(sk2019(), '2019年，我县坚持以公开为常态。'), 'figure-period');
    assert.deepEqual(seen.map((f) => f.text), ['2019']);
  });
  it('near-miss: next year\'s plans and comparisons with last year are fine', () => {
    const text = withOverview(sk2019(), '2020年，我县公开信息较2019年增长5%。2021年将继续加强。');
    assert.deepEqual(findings(text, 'figure-period'), []);
  });
});

describe('figure-unit', () => {
  it('flags an amount without any unit, and one against the header\'s decimals', () => {
    const bare = edit(sk2019(), '政府集中采购\t0\t0', '政府集中采购\t3\t120000');
    assert.deepEqual(findings(bare, 'figure-unit').map((f) => f.text), ['120000']);
    const decimals = edit(edit(sk2019(), '采购总金额', '采购总金额（单位：万元，保留4位小数）'), '政府集中采购\t0\t0', '政府集中采购\t3\t7');
    const seen = findings(decimals, 'figure-unit');
    assert.deepEqual(seen.map((f) => f.text), ['7']);
    assert.match(seen[0].message, /7\.0000/);
  });
  it('flags 元 written under 万元 by its magnitude', () => {
    const text = edit(sk2021(), '行政事业性收费\t0', '行政事业性收费\t2510000');
    assert.deepEqual(findings(text, 'figure-unit').map((f) => f.text), ['2510000']);
  });
  it('near-miss: units in the cell or the header, plausible sizes', () => {
    let text = edit(sk2019(), '政府集中采购\t0\t0', '政府集中采购\t3\t973.90 万元');
    assert.deepEqual(findings(text, 'figure-unit'), []);
    text = edit(sk2021(), '行政事业性收费\t0', '行政事业性收费\t93.4385');
    assert.deepEqual(findings(text, 'figure-unit'), []);
  });
});
