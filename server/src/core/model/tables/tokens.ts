// Table tokens: the cells of table lines in reading order, whatever the layout (tab-separated,
// pipe tables, one cell per line, or space-separated values after a label).
import type { LayoutLine } from '../../layout/lines';
import { isUnitWord, looksLikeValue } from '../../numbers/cell-value';
import type { Span } from '../../text/source';

export interface Token extends Span {
  text: string;
  kind: 'value' | 'label' | 'empty';
  line: number;
}

/** Splits "（七）总计 14 0 0" into a label and values; "0 0 0" into values; "973.90 万元" stays one. */
function splitField(text: string, start: number, line: number): Token[] {
  // One word (most cells of a tab-separated row): nothing to split.
  if (!/\s/.test(text)) return [{ text, start, end: start + text.length, kind: looksLikeValue(text) ? 'value' : 'label', line }];
  const words: Array<{ text: string; start: number; end: number }> = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) words.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  const isValue = looksLikeValue(text);
  if (words.length <= 1 || isValue) return [{ text, start, end: start + text.length, kind: isValue ? 'value' : 'label', line }];
  // Peel value words off the end; a unit word belongs to the number before it.
  const values: Token[] = [];
  let i = words.length - 1;
  while (i >= 0) {
    const w = words[i];
    if (isUnitWord(w.text) && i > 0 && looksLikeValue(words[i - 1].text)) {
      const n = words[i - 1];
      values.unshift({ text: text.slice(n.start - start, w.end - start), start: n.start, end: w.end, kind: 'value', line });
      i -= 2;
    } else if (looksLikeValue(w.text)) {
      values.unshift({ ...w, kind: 'value', line });
      i--;
    } else break;
  }
  if (values.length === 0) return [{ text, start, end: start + text.length, kind: 'label', line }];
  if (i < 0) return values;
  // "…申请数量18 0 0 0 0 0 18": a text layer that lost the gap between a label and its first value.
  const glued = GLUED_VALUE.exec(words[i].text);
  if (glued) {
    const cut = words[i].end - glued[1].length;
    values.unshift({ text: glued[1], start: cut, end: words[i].end, kind: 'value', line });
    words[i] = { ...words[i], text: words[i].text.slice(0, -glued[1].length), end: cut };
  }
  const labelEnd = words[i].end;
  // "1. 属于国家" must stay a label: only split when what is left reads as a label, not an ordinal.
  const label = text.slice(0, labelEnd - start);
  if (!/[\u4e00-\u9fff]/.test(label)) return [{ text, start, end: start + text.length, kind: 'label', line }];
  return [{ text: label, start, end: labelEnd, kind: 'label', line }, ...values];
}

/** Digits glued to the end of a Chinese label word ("数量18"), the label followed by more values. */
const GLUED_VALUE = /[\u4e00-\u9fff）)](\d+)$/;

// Several table parsers look at the same lines: each line is tokenised once.
const tokenCache = new WeakMap<LayoutLine, Token[]>();

export function lineTokens(line: LayoutLine): Token[] {
  let tokens = tokenCache.get(line);
  if (!tokens) {
    tokens = tokenize(line);
    tokenCache.set(line, tokens);
  }
  return tokens;
}

function tokenize(line: LayoutLine): Token[] {
  if (line.kind !== 'text') return [];
  if (!line.separated) {
    const c = line.content;
    return c.text === '' ? [] : splitField(c.text, c.start, line.index);
  }
  const tokens: Token[] = [];
  for (const f of line.fields) {
    if (f.text === '') tokens.push({ text: '', start: f.start, end: f.end, kind: 'empty', line: line.index });
    else tokens.push(...splitField(f.text, f.start, line.index));
  }
  return tokens;
}
