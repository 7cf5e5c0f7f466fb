// Builds .docx, .html and .pdf files from a report's text, the way the office tools lay them out:
// tab-separated lines become real tables (a blank line ends one, so tables split as they do across
// pages), a label column left blank under a label becomes a vertically merged cell, and a row
// shorter than its table gets its last cell spanned. Used to test that importing gives back the model.
import { readFileSync, existsSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

export type Block = { paragraph: string } | { rows: string[][] };

/** Paragraphs and tables as a paste shows them: consecutive tab-separated lines form a table. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      const last = blocks[blocks.length - 1];
      const cells = line.split('\t').map((c) => c.trim());
      while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
      if (last && 'rows' in last) last.rows.push(cells);
      else blocks.push({ rows: [cells] });
    } else blocks.push({ paragraph: plain(line) });
  }
  return blocks;
}

/** A Markdown line as a word processor shows it: no heading marks, no bold marks. */
function plain(line: string): string {
  return line.replace(/^\s*#{1,6}\s*/, '').replace(/^(\s*)\*\*(.*)\*\*\s*$/, '$1$2');
}

interface PlannedCell {
  text: string;
  rowSpan: number;
  columnSpan: number;
}

const isLabel = (text: string) => text !== '' && !/^[\d.,，%／/—-]+$/.test(text);

/**
 * Cells with their spans: an empty first cell under a label merges into it (Word's vMerge), and an
 * empty field right after a label, before the row's values, is that label's merged column (a paste
 * puts a tab for each column a merged cell covers; Word's gridSpan).
 */
export function planTable(rows: string[][], mergeLabels: boolean): PlannedCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const planned: PlannedCell[][] = [];
  let anchor: PlannedCell | undefined;
  for (const row of rows) {
    const cells: PlannedCell[] = [];
    row.forEach((text, k) => {
      const before = cells[cells.length - 1];
      if (mergeLabels && text === '' && before && isLabel(before.text) && k + 1 < row.length && !isLabel(row[k + 1]) && row[k + 1] !== '') before.columnSpan++;
      else cells.push({ text, rowSpan: 1, columnSpan: 1 });
    });
    const occupied = cells.reduce((n, c) => n + c.columnSpan, 0);
    if (mergeLabels && anchor && row.length > 1 && row[0] === '' && row[1] !== '') {
      anchor.rowSpan++;
      cells.shift();
    } else anchor = mergeLabels && row[0] !== '' && row.length > 2 ? cells[0] : undefined;
    const missing = width - occupied;
    if (missing > 0 && cells.length > 0) cells[cells.length - 1].columnSpan += missing;
    planned.push(cells);
  }
  return planned;
}

export async function docxFromText(text: string, options: { mergeLabels?: boolean } = {}): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const block of blocksOf(text)) {
    if ('paragraph' in block) {
      children.push(new Paragraph({ children: [new TextRun(block.paragraph)] }));
      continue;
    }
    const rows = planTable(block.rows, options.mergeLabels ?? true).map(
      (cells) => new TableRow({ children: cells.map((c) => new TableCell({ rowSpan: c.rowSpan, columnSpan: c.columnSpan, children: [new Paragraph(c.text)] })) }),
    );
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A government web page: navigation, breadcrumbs and footer around the article, tables with spans. */
export function htmlFromText(text: string, options: { charset?: string } = {}): string {
  const body: string[] = [];
  for (const block of blocksOf(text)) {
    if ('paragraph' in block) {
      if (block.paragraph.trim()) body.push(`<p>${escape(block.paragraph)}</p>`);
      continue;
    }
    const rows = planTable(block.rows, true).map(
      (cells) => `<tr>${cells.map((c) => `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.columnSpan > 1 ? ` colspan="${c.columnSpan}"` : ''}>${escape(c.text)}</td>`).join('')}</tr>`,
    );
    body.push(`<table border="1"><tbody>\n${rows.join('\n')}\n</tbody></table>`);
  }
  return `<!DOCTYPE html>
<html><head><meta charset="${options.charset ?? 'utf-8'}"><title>政府信息公开</title><style>td{border:1px solid}</style></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
<div class="main"><div class="tools">字号：大 中 小</div>
<div id="zoom" class="article-content">
${body.join('\n')}
</div>
<div class="share">扫一扫在手机打开当前页</div></div>
<div class="footer">主办单位：某某人民政府办公室 版权所有</div>
<script>var x = "一、总体情况";</script>
</body></html>`;
}

