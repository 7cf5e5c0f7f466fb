// Text normalisation for matching labels and titles. Only for comparison: ranges always point at
// the original text.
import { isSpaceCode } from './chars';

/**
 * A copy of a string that does not hold on to the text it was cut from. V8 keeps a slice of a long
 * string as a view of the whole: a label used as a memo key would keep every version of the
 * document alive. Concatenating and slicing makes V8 flatten it into a string of its own.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

// Labels repeat (table rows, template keys, every check asking again): the string functions below
// are memoised, with a cap so a huge document cannot grow a cache without bound.
const MEMO_LIMIT = 20_000;

export function memoised<T>(compute: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    let result = compute(text);
    if (text.length <= 200) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      // A string result may be the text itself, or a slice of it (a label already normalised comes
      // back as it was): kept as it is, it would keep the whole document alive, as a key would.
      if (typeof result === 'string') result = detached(result) as T;
      memo.set(detached(text), result);
    }
    return result;
  };
}

/** Full-width → ASCII (NFKC), no whitespace, no Markdown emphasis, one kind of quote. */
export const normalizeLabel = memoised((text) =>
  text
    .normalize('NFKC')
    .replace(/[\s\u3000*_`]/g, '')
    .replace(/[“”"＂]/g, '“')
    .replace(/[．]/g, '.'),
);

/**
 * Whether normalizeLabel(text) is surely longer than `limit`, told without normalising: it drops
 * only whitespace and emphasis marks, and NFKC composition at most merges three characters into
 * one. A paragraph of prose is refused at the cost of one pass over it.
 */
export function normalizedSurelyLongerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \s (with U+3000) and * _ `, as normalizeLabel removes them.
    if (isSpaceCode(c) || c === 42 || c === 95 || c === 96) continue;
    if (++kept > 3 * limit) return true;
  }
  return false;
}

const BRACKETED_CHINESE = /^[(（]([一二三四五六七八九十]+)[)）]/;
const CHINESE_ENUM = /^([一二三四五六七八九十]+)[、.．，,]/;
const ARABIC_ENUM = /^(?:(\d{1,2})[.．、)）]|[(（](\d{1,2})[)）])/;

/**
 * Splits a leading ordinal off a normalised label. Ordinals come back in one canonical form:
 * "(三)" for （三）/(三), "四" for 四、, "1" for 1. / 1、/ (1).
 */
export function splitOrdinal(normalized: string): { ordinal?: string; rest: string } {
  let m = BRACKETED_CHINESE.exec(normalized);
  if (m) return { ordinal: `(${m[1]})`, rest: normalized.slice(m[0].length) };
  m = CHINESE_ENUM.exec(normalized);
  if (m) return { ordinal: m[1], rest: normalized.slice(m[0].length) };
  m = ARABIC_ENUM.exec(normalized);
  if (m) return { ordinal: m[1] ?? m[2], rest: normalized.slice(m[0].length) };
  return { rest: normalized };
}

/** Label core used for matching: normalised, ordinal removed, trailing colon/period removed. */
export const labelCore = memoised((text) => {
  const rest = splitOrdinal(normalizeLabel(text)).rest;
  let end = rest.length;
  while (end > 0 && ':：。.;；'.includes(rest[end - 1])) end--;
  return rest.slice(0, end);
});

/** Strips punctuation too, for fuzzy comparison of titles. */
export const looseCore = memoised((text) => labelCore(text).replace(/[、,，:：;；。.“”"'()（）《》〈〉\-—/]/g, ''));

/** A string prepared for Dice comparisons: its character bigrams, sorted (two UTF-16 units a number). */
export interface Bigrams {
  text: string;
  sorted: number[];
}

export function bigrams(text: string): Bigrams {
  const sorted = new Array<number>(Math.max(0, text.length - 1));
  for (let i = 0; i < sorted.length; i++) sorted[i] = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
  sorted.sort((x, y) => x - y);
  return { text, sorted };
}

/** Dice coefficient on character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2 || diceBound(a, b) < 0.5) return 0;
  return dice(preparedBigrams(a), preparedBigrams(b));
}

// Labels and headers are compared again and again (every row against every template row, every
// check asking): their bigrams are prepared once.
const prepared = new Map<string, Bigrams>();

function preparedBigrams(text: string): Bigrams {
  if (text.length > 200) return bigrams(text);
  let b = prepared.get(text);
  if (!b) {
    if (prepared.size >= MEMO_LIMIT) prepared.clear();
    b = bigrams(detached(text));
    prepared.set(b.text, b);
  }
  return b;
}

/**
 * Dice ≤ 2·min/(|a|+|b|) by bigram counts: when even that bound is below 0.5, the caller can say 0
 * at once. Every caller only tells apart scores of 0.5 and up.
 */
export function diceBound(a: string, b: string): number {
  return (2 * (Math.min(a.length, b.length) - 1)) / (a.length + b.length - 2);
}

/** Dice coefficient of two prepared strings (for one string compared with many: prepare it once). */
export function dice(a: Bigrams, b: Bigrams): number {
  if (a.text === b.text) return 1;
  if (a.text.length < 2 || b.text.length < 2 || diceBound(a.text, b.text) < 0.5) return 0;
  // Shared bigrams (as a multiset): a merge of the two sorted lists.
  const x = a.sorted;
  const y = b.sorted;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "三" → 3, "十二" → 12; undefined for anything else. */
export function chineseNumeral(text: string): number | undefined {
  if (text.length === 1) return CHINESE_DIGITS[text];
  if (text.length === 2 && text[0] === '十') return 10 + (CHINESE_DIGITS[text[1]] ?? NaN) || undefined;
  if (text.length === 2 && text[1] === '十') return (CHINESE_DIGITS[text[0]] ?? NaN) * 10 || undefined;
  return undefined;
}
