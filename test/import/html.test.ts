// .html import: a government web page around each real report (navigation, breadcrumbs, share
// buttons, footer, scripts), tables with rowspan/colspan; read back, the model and findings equal
// the text's and none of the page chrome is left.
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/core/model/build';
import { describe, it } from 'node:test';
import { importReport, placeAt } from '../../server/src/import';
import { gb18030Bytes, htmlFromText } from '../helpers/documents';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';
import { reportShape } from './shape';

const encode = (s: string) => new TextEncoder().encode(s);

async function imported(bytes: Uint8Array) {
  const result = await importReport(bytes, 'page.html');
  assert.ok(result.report, result.error?.en);
  return result.report;
}

describe('.html import', { skip: NEEDS_SEEDS }, () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}: the model and the findings equal the text original's; the page chrome is gone`, async () => {
      const text = readSeed(id);
      const report = await imported(encode(htmlFromText(text)));
      assert.deepEqual(reportShape(report.text), reportShape(text));
      // (Seed 002 is itself a web copy: the chrome it already carries is its text.)
      for (const chrome of ['首页</a>', '主办单位', '扫一扫在手机打开当前页', 'var x']) if (!text.includes(chrome)) assert.ok(!report.text.includes(chrome), chrome);
    });
  }

  it('expands rowspan and colspan: covered cells are not repeated, later cells keep their columns', async () => {
    const page = `<html><body><div><p>一、总体情况</p><p>二、主动公开政府信息情况</p><table>
      <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>3</td></tr>
      <tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>5</td></tr></table></div></body></html>`;
    const report = await imported(encode(page));
    assert.deepEqual(report.text.split('\n').filter((l) => l.startsWith('|')), [
      '| （三）不予公开 | 1.属于国家秘密 | 0 |',
      '| 2.其他法律行政法规禁止公开 | 3 |',
      '| 一、本年新收政府信息公开申请数量 | 5 |',
    ]);
    const where = placeAt(report, report.text.indexOf('| 3 |') + 2)?.where.en ?? '';
    assert.match(where, /^table 1, row 2, cell 3 \(.*table\)$/);
  });

  it('keeps a blank last cell and a blank first value cell as cells (a page that leaves 0 blank)', async () => {
    const cells = (values: string[]) => values.map((v) => `<td>${v || '&nbsp;'}</td>`).join('');
    const page = `<html><body><div><p>三、收到和处理政府信息公开申请情况</p><table>
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${cells(['', '2', '', '', '', '', '2'])}</tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${cells(['5', '1', '', '', '', '', ''])}</tr></table></div></body></html>`;
    const model = buildModel((await imported(encode(page))).text);
    const row = (id: string) => model.tables[0].rows.find((r) => r.spec?.id === id)!.cells.map((c) => c.text || '_').join(' ');
    assert.equal(row('new'), '_ 2 _ _ _ _ 2');
    assert.equal(row('granted'), '5 1 _ _ _ _ _');
  });

  it('decodes a GB2312/GBK page by its meta charset and says so', async () => {
    const report = await imported(gb18030Bytes(htmlFromText(readSeed('004'), { charset: 'gbk' })));
    assert.deepEqual(reportShape(report.text), reportShape(readSeed('004')));
    assert.ok(report.notes.some((n) => /GBK/.test(n.en)));
  });
});