export const CJK_FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
export const hasCjkFont = () => existsSync(CJK_FONT);

/** Latin letters, digits and curly quotes: drawn in Helvetica, since the CJK font lacks them. */
const LATIN_RUNS = /[\x20-\x7e\u2018\u2019\u201c\u201d]+|[^\x20-\x7e\u2018\u2019\u201c\u201d]+/g;
const isLatin = (run: string) => /^[\x20-\x7e\u2018\u2019\u201c\u201d]/.test(run);

function drawMixed(page: PDFPage, text: string, x: number, y: number, size: number, fonts: { cjk: PDFFont; latin: PDFFont }): void {
  for (const run of text.match(LATIN_RUNS) ?? []) {
    const font = isLatin(run) ? fonts.latin : fonts.cjk;
    page.drawText(run, { x, y, size, font });
    x += font.widthOfTextAtSize(run, size);
  }
}

function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (measure(line + ch) > width && line) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** A PDF export: prose wrapped at the margin, tables laid out by coordinates in fixed columns. */
export async function pdfFromText(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = { cjk: await doc.embedFont(readFileSync(CJK_FONT), { subset: true }), latin: await doc.embedFont(StandardFonts.Helvetica) };
  const size = 10;
  const lineHeight = 16;
  const [width, height, margin] = [595, 842, 50];
  const measure = (s: string) => (s.match(LATIN_RUNS) ?? []).reduce((w, r) => w + (isLatin(r) ? fonts.latin : fonts.cjk).widthOfTextAtSize(r, size), 0);
  let page = doc.addPage([width, height]);
  let y = height - margin;
  const newLine = () => {
    y -= lineHeight;
    if (y < margin) {
      page = doc.addPage([width, height]);
      y = height - margin;
    }
  };
  // Tables separated only by blank lines are printed on one grid, as one table split in the source.
  const grouped: Block[] = [];
  for (const block of blocksOf(text)) {
    const last = grouped[grouped.length - 1];
    if ('rows' in block && last && 'rows' in last) last.rows.push(...block.rows);
    else if ('paragraph' in block && !block.paragraph.trim()) continue;
    else grouped.push('rows' in block ? { rows: [...block.rows] } : block);
  }
  for (const block of grouped) {
    if ('paragraph' in block) {
      for (const line of wrap(block.paragraph.trim(), width - 2 * margin, measure)) {
        drawMixed(page, line, margin, y, size, fonts);
        newLine();
      }
      continue;
    }
    // Each column as wide as its widest cell, the type made smaller until the table fits the page.
    const columns = Math.max(...block.rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, i) => Math.max(0, ...block.rows.map((r) => (r[i] ? measure(r[i]) : 0))));
    const padding = 14;
    const natural = widths.reduce((a, w) => a + w, 0);
    const scale = Math.min(1, (width - 2 * margin - padding * columns) / natural);
    const starts = widths.map((_, i) => margin + widths.slice(0, i).reduce((a, w) => a + w * scale + padding, 0));
    for (const row of block.rows) {
      row.forEach((cell, i) => {
        if (cell) drawMixed(page, cell, starts[i], y, size * scale, fonts);
      });
      newLine();
    }
  }
  return doc.save();
}

/** The text in GB18030/GBK (Node has only the decoder: the two-byte table is built from it). */
export function gb18030Bytes(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let lead = 0x81; lead <= 0xfe && wanted.size > table.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  // What two bytes cannot say (NBSP, some symbols) GB18030 says in four.
  for (let b1 = 0x81; b1 <= 0x84 && wanted.size > table.size; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) {
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          const ch = decoder.decode(new Uint8Array([b1, b2, b3, b4]));
          if (wanted.has(ch) && !table.has(ch)) table.set(ch, [b1, b2, b3, b4]);
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) <= 0x7f) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
