// Section headings (一…六) and their sub-headings （一）/(一), read from the non-table lines.
import type { LineIndexes } from '../layout/line-set';
import type { LayoutLine } from '../layout/lines';
import { bigrams, chineseNumeral, dice, diceBound, looseCore, type Bigrams } from '../text/normalize';
import type { Span } from '../text/source';
import { FORMATS, SECTIONS } from '../templates';
import type { SectionNumber, SectionSpec } from '../templates/types';
import { lineMemo, shiftSpan } from './line-memo';
import type { Section, SubHeading } from './types';

export interface HeadingCandidate {
  number: SectionNumber;
  writtenNumber: number;
  titleMatch: Section['titleMatch'];
  title: { text: string; start: number; end: number };
  heading: Span;
  inline: boolean;
  score: number;
}

const NUMERAL = /^([一二三四五六七八九十]{1,2})\s*[、.．，,]\s*/;
const NUMERAL_START = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/** Table 三 row labels that look like headings ("四、结转下年度继续办理") are never headings. */
const TABLE_ROW_CORES = [
  ...new Set(FORMATS.flatMap((f) => f.tables.applications.rows.filter((r) => !r.group).flatMap((r) => r.keys.map(looseCore)))),
  ...FORMATS.flatMap((f) => f.tables.applications.groups.flatMap((g) => g.keys.map(looseCore))),
];

/** Maps a prefix of `loose` characters back to an end offset in `text` (spaces and punctuation skipped). */
function endOfLoosePrefix(text: string, looseLength: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (looseCore(text[i]) !== '') seen++;
    if (seen === looseLength) return i + 1;
  }
  return text.length;
}

/** Every section's titles (standard first, then variants), prepared once for comparison. */
let preparedTitles: Array<{ spec: SectionSpec; titles: Array<{ key: string; keyBigrams: Bigrams }> }> | undefined;

function sectionTitles() {
  preparedTitles ??= SECTIONS.map((spec) => ({
    spec,
    titles: [spec.title, ...spec.variants].map((title) => {
      const key = looseCore(title);
      return { key, keyBigrams: bigrams(key) };
    }),
  }));
  return preparedTitles;
}

export type HeadingReader = (line: LayoutLine) => HeadingCandidate | undefined;

/**
 * Reads lines as section headings, each line once (the table parsers ask too: a heading ends a
 * table). One reader per document: the memo is an array by line index.
 */
export function headingReader(lineCount: number): HeadingReader {
  const memo: Array<HeadingCandidate | null | undefined> = new Array(lineCount);
  return (line) => {
    // Most lines do not start with a numeral: answered before the memo.
    if (line.kind !== 'text' || !NUMERAL_START.has(line.firstContentCode())) return undefined;
    let hit = memo[line.index];
    if (hit === undefined) {
      hit = computeHeading(line) ?? null;
      memo[line.index] = hit;
    }
    return hit ?? undefined;
  };
}

const computeHeading = lineMemo<HeadingCandidate>(readHeadingLine, (c, { shift }, copy) => ({
  ...c,
  title: { text: copy(c.title.text), ...shiftSpan(c.title, shift) },
  heading: shiftSpan(c.heading, shift),
}));

function readHeadingLine(line: LayoutLine): HeadingCandidate | undefined {
  if (line.kind !== 'text') return undefined;
  const content = line.content;
  const m = NUMERAL.exec(content.text);
  if (!m) return undefined;
  const writtenNumber = chineseNumeral(m[1]);
  if (writtenNumber === undefined) return undefined;
  const restStart = content.start + m[0].length;
  const rest = content.text.slice(m[0].length).replace(/\*\*/g, (s) => ' '.repeat(s.length));
  // A heading is short: its first 200 characters decide (a long paragraph "一是…" is no heading,
  // and normalising all of it for every such line cost more than the rest of the section reader).
  const restHead = rest.length > 200 ? rest.slice(0, 200) : rest;
  const loose = looseCore(restHead);
  if (loose.length < 2) return undefined;
  if (TABLE_ROW_CORES.some((core) => loose.startsWith(core))) return undefined;
  if (line.separated && line.fields.filter((f) => f.text !== '').length > 1) return undefined;

  let best: HeadingCandidate | undefined;
  // Compare the part before the first sentence break, and only if heading-sized.
  const sentenceEnd = restHead.search(/[。；;:：]/);
  const head = looseCore(sentenceEnd < 0 ? restHead : restHead.slice(0, sentenceEnd));
  let headBigrams: Bigrams | undefined; // only when a title is compared by similarity
  const prepared = sectionTitles();
  // A heading written exactly as its own section's title scores 1.01, which nothing can beat: the
  // other titles need no comparing (most headings, and comparing them was most of this reader).
  const own = prepared.find((p) => p.spec.number === writtenNumber);
  const candidates = own?.titles.some((t) => t.key === loose) ? [own] : prepared;
  for (const { spec, titles } of candidates) {
    for (let k = 0; k < titles.length; k++) {
      const { key, keyBigrams } = titles[k];
      let score = 0;
      let titleLoose = loose;
      if (loose === key) score = 1;
      else if (loose.startsWith(key)) {
        // The heading runs into the section's first sentence (web copies): "一、总体情况2019年，…".
        score = 0.95;
        titleLoose = key;
      } else {
        // Dice is at most diceBound: skip a title that could not reach 0.6 or beat the best so far.
        const bound = diceBound(head, key);
        if (head.length <= 40 && bound >= 0.6 && !(best && bound + 0.01 <= best.score)) {
          score = dice((headBigrams ??= bigrams(head)), keyBigrams);
          titleLoose = head;
        }
      }
      if (score < 0.6) continue;
      // The written numeral decides between equally likely sections.
      if (spec.number === writtenNumber) score += 0.01;
      if (!best || score > best.score) {
        const end = restStart + endOfLoosePrefix(rest, titleLoose.length);
        const exact = score >= 1 && k === 0;
        best = {
          number: spec.number,
          writtenNumber,
          titleMatch: exact ? 'standard' : score >= 0.95 ? (k === 0 ? 'standard' : 'variant') : 'similar',
          title: { text: content.text.slice(m[0].length, end - content.start), start: restStart, end },
          heading: { start: content.start, end },
          inline: end < content.end && looseCore(content.text.slice(end - content.start, end - content.start + 200)) !== '',
          score,
        };
      }
    }
  }
  return best;
}

