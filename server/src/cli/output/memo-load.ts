// The reviewer's memo, loaded on first use: what it says (memo.ts) and its Word layout
// (memo-docx.ts) are the bundle dist/memo.js, which the server and the CLI load only when a memo
// is asked for. Tests (one bundle each) load the sources directly.
import * as path from 'node:path';
import type { FileOutcome } from '../check-file';

/** Set by esbuild for the shipped bundles. */
declare const JIAOHE_SPLIT_MEMO: boolean | undefined;

/** The memo of a batch as a .docx file's bytes. */
export function memoFile(outcomes: readonly FileOutcome[], lang: 'zh' | 'en', date: Date): Promise<Uint8Array> {
  const writer: typeof import('./memo-docx') =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    typeof JIAOHE_SPLIT_MEMO !== 'undefined' && JIAOHE_SPLIT_MEMO ? require(path.join(__dirname, 'memo.js')) : require('./memo-docx');
  return writer.writeMemo(outcomes, lang, date);
}
