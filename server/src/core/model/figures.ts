// Figures stated in prose: a number with its unit ("1152 条", "93.4385 万元", "7800余条", "4.5%").
// Dates, years, 文号 (〔2019〕60号), phone numbers and postcodes carry no unit and are not figures.
import type { LineIndexes } from '../layout/line-set';
import type { LayoutLine } from '../layout/lines';
import { Decimal } from '../numbers/decimal';
import { LineMemo, shiftSpan } from './line-memo';
import { NOT_READ, NO_FIGURES, type Unchanged } from './unchanged';
import type { Approximation, Figure, FigureLine } from './types';

export const FIGURE_UNITS = [
  '人次', '件次', '万元', '亿元', '千元', '元', '条', '件', '个', '次', '项', '家', '篇', '人', '份', '期', '场', '批', '名', '部', '%',
] as const;

// The number (ASCII or full-width digits, thousands commas), an optional 余/多 and the unit. The
// lookbehind makes every start inside a digit run fail at once, so a long run of digits is read in
// linear time, not quadratic. The marker before the number (约, 超过…) is looked for by hand once a
// number is found: as an optional prefix of the regex it made the scan try every position.
const FIGURE =
  /(?<![0-9０-９.．])([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)([.．][0-9０-９]+)?[ \t]*(余|多)?[ \t]*(人次|件次|万元|亿元|千元|元|条|件|个|次|项|家|篇|人|份|期|场|批|名|部|%|％)(左右)?/g;

/** Markers of an approximate figure; the longer first ("大约" before "约"). */
const MARKERS = ['将近', '接近', '超过', '大约', '约', '近', '逾'];

/** The marker ending just before `at` (spaces and tabs between allowed), not starting before `floor`. */
function markerBefore(text: string, at: number, floor: number): { marker: string; start: number } | undefined {
  let end = at;
  while (end > floor && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  for (const marker of MARKERS) {
    const start = end - marker.length;
    if (start >= floor && text.startsWith(marker, start)) return { marker, start };
  }
  return undefined;
}

/** A digit, point, dash or slash right before the match: the tail of a longer token. */
const NOT_BEFORE = new Set([...'0123456789０１２３４５６７８９.．-/'].map((c) => c.charCodeAt(0)));
const PLAIN_NUMBER = /^[0-9]+(?:\.[0-9]+)?$/;

function approximation(before: string | undefined, after: string | undefined, trailing: string | undefined): Approximation {
  if (after || before === '超过' || before === '逾') return 'more';
  if (before === '近' || before === '将近' || before === '接近') return 'nearly';
  if (before || trailing) return 'about';
  return 'none';
}

/** The prose figures, in text order, the figures of each line that holds some, and what each line was read for. */
export function readFigures(
  lines: readonly LayoutLine[],
  skip: LineIndexes,
  unchanged?: Unchanged,
): { figures: Figure[]; figureLines: FigureLine[]; figuresRead: Int32Array } {
  const figures: Figure[] = [];
  const figureLines: FigureLine[] = [];
  const figuresRead = new Int32Array(lines.length).fill(NOT_READ);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'text' || skip.has(i)) continue;
    figuresRead[i] = NO_FIGURES;
    const previous = unchanged?.figuresOf(line);
    if (previous === null) continue;
    const first = figures.length;
    let key: FigureLine['key'];
    if (previous) {
      // The line as it was: its figures again, the same objects where nothing moved.
      key = previous.key;
      key.hits++;
      const { first: from, count } = previous.line;
      const same = previous.shift === 0 && previous.index === i;
      for (let k = from; k < from + count; k++) figures.push(same ? previous.figures[k] : moved(previous.figures[k], previous.shift, i, keep));
    } else {
      const found = lineFigures.read(line);
      if (!found) continue;
      key = lineFigures.lastKey;
      // (A loop, not push(...found): a 10 MB line holds more figures than a call takes arguments.)
      for (const f of found) figures.push(f);
    }
    figuresRead[i] = figureLines.length;
    figureLines.push({ line: i, first, count: figures.length - first, key });
  }
  return { figures, figureLines, figuresRead };
}

const keep = (s: string) => s;

/** A figure at another place: offsets shifted, on line `line`, its text passed through `copy`. */
function moved(f: Figure, shift: number, line: number, copy: (s: string) => string): Figure {
  // (Written out, not spread: every figure of a long report is moved on every keystroke.)
  return { start: f.start + shift, end: f.end + shift, text: copy(f.text), value: f.value, unit: f.unit, approx: f.approx, line, whole: shiftSpan(f.whole, shift) };
}

/** A line's figures, remembered by its text (the editor re-reads every line on every keystroke). */
const lineFigures = new LineMemo<Figure[]>(figuresOf, (list, { shift, line }, copy) => list.map((f) => moved(f, shift, line, copy)), false);

function figuresOf(line: LayoutLine): Figure[] | undefined {
  const text = line.raw;
  const figures: Figure[] = [];
  FIGURE.lastIndex = 0;
  let previousEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text))) {
    const [number, intPart, fraction, after, unit, trailing] = m;
    const marked = markerBefore(text, m.index, previousEnd);
    const wholeStart = marked?.start ?? m.index;
    const wholeEnd = m.index + number.length;
    previousEnd = wholeEnd;
    // A digit right before means we matched the tail of a longer token (a phone number, a date).
    if (wholeStart > 0 && NOT_BEFORE.has(text.charCodeAt(wholeStart - 1))) continue;
    const written = intPart + (fraction ?? '');
    // Plain ASCII digits (nearly every figure) need no normalising.
    const digits = PLAIN_NUMBER.test(written) ? written : written.normalize('NFKC').replace(/[,，]/g, '').replace('．', '.');
    const value = Decimal.parse(digits);
    if (!value) continue;
    const numberStart = line.start + m.index;
    const numberEnd = numberStart + written.length;
    figures.push({
      text: text.slice(m.index, m.index + written.length),
      start: numberStart,
      end: numberEnd,
      value,
      unit: unit === '％' ? '%' : unit,
      approx: approximation(marked?.marker, after, trailing),
      line: line.index,
      whole: { start: line.start + wholeStart, end: line.start + wholeEnd },
    });
  }
  return figures.length > 0 ? figures : undefined;
}
