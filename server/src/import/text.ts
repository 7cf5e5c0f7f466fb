// Plain-text reports: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (which covers
// GBK and GB2312, common in Chinese offices). Binary data is refused.
import type { ImportedReport } from './types';

export interface DecodedText {
  text?: string;
  /** The file started with a UTF-8 BOM (kept when the file is written back). */
  bom?: boolean;
  encoding?: ImportedReport['encoding'];
  error?: string;
}

// One decoder of each kind for every file (a decoder keeps no state between whole-buffer calls, and
// making one per file cost more than decoding a typical report). ignoreBOM keeps a UTF-8 BOM in the
// text, where it is seen and taken off: by default the decoder drops it unseen, and --fix then
// wrote the file back without it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');
let gb18030: InstanceType<typeof TextDecoder> | undefined;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: UTF16LE.decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: UTF16BE.decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes), not a text report' };
  try {
    const text = UTF8.decode(bytes);
    const bom = text.startsWith('\uFEFF');
    return { text: bom ? text.slice(1) : text, bom, encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: GB18030 is the other encoding Chinese offices use.
  }
  try {
    const text = (gb18030 ??= new TextDecoder('gb18030', { fatal: true })).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return { text, encoding: 'GB18030' };
  } catch {
    // Neither.
  }
  return { error: 'neither UTF-8 nor GB18030/GBK text: save it as UTF-8' };
}
