// Prose breakdowns: "共…X条，其中A条、B条、C条" and nested "（其中…）". The parts must add up to X.
import type { Figure, ReportModel } from '../model/types';
import { Decimal, sum } from '../numbers/decimal';
import { cached } from './cache';
import { LineReadings } from './line-readings';
import { interval, isSentenceBreak, lineText } from './prose';
import { BREAKDOWN_NEW_STATEMENT as NEW_STATEMENT, BREAKDOWN_REMAINDER as REMAINDER, BREAKDOWN_SELECTION as SELECTION, BREAKDOWN_TOTAL_MARKER as TOTAL_MARKER } from '../templates/prose-terms';

export interface Breakdown {
  total: Figure;
  parts: Figure[];
  /** Where 其中 stands. */
  marker: { start: number; end: number };
  partsSum: Decimal;
  /** 'exceeds': the parts add up to more than the total allows; 'short': less, in a list that says it is complete. */
  status: 'holds' | 'exceeds' | 'short';
}



// Characters compared by code: text[i] makes a new string for every CJK character it reads.
const isOpen = (c: number) => c === 0xff08 /* （ */ || c === 0x28; /* ( */
const isClose = (c: number) => c === 0xff09 /* ） */ || c === 0x29; /* ) */

/** Words that open a part's own breakdown inside a list. */
const INNER_LIST = new Set(['其中', '内有', '包括', '含有']);

/** How far around a 其中 a list and its total are looked for. */
const WINDOW = 1000;
/** More parts than this is a run of figures, not a list that breaks one total down. */
const MAX_PARTS = 40;

/** Index of the ）that closes the （ at `open`, or `limit`. */
function closing(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return limit;
}

/** Where the sentence holding `from` ends (its 。！？), or `limit`. */
function sentenceEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (isSentenceBreak(text.charCodeAt(i)) && text.charCodeAt(i) !== 10) return i;
  return limit;
}