const SUB_ORDINAL = /^[(（]([一二三四五六七八九十]{1,2})[)）]\s*/;

function readSubHeading(line: LayoutLine): SubHeading | undefined {
  if (line.kind !== 'text') return undefined;
  const first = line.firstContentCode();
  if (first !== 0x28 /* ( */ && first !== 0xff08 /* （ */) return undefined;
  return rememberedSubHeading(line);
}

const rememberedSubHeading = lineMemo<SubHeading>(readSubHeadingLine, (h, { shift, line }, copy) => ({
  ordinal: copy(h.ordinal),
  title: copy(h.title),
  span: shiftSpan(h.span, shift),
  line,
  range: shiftSpan(h.range, shift),
}));

function readSubHeadingLine(line: LayoutLine): SubHeading | undefined {
  const content = line.content;
  const m = SUB_ORDINAL.exec(content.text);
  if (!m) return undefined;
  const rest = content.text.slice(m[0].length).replace(/\*\*/g, '');
  // The title is the first sentence; a long paragraph without one is not a heading.
  const stop = rest.search(/[。；;]/);
  const title = (stop >= 0 ? rest.slice(0, stop) : rest).trim();
  if (title.length === 0 || title.length > 40) return undefined;
  const end = content.start + m[0].length + (stop >= 0 ? content.text.slice(m[0].length).search(/[。；;]/) : content.text.length - m[0].length);
  return {
    ordinal: m[1],
    title,
    span: { start: content.start, end: Math.min(end, content.end) },
    line: line.index,
    range: { start: content.start, end: content.end },
  };
}

/** Last non-blank line end before `line` (exclusive), not before `floor`. */
function endBefore(lines: readonly LayoutLine[], line: number, floor: number): number {
  for (let i = line - 1; i >= floor; i--) if (lines[i].kind !== 'blank') return lines[i].end;
  return lines[floor].end;
}

export function readSections(lines: readonly LayoutLine[], tableLines: LineIndexes, readHeading: HeadingReader): Section[] {
  const found: Array<{ line: number; c: HeadingCandidate }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (tableLines.has(i)) continue;
    const c = readHeading(line);
    if (c) found.push({ line: line.index, c });
  }
  const sections: Section[] = found.map(({ line, c }, i) => {
    const nextLine = i + 1 < found.length ? found[i + 1].line : lines.length;
    return {
      number: c.number,
      writtenNumber: c.writtenNumber,
      title: c.title,
      heading: c.heading,
      line,
      titleMatch: c.titleMatch,
      range: { start: c.heading.start, end: endBefore(lines, nextLine, line) },
      inline: c.inline,
      children: [],
    };
  });
  for (const [i, section] of sections.entries()) {
    const until = i + 1 < sections.length ? sections[i + 1].line : lines.length;
    const subs: SubHeading[] = [];
    for (let l = section.line + 1; l < until; l++) {
      if (tableLines.has(l)) continue;
      const sub = readSubHeading(lines[l]);
      if (sub) subs.push(sub);
    }
    subs.forEach((sub, k) => {
      const next = k + 1 < subs.length ? subs[k + 1].line : until;
      sub.range = { start: sub.span.start, end: endBefore(lines, next, sub.line) };
    });
    section.children = subs;
  }
  return sections;
}
