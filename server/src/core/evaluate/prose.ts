// Prose helpers over the model's figures: the clause before a figure, the sentence around it.
import type { Figure, ReportModel } from '../model/types';

// Break characters looked up by code in a table (ASCII) or compared (the CJK ones): these scans
// run over every sentence that holds a figure.
const ASCII_CLAUSE_BREAK = asciiTable(',;:!?\n()');
const ASCII_SENTENCE_BREAK = asciiTable('!?\n');

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** ，,。；;、：:！？!?\n（）() */
function isClauseBreak(c: number): boolean {
  if (c < 128) return ASCII_CLAUSE_BREAK[c] === 1;
  return c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0x3001 || c === 0xff1a || c === 0xff01 || c === 0xff1f || c === 0xff08 || c === 0xff09;
}

/** 。！？!?\n */
export function isSentenceBreak(c: number): boolean {
  if (c < 128) return ASCII_SENTENCE_BREAK[c] === 1;
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

export function lineText(model: ReportModel, line: number): { text: string; start: number } {
  const start = model.lines.startOf(line);
  return { text: model.lines.textOf(line), start };
}

/**
 * The figure counts a list, not the one term before it: "规章、规范性文件112件" (its clause follows
 * a 、 after a term with no figure of its own) or "规范性文件等112件" (等 right before it). In
 * "予以公开22件、部分公开20件" each item has its own figure: no list.
 */
export function countsAList(model: ReportModel, figure: Figure): boolean {
  const text = model.source.text;
  const lineStart = model.lines.startOf(figure.line);
  let i = figure.whole.start - 1;
  for (let k = 0; i >= lineStart && !isClauseBreak(text.charCodeAt(i)); i--, k++) {
    if (k < 3 && text.charCodeAt(i) === 0x7b49 /* 等 */) return true;
  }
  if (i < lineStart || text.charCodeAt(i) !== 0x3001 /* 、 */) return false;
  // The item before the 、: back to the clause break before it, with no digit in it.
  for (let j = i - 1, n = 0; j >= lineStart && n < 40; j--, n++) {
    const c = text.charCodeAt(j);
    if (isClauseBreak(c)) return n > 0;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return false;
  }
  return true;
}

/** Text of the clause before the figure (after the last clause break), marker words included. */
export function clauseBefore(model: ReportModel, figure: Figure): string {
  const text = model.source.text;
  const lineStart = model.lines.startOf(figure.line);
  const end = figure.whole.start;
  let i = end - 1;
  while (i >= lineStart && !isClauseBreak(text.charCodeAt(i))) i--;
  return text.slice(i + 1, end);
}

const SENTENCE_REACH = 2000;

// A sentence is read at most SENTENCE_REACH characters either side: a megabyte without a full
// stop is no sentence, and every figure in it must not cost a scan of it. Each end is its own scan:
// most callers want one of them, once for every figure.

/** Where the sentence holding an offset starts, within its line. */
export function sentenceStart(model: ReportModel, line: number, offset: number): number {
  const text = model.source.text;
  const floor = Math.max(model.lines.startOf(line), offset - SENTENCE_REACH);
  let s = offset;
  while (s > floor && !isSentenceBreak(text.charCodeAt(s - 1))) s--;
  return s;
}

/** Where the sentence holding an offset ends (after its 。), within its line. */
function sentenceEnd(model: ReportModel, line: number, offset: number): number {
  const text = model.source.text;
  const end = model.lines.endOf(line);
  const ceiling = Math.min(end, offset + SENTENCE_REACH);
  let e = offset;
  while (e < ceiling && !isSentenceBreak(text.charCodeAt(e))) e++;
  return Math.min(e + 1, end);
}

/** Text right after the figure's unit, up to the end of its sentence. */
export function textAfter(model: ReportModel, figure: Figure): string {
  return model.source.text.slice(figure.whole.end, sentenceEnd(model, figure.line, figure.start));
}

/** The range of values an approximate figure stands for: 7800余 → [7800, 7900). */
export function interval(figure: Figure): { low: number; high: number } {
  const v = figure.value.toNumber();
  if (figure.approx === 'none') return { low: v, high: v };
  const whole = figure.value.toString();
  const point = whole.indexOf('.');
  const digits = point < 0 ? whole : whole.slice(0, point);
  let trailingZeros = 0;
  while (trailingZeros < digits.length - 1 && digits[digits.length - 1 - trailingZeros] === '0') trailingZeros++;
  const step = 10 ** Math.max(trailingZeros, 1);
  if (figure.approx === 'more') return { low: v, high: v + step };
  if (figure.approx === 'nearly') return { low: v - step, high: v };
  return { low: v - step / 2, high: v + step / 2 };
}
