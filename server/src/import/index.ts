// The import stage's one entry point: file bytes → report text + source map. Pure apart from
// loading PDF.js on demand; never throws (bad input becomes a clear message).
import { readDocx } from './docx/read-docx';
import { readHtml } from './html/read-html';
import { readPdf } from './pdf/read-pdf';
import { decodeText } from './text';
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
  const decoded = decodeText(bytes);
  if (decoded.text === undefined) return { error: { zh: decodedErrorZh(decoded.error ?? ''), en: decoded.error ?? 'unreadable' } };
  const notes = decoded.encoding && decoded.encoding !== 'UTF-8' ? [{ zh: `按 ${decoded.encoding} 解码`, en: `decoded as ${decoded.encoding}` }] : [];
  return { report: { kind: 'text', text: decoded.text, places: [], notes, encoding: decoded.encoding, bom: decoded.bom } };
}

function decodedErrorZh(error: string): string {
  return error.startsWith('binary') ? '二进制文件（含 NUL 字节），不是文本年报' : '既不是 UTF-8 也不是 GB18030/GBK 文本：请另存为 UTF-8';
}
