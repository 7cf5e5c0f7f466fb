// Every limit an input file meets on its way in, in one place. A report is a few dozen pages: each
// limit is far above any real one (a real .docx body is well under 100 000 XML elements, a real page
// nests under 60 deep) and low enough that reaching it costs seconds, not minutes. A file over a
// limit is refused with one message naming the limit; the rest of a batch goes on.
import { MAX_ANALYSED_CHARS } from '../core/limits';
import { withThousands } from '../core/text/chars';
import { ImportError } from './types';

/**
 * JIAOHE_BUDGET_SCALE=0.01 scales the size budgets down (not depth, columns or pages, whose
 * hostile inputs are small anyway): the tests meet every limit with small generated files.
 */
const SCALE = Number(globalThis.process?.env?.JIAOHE_BUDGET_SCALE) || 1;
const sized = (n: number) => Math.max(1, Math.round(n * SCALE));

export const BUDGETS = {
  /** Bytes of any file read (a PDF with scanned pages is the largest real case). */
  fileBytes: sized(64 * 1024 * 1024),
  /** Bytes a .docx part may inflate to, counted while inflating (a zip header may lie). */
  zipPartBytes: sized(32 * 1024 * 1024),
  /** Elements in one XML part of a .docx. */
  xmlElements: sized(250_000),
  /** Nesting depth of XML and HTML elements. */
  depth: 256,
  /** Elements of an HTML page. */
  htmlElements: sized(300_000),
  /** Cells (slots, counting spans) of one table. */
  tableCells: sized(50_000),
  /** Columns of one table, counting spans (the widest mandated table has 8). */
  tableColumns: 200,
  /** Pages of a PDF. */
  pdfPages: 500,
  /** Bytes one PDF stream may inflate to (a page's drawing, a font, an image). */
  pdfStreamBytes: sized(48 * 1024 * 1024),
  /** Bytes all Flate streams of a PDF may inflate to together. */
  pdfInflatedBytes: sized(256 * 1024 * 1024),
  /** Wall-clock time to read one document (checked between pages and parts). */
  importMs: 20_000,
  /** Characters of text analysed (the core's MAX_ANALYSED_CHARS, scaled like the others). */
  analysedChars: sized(MAX_ANALYSED_CHARS),
};

export type Budget = keyof typeof BUDGETS;

const WHAT: Record<Budget, { zh: string; en: string; unit?: 'bytes' }> = {
  fileBytes: { zh: '文件大小', en: 'file size', unit: 'bytes' },
  zipPartBytes: { zh: '解压后的文档部件大小', en: 'size of a document part once inflated', unit: 'bytes' },
  xmlElements: { zh: '文档的 XML 元素数', en: 'XML elements in the document' },
  depth: { zh: '元素嵌套层数', en: 'nesting depth of elements' },
  htmlElements: { zh: '网页的元素数', en: 'elements in the page' },
  tableCells: { zh: '一个表格的单元格数', en: 'cells in one table' },
  tableColumns: { zh: '一个表格的列数', en: 'columns in one table' },
  pdfPages: { zh: 'PDF 页数', en: 'pages of the PDF' },
  pdfStreamBytes: { zh: 'PDF 数据流解压后的大小', en: 'size of a PDF stream once inflated', unit: 'bytes' },
  pdfInflatedBytes: { zh: 'PDF 全部数据流解压后的大小', en: 'size of all PDF streams once inflated', unit: 'bytes' },
  importMs: { zh: '读取用时（毫秒）', en: 'time to read it (ms)' },
  analysedChars: { zh: '检查的字符数', en: 'characters analysed' },
};

function amount(budget: Budget): string {
  const n = BUDGETS[budget];
  return WHAT[budget].unit === 'bytes' ? `${+(n / (1024 * 1024)).toFixed(2)} MB` : withThousands(n);
}

/** The error for a file over one of its budgets. */
export function overBudget(budget: Budget): ImportError {
  const what = WHAT[budget];
  return new ImportError({
    zh: `超出限制（${what.zh}超过 ${amount(budget)}）：不像是年报，未检查`,
    en: `over a limit (${what.en}: more than ${amount(budget)}): not checked, no real report comes near it`,
  });
}

/** A deadline for reading one document; `check()` throws once it has passed. */
export function deadline(): { check(): void } {
  const end = Date.now() + BUDGETS.importMs;
  return {
    check() {
      if (Date.now() > end) throw overBudget('importMs');
    },
  };
}
