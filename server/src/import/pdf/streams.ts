// Before PDF.js sees a file: every Flate stream in it is inflated here, counting, and the file is
// refused if one stream (or all together) would inflate past its budget. PDF.js has no such limit
// and decodes a 1 GB stream of spaces hidden in a 1 MB file without a word. Inflating is cheap
// (fflate, a few hundred MB/s); a stream this pass cannot read is left for PDF.js to judge.
import { Unzlib } from 'fflate';
import { BUDGETS, overBudget } from '../budgets';

const latin1 = (bytes: Uint8Array, start: number, end: number) => {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
};

/** Where the keyword `word` next stands in `bytes` at or after `from` (-1: nowhere). */
function indexOf(bytes: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** How many bytes a zlib stream inflates to, stopping as soon as it passes `cap` (then cap + 1). */
function inflatedSize(data: Uint8Array, cap: number): number {
  let size = 0;
  let over = false;
  const inflater = new Unzlib((chunk) => {
    size += chunk.length;
    if (size > cap) over = true;
  });
  // Small slices: no one slice can inflate to more than ~16 MB at once.
  const SLICE = 16 * 1024;
  try {
    for (let at = 0; at < data.length && !over; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch {
    // Not a stream this pass reads (damaged, or another filter first): PDF.js decides.
  }
  return over ? cap + 1 : size;
}

/** Throws the budget error if a Flate stream of the PDF inflates past its budget. */
export function checkStreams(bytes: Uint8Array): void {
  let total = 0;
  for (let at = indexOf(bytes, 'stream', 0); at >= 0; at = indexOf(bytes, 'stream', at + 6)) {
    // "endstream" is not a stream's start; the dictionary before it says whether it is Flate.
    if (at >= 3 && latin1(bytes, at - 3, at) === 'end') continue;
    const dictionary = latin1(bytes, Math.max(0, at - 1024), at);
    const open = dictionary.lastIndexOf('<<');
    if (open < 0 || !dictionary.slice(open).includes('/FlateDecode')) continue;
    let start = at + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const end = indexOf(bytes, 'endstream', start);
    const size = inflatedSize(bytes.subarray(start, end < 0 ? bytes.length : end), BUDGETS.pdfStreamBytes);
    if (size > BUDGETS.pdfStreamBytes) throw overBudget('pdfStreamBytes');
    total += size;
    if (total > BUDGETS.pdfInflatedBytes) throw overBudget('pdfInflatedBytes');
    if (end > 0) at = end + 3;
  }
}