/** Index of the first figure starting at or after `offset` (figures are in text order). */
function firstAtOrAfter(figures: Figure[], offset: number): number {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function judge(total: Figure, parts: Figure[], listText: string): Breakdown['status'] {
  const partsLow = parts.reduce((a, p) => a + interval(p).low, 0);
  const partsHigh = parts.reduce((a, p) => a + interval(p).high, 0);
  const t = interval(total);
  // A tolerance for floating sums of decimals; exact figures are compared exactly below.
  const eps = 1e-9;
  if (partsLow > t.high + eps) return 'exceeds';
  const exact = total.approx === 'none' && parts.every((p) => p.approx === 'none');
  if (exact && sum(parts.map((p) => p.value)).compare(total.value) > 0) return 'exceeds';
  if (parts.length >= 2 && REMAINDER.test(listText) && !SELECTION.test(listText) && partsHigh < t.low - eps) return 'short';
  return 'holds';
}

export function evaluateBreakdowns(model: ReportModel): Breakdown[] {
  return cached(model, 'breakdowns', () => evaluate(model));
}

/** A breakdown as its line reads it: figures by their index among the line's, the marker from the line's start. */
interface LineBreakdown {
  total: number;
  parts: number[];
  marker: number;
  partsSum: Decimal;
  status: Breakdown['status'];
}

const BY_LINE = new LineReadings<LineBreakdown[]>();

function evaluate(model: ReportModel): Breakdown[] {
  const results: Breakdown[] = [];
  const all = model.figures;
  for (const line of model.figureLines) {
    const start = model.lines.startOf(line.line);
    const first = line.first;
    for (const b of BY_LINE.get(line, () => readLine(model, line.line, all.slice(first, first + line.count)))) {
      results.push({
        total: all[first + b.total],
        parts: b.parts.map((p) => all[first + p]),
        marker: { start: start + b.marker, end: start + b.marker + 2 },
        partsSum: b.partsSum,
        status: b.status,
      });
    }
  }
  return results;
}

/** The breakdowns of one line, its figures given (in text order). */
function readLine(model: ReportModel, line: number, figures: Figure[]): LineBreakdown[] {
  const results: LineBreakdown[] = [];
  const { text, start } = lineText(model, line);
  let from = 0;
  for (;;) {
    const at = text.indexOf('其中', from);
    if (at < 0) break;
    from = at + 2;
    const nested = at > 0 && isOpen(text.charCodeAt(at - 1));
    // The list ends at the end of the sentence, or at the ）closing a nested list — within a
    // window: a "sentence" of megabytes is no list, and each 其中 must cost a bounded scan.
    const limit = Math.min(text.length, at + WINDOW);
    const end = nested ? Math.min(closing(text, at - 1, limit), limit) : sentenceEnd(text, at, limit);
    const listEndAt = endOfList(text, at + 2, end);
    const { total, others, together } = findTotal(text, start, at, nested, figures);
    if (!total || total.unit === '%') continue;
    const build = (total: Figure): Breakdown | undefined => {
      let listEnd = listEndAt;
      // Parts: figures in the list with the total's unit, outside nested （…） lists.
      const parts: Figure[] = [];
      let depth = 0;
      // "机构类20条，内有领导10条、职能4条；工作类11条": a part's own breakdown, up to the next
      // ；, is not more parts of this list.
      let inner = false;
      let k = at + 2;
      for (let f = firstAtOrAfter(figures, start + at + 2); f < figures.length; f++) {
        const p = figures[f];
        const rel = p.start - start;
        if (rel >= listEnd) break;
        for (; k < rel; k++) {
          const c = text.charCodeAt(k);
          if (isOpen(c)) depth++;
          else if (isClose(c) && depth > 0) depth--;
          else if (depth === 0 && (c === 0xff1b /* ； */ || c === 0x3b)) inner = false;
          else if (depth === 0 && parts.length > 0 && INNER_LIST.has(text.slice(k, k + 2))) inner = true;
        }
        if (depth === 0 && !inner && p.unit === total.unit) parts.push(p);
      }
      if (parts.length === 0 || parts.length > MAX_PARTS) return undefined;
      const scoped = prefixAtSemicolon(text, start, at + 2, listEnd, total, parts);
      if (scoped) {
        parts.length = scoped.count;
        listEnd = scoped.end;
      }
      const listText = text.slice(at, listEnd);
      return {
        total,
        parts,
        marker: { start: start + at, end: start + at + 2 },
        partsSum: sum(parts.map((p) => p.value)),
        status: judge(total, parts, listText),
      };
    };
    let result = build(total);
    // "…办结83件。其中予以公开22件，…": 其中 may break down another figure than the nearest (the
    // previous sentence's, or this one's earlier); one the parts add up to exactly is the total meant.
    if (result && result.status !== 'holds') {
      for (const other of others) {
        const alternative = other.unit === total.unit ? build(other) : undefined;
        if (alternative && alternative.status === 'holds' && alternative.partsSum.equals(other.value)) {
          result = alternative;
          break;
        }
      }
    }
    // Parts that add up to all the sentence's figures before 其中 break them down together.
    if (result && result.status !== 'holds' && together && result.partsSum.equals(together)) continue;
    if (result) results.push({ total: figures.indexOf(result.total), parts: result.parts.map((p) => figures.indexOf(p)), marker: at, partsSum: result.partsSum, status: result.status });
  }
  return results;
}

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/**
 * Where the list after 其中 ends: at `end`; at a top-level ；whose clause starts a new statement;
 * or, once a part has been read, at a top-level clause with no figure in it ("其中网络申请5件，
 * 信函申请5件，已按时办理，发生行政复议1件": the list is over when the text goes on without one).
 */
function endOfList(text: string, from: number, end: number): number {
  let depth = 0;
  let clauseStart = from;
  let clauseHasDigit = false;
  let sawPart = false;
  for (let i = from; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0xff0c;
    if (isOpen(c)) depth++;
    else if (isClose(c) && depth > 0) depth--;
    else if (depth === 0 && isDigit(c)) clauseHasDigit = true;
    else if (depth === 0 && (c === 0xff0c /* ， */ || c === 0x2c || c === 0xff1b /* ； */ || c === 0x3b)) {
      if (sawPart && !clauseHasDigit && i > clauseStart + 1) return clauseStart - 1;
      if (clauseHasDigit) sawPart = true;
      if (i < end && (c === 0xff1b || c === 0x3b) && NEW_STATEMENT.test(text.slice(i + 1, end))) return i;
      clauseStart = i + 1;
      clauseHasDigit = false;
    }
  }
  return end;
}

/**
 * The total a 其中 list breaks down: the figure right before a nested （其中, else the last figure
 * earlier in the same sentence, else — when 其中 opens a sentence — a figure marked 共/累计/总计
 * in the sentence before (with that sentence's other figures, for a list that adds up to one of them).
 */
function findTotal(text: string, lineStart: number, at: number, nested: boolean, figures: Figure[]): { total?: Figure; others: Figure[]; together?: Decimal } {
  const floor = Math.max(0, at - WINDOW);
  // The figures that end before 其中, within the window (in text order).
  let last = firstAtOrAfter(figures, lineStart + at);
  while (last > 0 && figures[last - 1].whole.end - lineStart > at) last--;
  const first = firstAtOrAfter(figures, lineStart + floor);
  const before = figures.slice(first, last).filter((f) => f.whole.end - lineStart <= at);
  if (nested) return { total: before[before.length - 1], others: [] };
  let sentenceStart = at;
  while (sentenceStart > floor && !isSentenceBreak(text.charCodeAt(sentenceStart - 1))) sentenceStart--;
  // The last figure of the sentence outside any （…） opened in it: one pass over the sentence.
  let inSentence: Figure | undefined;
  const sentenceFigures: Figure[] = [];
  let depth = 0;
  let k = sentenceStart;
  for (const f of before) {
    const rel = f.start - lineStart;
    if (rel < sentenceStart) continue;
    for (; k < rel; k++) {
      const c = text.charCodeAt(k);
      if (isOpen(c)) depth++;
      else if (isClose(c) && depth > 0) depth--;
    }
    if (depth === 0) {
      inSentence = f;
      sentenceFigures.push(f);
    }
  }
  // "收到申请9件，上年结转1件，其中网络申请5件、信函申请5件": the list may break down an earlier
  // figure of the sentence, or all of them together.
  if (inSentence) {
    const same = sentenceFigures.filter((f) => f.unit === inSentence!.unit && f.approx === 'none');
    return { total: inSentence, others: sentenceFigures.filter((f) => f !== inSentence).reverse(), together: same.length >= 2 ? sum(same.map((f) => f.value)) : undefined };
  }
  let prevStart = Math.max(floor, sentenceStart - 1);
  while (prevStart > floor && !isSentenceBreak(text.charCodeAt(prevStart - 1))) prevStart--;
  const previous = before.filter((f) => f.whole.start - lineStart >= prevStart && f.start - lineStart < sentenceStart);
  const total = previous.find((f) => TOTAL_MARKER.test(text.slice(prevStart, f.whole.start - lineStart)));
  // The others, last first: the figure just before the full stop is the likeliest one meant.
  return { total, others: previous.filter((f) => f !== total).reverse() };
}


/**
 * "办结81件，其中予以公开22件，…其他处理2件；因政府信息公开引起的行政复议2件…": a list that runs on
 * past a top-level ； into another subject. When the parts before a ； add up to the total exactly,
 * that is where the list ends.
 */
function prefixAtSemicolon(
  text: string,
  lineStart: number,
  from: number,
  end: number,
  total: Figure,
  parts: Figure[],
): { count: number; end: number } | undefined {
  if (total.approx !== 'none' || sum(parts.map((p) => p.value)).compare(total.value) <= 0) return undefined;
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c) && depth > 0) depth--;
    else if (depth === 0 && (c === 0xff1b /* ； */ || c === 0x3b /* ; */)) {
      const count = parts.findIndex((p) => p.start - lineStart >= i);
      if (count < 2) continue;
      const prefix = parts.slice(0, count);
      if (prefix.every((p) => p.approx === 'none') && sum(prefix.map((p) => p.value)).equals(total.value)) return { count, end: i };
    }
  }
  return undefined;
}
