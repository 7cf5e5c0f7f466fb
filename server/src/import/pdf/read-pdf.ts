// .pdf → report text, from the text layer PDF.js extracts (positions rebuilt into rows and cells by
// rows.ts). A page with no text layer is a scan: said so, never guessed at.
import { TextBuilder } from '../builder';
import { BUDGETS, deadline, overBudget } from '../budgets';
import { ImportError, type ImportedReport } from '../types';
import { loadPdfJs, type TextItem } from './pdfjs';
import { joinAcrossPageBreak, latticeTables, type LatticeCell } from './lattice';
import { layoutPage, type Run } from './rows';
import { rulingsOf, type DrawCodes } from './rulings';
import { checkStreams } from './streams';

function toRun(item: TextItem): Run {
  const [a, b, c, d, x, y] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  return { text: item.str, x, y, width: item.width, size };
}

function drawCodes(ops: Record<string, number>): DrawCodes {
  const code = (name: string) => ops[name] ?? -1;
  return {
    save: code('save'),
    restore: code('restore'),
    transform: code('transform'),
    constructPath: code('constructPath'),
    paintFormXObjectBegin: code('paintFormXObjectBegin'),
    paintFormXObjectEnd: code('paintFormXObjectEnd'),
    paints: ['stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map(code),
    strokes: ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map(code),
  };
}

/**
 * A page as lines of cells, top to bottom: its ruled tables cell by cell (lattice.ts), the rest
 * laid out from positions (rows.ts), each stretch between two tables on its own so that no prose
 * line is joined across a table.
 */
type PageItem = { kind: 'line'; cells: string[] } | { kind: 'row'; cells: LatticeCell[] };

function pageItems(runs: Run[], rulings: ReturnType<typeof rulingsOf>): PageItem[] {
  const { tables, rest } = latticeTables(runs, rulings);
  const ordered = [...tables].sort((a, b) => b.top - a.top);
  const bands: Run[][] = ordered.map(() => []);
  bands.push([]);
  for (const run of rest) {
    const k = ordered.findIndex((t) => run.y > t.bottom);
    bands[k < 0 ? ordered.length : k].push(run);
  }
  const items: PageItem[] = [];
  bands.forEach((band, k) => {
    for (const line of layoutPage(band)) items.push({ kind: 'line', cells: line.cells });
    if (k < ordered.length) for (const cells of ordered[k].rows) items.push({ kind: 'row', cells });
  });
  return items;
}

function failure(error: unknown): ImportError {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException') return new ImportError({ zh: 'PDF 有密码保护：请提供未加密的文件', en: 'the PDF is password-protected: provide an unencrypted copy' });
  if (name === 'InvalidPDFException') return new ImportError({ zh: '不是有效的 PDF 文件（文件已损坏？）', en: 'not a valid PDF file (corrupt?)' });
  return new ImportError({ zh: `无法读取 PDF：${String(error)}`, en: `cannot read the PDF: ${String(error)}` });
}

export async function readPdf(bytes: Uint8Array): Promise<ImportedReport> {
  const time = deadline();
  checkStreams(bytes);
  const { pdfjs, cmaps } = await loadPdfJs();
  // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), cMapUrl: cmaps, cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    throw failure(error);
  }
  const out = new TextBuilder('pdf');
  const scanned: number[] = [];
  const pages: Array<{ page: number; items: PageItem[] }> = [];
  try {
    if (document.numPages > BUDGETS.pdfPages) throw overBudget('pdfPages');
    for (let p = 1; p <= document.numPages; p++) {
      time.check();
      const page = await document.getPage(p);
      const content = await page.getTextContent();
      const runs = content.items.filter((i): i is TextItem => 'str' in i).map(toRun);
      const operators = await page.getOperatorList();
      const items = pageItems(runs, rulingsOf(operators.fnArray, operators.argsArray, drawCodes(pdfjs.OPS)));
      if (items.length === 0) scanned.push(p);
      // A table going on from the page before: a merged cell the break cut goes back together.
      const last = pages[pages.length - 1]?.items.at(-1);
      if (last?.kind === 'row' && items[0]?.kind === 'row') joinAcrossPageBreak(last.cells, items[0].cells);
      pages.push({ page: p, items });
      page.cleanup();
    }
  } catch (error) {
    throw error instanceof ImportError ? error : failure(error);
  } finally {
    await document.destroy();
  }
  for (const { page: p, items } of pages) {
    items.forEach((item, k) => {
      const where = { zh: `第${p}页 第${k + 1}行`, en: `page ${p}, line ${k + 1}` };
      const texts = item.kind === 'row' ? item.cells.map((c) => c.text) : item.cells;
      // A ruled table's cells are the source's own; a line's gaps only lay out columns.
      if (texts.length > 1) (item.kind === 'row' ? out.row(texts.map((text) => ({ text, where }))) : out.fields(texts.map((text) => ({ text, where }))));
      else if (texts.length === 1 && texts[0] !== '') out.paragraph(texts[0], where);
    });
  }
  if (scanned.length === document.numPages) {
    throw new ImportError({ zh: 'PDF 没有文字层（扫描件或图片）：无法检查，请提供可复制文字的版本', en: 'the PDF has no text layer (a scan or images): nothing to check; provide a version with selectable text' });
  }
  if (scanned.length > 0) {
    out.note({ zh: `第${scanned.join('、')}页没有文字层（扫描件？），未检查`, en: `page(s) ${scanned.join(', ')} have no text layer (scanned?) and were not checked` });
  }
  return out.build();
}
