// .docx import: generated from the real reports with a real writer (merged label cells, tables split
// where the source splits them), then read back: the model and the findings equal the text's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { importReport, placeAt } from '../../server/src/import';
import { docxFromText } from '../helpers/documents';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';
import { reportShape } from './shape';

async function imported(bytes: Uint8Array) {
  const result = await importReport(bytes, 'report.docx');
  assert.ok(result.report, result.error?.en);
  return result.report;
}

const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: [new Paragraph(text)], ...extra });

describe('.docx import', { skip: NEEDS_SEEDS }, () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}: the model (sections, every table cell) and the findings equal the text original's`, async () => {
      const text = readSeed(id);
      const bytes = await docxFromText(text);
      const report = await imported(bytes);
      assert.equal(report.kind, 'docx');
      // Pastes whose tables have blank lines inside arrive split into several Word tables (as across
      // page breaks); a web copy (002) and the Markdown report (003) have one table or none.
      const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
      if (['000', '001', '004'].includes(id)) assert.ok((xml.match(/<w:tbl>/g) ?? []).length > 3, 'tables split across several Word tables');
      assert.deepEqual(reportShape(report.text), reportShape(text));
    });
  }

  it('keeps Word cell structure: gridSpan is one cell, a vMerge continuation is not repeated, blank cells stay blank', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('（三）不予公开', { rowSpan: 2 }), cell('1.属于国家秘密'), cell('0'), cell('')] }),
        new TableRow({ children: [cell('2.其他法律行政法规禁止公开'), cell('3'), cell('4')] }),
        new TableRow({ children: [cell('一、本年新收政府信息公开申请数量', { columnSpan: 2 }), cell('5'), cell('6')] }),
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('前言'), table] }] })));
    const report = await imported(bytes);
    // Each cell between bars, a blank one too: the row is as wide as the source's.
    assert.deepEqual(report.text.split('\n').filter((l) => l.startsWith('|')), [
      '| （三）不予公开 | 1.属于国家秘密 | 0 |  |',
      '| 2.其他法律行政法规禁止公开 | 3 | 4 |',
      '| 一、本年新收政府信息公开申请数量 | 5 | 6 |',
    ]);
    // Every cell knows its place in the original: table, row, grid column.
    const at = (needle: string) => placeAt(report, report.text.indexOf(needle))?.where;
    // Grid columns: the merged label still takes column 1 of row 2.
    assert.deepEqual(at('3 | 4'), { zh: '表格一 第2行 第3列', en: 'table 1, row 2, cell 3' });
    assert.deepEqual(at('5 | 6'), { zh: '表格一 第3行 第3列', en: 'table 1, row 3, cell 3' });
    assert.deepEqual(placeAt(report, report.text.indexOf('0 |  |') + 4)?.where, { zh: '表格一 第1行 第4列', en: 'table 1, row 1, cell 4' });
    assert.deepEqual(at('前言'), { zh: '第1段', en: 'paragraph 1' });
  });

  it("rebuilds Word's automatic numbering (一、 （一） 1.) so numbered headings are found", async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'sections',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('总体情况')], numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ children: [new TextRun('主动公开')], numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ children: [new TextRun('依申请公开')], numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ children: [new TextRun('主动公开政府信息情况')], numbering: { reference: 'sections', level: 0 } }),
          ],
        },
      ],
    });
    const report = await imported(new Uint8Array(await Packer.toBuffer(doc)));
    assert.deepEqual(report.text.trim().split('\n'), ['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、主动公开政府信息情况']);
  });

  it('says clearly what is wrong with a corrupt, password-protected or foreign file', async () => {
    const errorOf = async (bytes: Uint8Array) => (await importReport(bytes, 'x.docx')).error?.en ?? '';
    assert.match(await errorOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /password-protected or an old binary \.doc/);
    assert.match(await errorOf(strToU8('hello, not a zip')), /not a \.docx file/);
    assert.match(await errorOf(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), /corrupt/);
    assert.match(await errorOf(zipSync({ 'other.xml': strToU8('<a/>') })), /word\/document\.xml is missing/);
    assert.match(await errorOf(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') })), /not valid XML/);
  });
});
