// .pdf import: PDFs laid out by coordinates from the real reports (pdf-lib, a CJK font from Debian's
// fonts-droid-fallback), read back through PDF.js: rows from baselines, cells from gaps, blank cells
// from the columns, wrapped prose joined. Plus the unit rules of the layout on hand-made runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { importReport } from '../../server/src/import';
import { layoutPage, type Run } from '../../server/src/import/pdf/rows';
import { CJK_FONT, hasCjkFont, pdfFromText } from '../helpers/documents';
import { readSeed, NEEDS_SEEDS } from '../helpers/seeds';
import { reportShape } from './shape';

/** The runtime's own built-ins, taken before any test loads PDF.js into this process. */
const OWN = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push, toString: Function.prototype.toString };

const run = (text: string, x: number, y: number, size = 10): Run => ({ text, x, y, size, width: [...text].length * size * (/^[\x20-\x7e]+$/.test(text) ? 0.55 : 1) });

describe('PDF layout: positions to rows and cells', () => {
  it('puts runs on one baseline in one line and splits cells at wide gaps', () => {
    const lines = layoutPage([run('行政处罚', 50, 700), run('1605', 250, 700.4), run('-643', 300, 699.8), run('行政强制', 50, 680), run('105', 250, 680), run('-33', 300, 680)]);
    assert.deepEqual(lines.map((l) => l.cells), [['行政处罚', '1605', '-643'], ['行政强制', '105', '-33']]);
  });
  it('turns a column a row leaves empty into a blank cell, and keeps numbers in their columns', () => {
    const lines = layoutPage([run('规章', 50, 700), run('1', 250, 700), run('2', 300, 700), run('3', 350, 700), run('规范性文件', 50, 680), run('5', 300, 680), run('6', 350, 680)]);
    assert.deepEqual(lines.map((l) => l.cells), [['规章', '1', '2', '3'], ['规范性文件', '', '5', '6']]);
  });
  it('joins prose wrapped at the right margin, but not into a new heading', () => {
    const lines = layoutPage([
      run('2021年，本机关主动公开政府信息共计一百二十条，其中规章', 50, 700),
      run('五条。', 50, 684),
      run('二、主动公开政府信息情况', 50, 660),
    ]);
    assert.deepEqual(lines.map((l) => l.cells), [['2021年，本机关主动公开政府信息共计一百二十条，其中规章五条。'], ['二、主动公开政府信息情况']]);
  });
  it('drops page numbers at the top or bottom of a page, never a number inside it', () => {
    const lines = layoutPage([run('一、总体情况', 50, 700), run('7', 50, 680), run('正文。', 50, 660), run('- 3 -', 280, 40)]);
    assert.deepEqual(lines.map((l) => l.cells), [['一、总体情况'], ['7'], ['正文。']]);
  });
});

describe('.pdf import', { skip: NEEDS_SEEDS || (hasCjkFont() ? false : `no CJK font at ${CJK_FONT} (apt-get install fonts-droid-fallback)`) }, () => {
  // Seed 002 is a web copy with one cell per line: printed as such it is no table, so a PDF of it
  // cannot give back table cells. The other four are tab-separated pastes.
  for (const id of ['000', '001', '003', '004']) {
    it(`seed ${id}: the model (sections, every table cell) and the findings equal the text original's`, async () => {
      const text = readSeed(id);
      const result = await importReport(await pdfFromText(text), 'report.pdf');
      assert.ok(result.report, result.error?.en);
      assert.equal(result.report.kind, 'pdf');
      assert.ok(result.report.places.every((p) => /^page \d+, line \d+$/.test(p.where.en)));
      assert.deepEqual(reportShape(result.report.text), reportShape(text));
    });
  }

  it('says a PDF without a text layer is a scan, and names the pages without text when some have it', async () => {
    const scan = await PDFDocument.create();
    scan.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 300, color: rgb(0.5, 0.5, 0.5) });
    const result = await importReport(await scan.save(), 'scan.pdf');
    assert.match(result.error?.en ?? '', /no text layer \(a scan/);
    assert.match(result.error?.zh ?? '', /扫描件/);

    const mixed = await PDFDocument.load(await pdfFromText(readSeed('004')));
    mixed.addPage();
    const partly = await importReport(await mixed.save(), 'mixed.pdf');
    assert.ok(partly.report);
    assert.ok(partly.report.notes.some((n) => /page\(s\) \d+ have no text layer/.test(n.en)), JSON.stringify(partly.report.notes));
  });

  it('says a corrupt file is not a valid PDF', async () => {
    const result = await importReport(new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf'), 'broken.pdf');
    assert.match(result.error?.en ?? '', /PDF/);
  });
});

describe('PDF.js in this process', () => {
  it("leaves the runtime's own built-ins in place once a PDF is read (its polyfills made JSON.stringify 13× slower)", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Annual report 2023: 12 requests, 3 appeals', { x: 50, y: 700, size: 12, font });
    const result = await importReport(await doc.save(), 'plain.pdf');
    assert.match(result.report?.text ?? '', /12 requests/, JSON.stringify(result.error));
    assert.equal(JSON.stringify, OWN.stringify);
    assert.equal(JSON.parse, OWN.parse);
    assert.equal(Array.prototype.push, OWN.push);
    assert.equal(Function.prototype.toString, OWN.toString);
    // What PDF.js needs and the runtime may lack stays.
    assert.equal(typeof (Promise as unknown as { withResolvers: unknown }).withResolvers, 'function');
    // And a second PDF reads as well with them.
    assert.match((await importReport(await doc.save(), 'again.pdf')).report?.text ?? '', /3 appeals/);
  });
});
