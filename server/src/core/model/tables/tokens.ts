// Table tokens: the cells of table lines in reading order, whatever the layout (tab-separated,
// pipe tables, one cell per line, or space-separated values after a label).
import type { LayoutLine } from '../../layout/lines';
import { isSpaceCode } from '../../text/chars';
import { isUnitWord, looksLikeValue } from '../../numbers/cell-value';
import type { Span } from '../../text/source';

export interface Token extends Span {
  text: string;
  kind: 'value' | 'label' | 'empty';
  line: number;
  /** The text normalised (label-match.ts `normalizedLabel`), kept once a reader asked. */
  normalized: string | undefined;
}

/** A token (every token is made here, so that all have one shape). */
export function makeToken(text: string, start: number, end: number, kind: Token['kind'], line: number): Token {
  return { text, start, end, kind, line, normalized: undefined };
}

/** Where the word (run of non-space) that ends last before `before` ends; 0 if there is none. */
function wordEndBefore(text: string, before: number): number {
  let end = before;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Where the word that ends at `end` begins. */
function wordStart(text: string, end: number): number {
  let begin = end;
  while (begin > 0 && !isSpaceCode(text.charCodeAt(begin - 1))) begin--;
  return begin;
}

/**
 * Splits "（七）总计 14 0 0" into a label and values; "0 0 0" into values; "973.90 万元" stays one.
 * Words are read from the end, only as far as values are peeled off: a paragraph of prose costs
 * one word, not one object per word.
 */
function splitField(text: string, start: number, line: number): Token[] {
  const isValue = looksLikeValue(text);
  // (Words as pairs of offsets, [wordStart, wordEnd): no array per word.)
  const lastEnd = wordEndBefore(text, text.length);
  const lastStart = wordStart(text, lastEnd);
  if (lastEnd === 0 || isValue || wordEndBefore(text, lastStart) === 0) return [makeToken(text, start, start + text.length, isValue ? 'value' : 'label', line)];
  // Peel value words off the end; a unit word belongs to the number before it.
  const values: Token[] = [];
  let wordEnd = lastEnd;
  let wordBegin = lastStart;
  while (wordEnd > 0) {
    const w = text.slice(wordBegin, wordEnd);
    const beforeEnd = wordEndBefore(text, wordBegin);
    const beforeStart = wordStart(text, beforeEnd);
    if (beforeEnd > 0 && isUnitWord(w) && looksLikeValue(text.slice(beforeStart, beforeEnd))) {
      values.push(makeToken(text.slice(beforeStart, wordEnd), start + beforeStart, start + wordEnd, 'value', line));
      wordEnd = wordEndBefore(text, beforeStart);
      wordBegin = wordStart(text, wordEnd);
    } else if (looksLikeValue(w)) {
      values.push(makeToken(w, start + wordBegin, start + wordEnd, 'value', line));
      wordEnd = beforeEnd;
      wordBegin = beforeStart;
    } else break;
  }
  if (values.length === 0) return [makeToken(text, start, start + text.length, 'label', line)];
  values.reverse();
  if (wordEnd === 0) return values;
  // "…申请数量18 0 0 0 0 0 18": a text layer that lost the gap between a label and its first value.
  let labelEnd = wordEnd;
  const glued = GLUED_VALUE.exec(text.slice(wordBegin, wordEnd));
  if (glued) {
    const cut = wordEnd - glued[1].length;
    values.unshift(makeToken(glued[1], start + cut, start + wordEnd, 'value', line));
    labelEnd = cut;
  }
  // "1. 属于国家" must stay a label: only split when what is left reads as a label, not an ordinal.
  const label = text.slice(0, labelEnd);
  if (!/[\u4e00-\u9fff]/.test(label)) return [makeToken(text, start, start + text.length, 'label', line)];
  return [makeToken(label, start, start + labelEnd, 'label', line), ...values];
}

/** Digits glued to the end of a Chinese label word ("数量18"), the label followed by more values. */
const GLUED_VALUE = /[\u4e00-\u9fff）)](\d+)$/;

const MAX_BAR_CELLS = 32;

/** A line's tokens, worked out once: several table parsers look at the same lines. */
export function lineTokens(line: LayoutLine): Token[] {
  let tokens = line.readerCache as Token[] | undefined;
  if (!tokens) {
    tokens = tokenize(line);
    line.readerCache = tokens;
  }
  return tokens;
}

function tokenize(line: LayoutLine): Token[] {
  if (line.kind !== 'text') return [];
  // "|" or "||" alone: blank cells of a one-cell-per-line copy, one per bar (no table is wider
  // than MAX_BAR_CELLS: a page's line of hundreds of bars is a rule, not as many tokens).
  const bars = Math.min(line.barsOnly, MAX_BAR_CELLS);
  if (bars > 0) return Array.from({ length: bars }, () => makeToken('', line.start, line.start, 'empty', line.index));
  if (!line.separated) {
    const c = line.content;
    return c.text === '' ? [] : splitField(c.text, c.start, line.index);
  }
  const tokens: Token[] = [];
  for (const f of line.fields) {
    if (f.text === '') tokens.push(makeToken('', f.start, f.end, 'empty', line.index));
    else tokens.push(...splitField(f.text, f.start, line.index));
  }
  return tokens;
}
