// Text normalisation for matching labels and titles. Only for comparison: ranges always point at
// the original text.

// Labels repeat (table rows, template keys): memoised, with a cap so a huge document cannot
// grow the cache without bound.
const normalized = new Map<string, string>();
const MEMO_LIMIT = 20_000;

/** Full-width → ASCII (NFKC), no whitespace, no Markdown emphasis, one kind of quote. */
export function normalizeLabel(text: string): string {
  const hit = normalized.get(text);
  if (hit !== undefined) return hit;
  const result = text
    .normalize('NFKC')
    .replace(/[\s\u3000*_`]/g, '')
    .replace(/[“”"＂]/g, '“')
    .replace(/[．]/g, '.');
  if (text.length <= 200) {
    if (normalized.size >= MEMO_LIMIT) normalized.clear();
    normalized.set(text, result);
  }
  return result;
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
export function labelCore(text: string): string {
  const rest = splitOrdinal(normalizeLabel(text)).rest;
  let end = rest.length;
  while (end > 0 && ':：。.;；'.includes(rest[end - 1])) end--;
  return rest.slice(0, end);
}

/** Strips punctuation too, for fuzzy comparison of titles. */
export function looseCore(text: string): string {
  return labelCore(text).replace(/[、,，:：;；。.“”"'()（）《》〈〉\-—/]/g, '');
}

/** Dice coefficient on character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  // Dice ≤ 2·min/(|a|+|b|) by bigram counts: when even that bound is below 0.5, say 0 at once.
  // Every caller only tells apart scores of 0.5 and up.
  const bound = (2 * (Math.min(a.length, b.length) - 1)) / (a.length + b.length - 2);
  if (bound < 0.5) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const bg = a.slice(i, i + 2);
    counts.set(bg, (counts.get(bg) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const bg = b.slice(i, i + 2);
    const n = counts.get(bg) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(bg, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "三" → 3, "十二" → 12; undefined for anything else. */
export function chineseNumeral(text: string): number | undefined {
  if (text.length === 1) return CHINESE_DIGITS[text];
  if (text.length === 2 && text[0] === '十') return 10 + (CHINESE_DIGITS[text[1]] ?? NaN) || undefined;
  if (text.length === 2 && text[1] === '十') return (CHINESE_DIGITS[text[0]] ?? NaN) * 10 || undefined;
  return undefined;
}
