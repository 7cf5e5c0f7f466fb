// The import stage as the server and the CLI use it. The readers (.docx, .html, .pdf and their
// libraries) are a bundle of their own, dist/import.js, loaded on first use: a text report never
// pays for them, and the package carries them once. Tests (one bundle each) load them directly.
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { ImportResult } from './types';

export { placeAt } from './builder';
export { decodeText, type DecodedText } from './text';
export { IMPORT_EXTENSIONS, kindOf, NO_REPORT_FOUND } from './kinds';
export type { ImportedReport, ImportResult, SourceKind, SourcePlace } from './types';

/** Set by esbuild for the shipped bundles; absent where the sources are bundled whole. */
declare const JIAOHE_SPLIT_IMPORT: boolean | undefined;

type Stage = typeof import('./index');
let stage: Stage | undefined;

function loadStage(): Stage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  stage ??= typeof JIAOHE_SPLIT_IMPORT !== 'undefined' && JIAOHE_SPLIT_IMPORT ? require(path.join(__dirname, 'import.js')) : require('./index');
  return stage!;
}

export function importReport(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  return loadStage().importReport(bytes, fileName);
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

const unreadable = (e: unknown): ImportResult => {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return { error: { zh: `无法读取文件（${code}）`, en: `cannot read file (${code})` } };
};

/**
 * Reads a file and imports it; an unreadable file is an ImportResult error like any other. The
 * bytes read come back too (--fix writes only if the file still holds them).
 */
export async function importFile(file: string): Promise<ImportResult & { bytes?: Uint8Array }> {
  let bytes: Buffer;
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && isLink(file)) return { error: { zh: '已跳过：链接指向的文件不存在', en: 'skipped: a link to a file that does not exist' } };
    return unreadable(e);
  }
  // A FIFO or a device would block the read or never end.
  if (!stat.isFile()) return { error: { zh: '已跳过：不是普通文件（管道、设备或文件夹）', en: 'skipped: not a regular file (a pipe, a device or a folder)' } };
  // Not read at all when it is over the budget.
  if (stat.size > loadStage().BUDGETS.fileBytes) return { error: loadStage().overBudget('fileBytes').reason };
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return unreadable(e);
  }
  return { ...(await importReport(bytes, file)), bytes };
}
