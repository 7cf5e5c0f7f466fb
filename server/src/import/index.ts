// The import stage's one entry point: file bytes → report text + source map. Pure apart from
// loading PDF.js on demand; never throws (bad input becomes a clear message).
import { readDocx } from './docx/read-docx';
import { readHtml } from './html/read-html';
import { readPdf } from './pdf/read-pdf';
import { importTextReport } from './text-report';
import { kindOf } from './kinds';
import { ImportError, type ImportResult } from './types';
import { BUDGETS, overBudget } from './budgets';

export { placeAt } from './builder';
export { BUDGETS, overBudget } from './budgets';
export { decodeText } from './text';
export { IMPORT_EXTENSIONS, kindOf, NO_REPORT_FOUND } from './kinds';
export type { ImportedReport, ImportResult, SourceKind, SourcePlace } from './types';

/** Reads a report from its bytes; the file name's extension says how (unknown ones are read as text). */
export async function importReport(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const kind = kindOf(fileName) ?? 'text';
  if (bytes.length > BUDGETS.fileBytes) return { error: overBudget('fileBytes').reason };
  try {
    if (kind === 'docx') return { report: readDocx(bytes) };
    if (kind === 'html') return { report: readHtml(bytes) };
    if (kind === 'pdf') return { report: await readPdf(bytes) };
  } catch (error) {
    if (error instanceof ImportError) return { error: error.reason };
    return { error: { zh: `无法读取文件：${String(error)}`, en: `cannot read the file: ${String(error)}` } };
  }
  return importTextReport(bytes);
}

