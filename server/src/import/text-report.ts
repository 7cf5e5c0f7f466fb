// A plain-text report: decoded (UTF-8, UTF-16 with a BOM, GB18030), nothing else to read. Both the
// CLI's bundle and the import stage use it, so that a text file never loads the .docx/.html/.pdf readers.
import { decodeText } from './text';
import type { ImportResult } from './types';

export function importTextReport(bytes: Uint8Array): ImportResult {
  const decoded = decodeText(bytes);
  if (decoded.text === undefined) return { error: { zh: decodedErrorZh(decoded.error ?? ''), en: decoded.error ?? 'unreadable' } };
  const notes = decoded.encoding && decoded.encoding !== 'UTF-8' ? [{ zh: `按 ${decoded.encoding} 解码`, en: `decoded as ${decoded.encoding}` }] : [];
  return { report: { kind: 'text', text: decoded.text, places: [], notes, encoding: decoded.encoding, bom: decoded.bom } };
}

function decodedErrorZh(error: string): string {
  return error.startsWith('binary') ? '二进制文件（含 NUL 字节），不是文本年报' : '既不是 UTF-8 也不是 GB18030/GBK 文本：请另存为 UTF-8';
}
