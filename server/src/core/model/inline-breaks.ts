// Where a line that holds several things run together is cut into layout lines. A crawler's or a
// web copy's text can hold a whole report on one line: section headings inline after a sentence
// ("…163.com。一、总体情况2019年，…") and tables with every label, header and value run together
// ("…申请数量640020470二、上年结转…"). Cutting before each heading and each template label gives
// the table parsers the one-cell-per-line layout they already read; the digits of a row are split
// later, by the identities (run-together.ts). What is cut is read from the template data.
import type { LayoutLine } from '../layout/lines';
import { lineMemo } from './line-memo';
import { isCjkIdeograph, isSpaceCode } from '../text/chars';
import { normalizeLabel } from '../text/normalize';
import { FORMATS, SECTIONS } from '../templates';
import type { SectionNumber, TableKind } from '../templates/types';
import { SECTION_NUMERALS } from '../templates/sections';

/** A line shorter than this holds one thing at most. */
const SHORTEST = 24;

type WordKind = 'row' | 'other';

interface Word {
  text: string;
  kind: WordKind;
  /** How the row's ordinal may be written just before it ("2." "2、" "(二)" "四、"). */
  prefixes: string[];
  /** Only in the header, before the first row (header words that are also parts of row labels). */
  headerOnly: boolean;
}

function ordinalPrefixes(ordinal: string | undefined): string[] {
  if (!ordinal) return [];
  const o = normalizeLabel(ordinal);
  if (/^\d+$/.test(o)) return [`${o}.`, `${o}、`, `${o},`];
  if (/^\(.+\)$/.test(o)) return [o];
  return [`${o}、`, `${o}.`];
}

function word(text: string, kind: WordKind, ordinal?: string, headerOnly = false): Word {
  return { text: normalizeLabel(text), kind, prefixes: ordinalPrefixes(ordinal), headerOnly };
}

/** Every label, caption and header word of one table, in both formats, longest first. */
function vocabulary(kind: TableKind): Word[] {
  const words: Word[] = [];
  for (const f of FORMATS) {
    if (kind === 'active') {
      words.push(word('信息内容', 'other'));
      for (const b of f.tables.active.blocks) {
        words.push(word(b.caption, 'other'));
        for (const c of b.columns) words.push(word(c.header, 'other'));
        for (const r of b.rows) for (const k of r.keys) words.push(word(k, 'row'));
      }
    } else if (kind === 'applications') {
      const t = f.tables.applications;
      for (const h of t.headers) words.push(word(h, 'other', undefined, true));
      for (const g of t.groups) {
        const ordinal = /^[(（]?([一二三四五六七八九十]+)[)）、]/.exec(g.label);
        for (const k of g.keys) words.push(word(k, 'row', ordinal ? g.label.slice(0, ordinal[0].length).replace('、', '') : undefined));
      }
      for (const r of t.rows) for (const k of r.keys) words.push(word(k, 'row', r.ordinal));
    } else {
      for (const h of f.tables.appeals.headers) words.push(word(h, 'other'));
    }
  }
  const seen = new Set<string>();
  return words
    .filter((w) => {
      const key = `${w.kind}:${w.headerOnly}:${w.text}`;
      return w.text.length > 0 && !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => b.text.length - a.text.length);
}

/** A table's words by their first character (each list still longest first): a scan tries only those. */
function byFirstChar(words: Word[]): Map<string, Word[]> {
  const map = new Map<string, Word[]>();
  for (const w of words) {
    const list = map.get(w.text[0]);
    if (list) list.push(w);
    else map.set(w.text[0], [w]);
  }
  return map;
}

const VOCABULARY: Record<TableKind, Map<string, Word[]>> = {
  active: byFirstChar(vocabulary('active')),
  applications: byFirstChar(vocabulary('applications')),
  appeals: byFirstChar(vocabulary('appeals')),
};

/** Where each table begins inside its section's text. */
const ANCHORS: Record<TableKind, string[]> = {
  active: ['第二十条第'],
  applications: ['本列数据的勾稽关系', '申请人情况', '本年新收政府信息公开申请数量'],
  appeals: ['行政复议'],
};

/** The section titles (standard and variants), without spaces, longest first. */
const TITLES: Array<{ number: SectionNumber; text: string }> = SECTIONS.flatMap((s) =>
  [s.title, ...s.variants].map((t) => ({ number: s.number, text: normalizeLabel(t) })),
).sort((a, b) => b.text.length - a.text.length);

/** A character normalised as a label is, once per UTF-16 code (punctuation recurs on every line). */
const NORMALIZED_CHARS: Array<string | undefined> = [];
function normalizedChar(code: number): string {
  return (NORMALIZED_CHARS[code] ??= normalizeLabel(String.fromCharCode(code)));
}

/**
 * The line's non-space characters, normalised one by one (full-width → ASCII), with the offset each
 * came from: labels are matched on this, cuts made at the original offsets.
 */
function looseView(text: string, start: number, end: number): { chars: string; offsets: Int32Array } {
  // Character codes and offsets gathered in typed arrays; the string made in chunks (not one
  // string per `+=`, nor an iterator per spread).
  let codes = new Uint16Array(Math.max(16, end - start));
  let offsets = new Int32Array(codes.length + 1);
  let n = 0;
  const put = (code: number, at: number) => {
    if (n + 1 >= codes.length) {
      const moreCodes = new Uint16Array(codes.length * 2);
      moreCodes.set(codes);
      codes = moreCodes;
      const moreOffsets = new Int32Array(codes.length + 1);
      moreOffsets.set(offsets);
      offsets = moreOffsets;
    }
    codes[n] = code;
    offsets[n++] = at;
  };
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) continue;
    // ASCII and CJK ideographs are their own NFKC form: only other characters are normalised.
    if (code < 128 || isCjkIdeograph(code)) put(code, i);
    else {
      const c = normalizedChar(code);
      for (let k = 0; k < c.length; k++) put(c.charCodeAt(k), i);
    }
  }
  offsets[n] = end;
  let chars = '';
  for (let at = 0; at < n; at += 4096) chars += String.fromCharCode.apply(null, codes.subarray(at, Math.min(n, at + 4096)) as unknown as number[]);
  return { chars, offsets: offsets.subarray(0, n + 1) };
}

interface InlineHeading {
  number: SectionNumber;
  /** Index in the loose view where the numeral stands. */
  at: number;
  /** Index just after the title. */
  titleEnd: number;
}

/** Section headings standing inside the line ("。一、总体情况2019年"), not at its start. */
function inlineHeadings(chars: string): InlineHeading[] {
  const found: InlineHeading[] = [];
  for (let i = chars.indexOf('、', 1); i >= 0; i = chars.indexOf('、', i + 1)) {
    const numeral = SECTION_NUMERALS.indexOf(chars[i - 1] as (typeof SECTION_NUMERALS)[number]);
    if (numeral < 0 || i - 1 === 0) continue;
    // "十一、" or "第三、" is no heading numeral.
    if (/[一二三四五六七八九十第]/.test(chars[i - 2] ?? '')) continue;
    const title = TITLES.find((t) => chars.startsWith(t.text, i + 1));
    if (title && title.number === numeral + 1) found.push({ number: title.number, at: i - 1, titleEnd: i + 1 + title.text.length });
  }
  return found;
}

/** Cuts before each template word of a table found in chars[from, to). */
function tableCuts(chars: string, from: number, to: number, kind: TableKind): number[] {
  const words = VOCABULARY[kind];
  const cuts: number[] = [];
  let rowsStarted = false;
  let j = from;
  while (j < to) {
    const w = words.get(chars[j])?.find(
      (x) => (!x.headerOnly || !rowsStarted) && j + x.text.length <= to && chars.startsWith(x.text, j),
    );
    if (!w) {
      j++;
      continue;
    }
    let cut = j;
    const prefix = w.prefixes.find((p) => j - p.length >= from && chars.startsWith(p, j - p.length));
    if (prefix) cut = j - prefix.length;
    // A short label ("3.其他", "（七）总计") counts only with its ordinal.
    if (w.kind === 'row' && w.text.length <= 2 && w.prefixes.length > 0 && !prefix) {
      j++;
      continue;
    }
    if (w.kind === 'row') rowsStarted = true;
    // Cut after the word too: what follows is its values (or the next word). A bracketed header
    // note keeps its brackets.
    let end = j + w.text.length;
    if (cut === j && chars[j - 1] === '(' && chars[end] === ')' && j - 1 >= from - 1) {
      cut--;
      end++;
    }
    cuts.push(cut, end);
    j += w.text.length;
  }
  return cuts;
}

function firstAnchor(chars: string, from: number, to: number, kind: TableKind): number {
  let best = -1;
  for (const a of ANCHORS[kind]) {
    const i = chars.indexOf(normalizeLabel(a), from);
    if (i >= 0 && i < to && (best < 0 || i < best)) best = i;
  }
  return best;
}

const TABLE_OF_SECTION = new Map<SectionNumber, TableKind>(
  SECTIONS.filter((s) => s.table).map((s) => [s.number, s.table!]),
);

// Cheap tests first: most lines hold neither an inline heading (a numeral, 、 and the first two
// characters of a section title, after something) nor a table anchor.
const MAY_HOLD_HEADING = new RegExp(
  `[^\\s][一二三四五六]\\s*、\\s*(?:${[...new Set(TITLES.map((t) => t.text.slice(0, 2)))].join('|')})`,
);
const ANCHOR_AT_START = /^\s*[(（]?\s*(?:第\s*二\s*十\s*条|本列数据|申请人情况|一\s*、\s*本年新收|行政复议)/;

const MAY_HOLD_HEADING_ANYWHERE = new RegExp(MAY_HOLD_HEADING.source, 'g');
const ANCHOR_FROM_START = new RegExp(ANCHOR_AT_START.source.slice(1), 'y');

/**
 * Where MAY_HOLD_HEADING matches in text[from, to) (overlapping matches too), found in one pass:
 * a line without such an offset needs no string of its own to be refused.
 */
function headingCandidates(text: string, from: number, to: number): number[] {
  const found: number[] = [];
  const re = MAY_HOLD_HEADING_ANYWHERE;
  // (A slice, not the whole text from `from`: the search must stop at `to`. A match running past
  // `to` would be refused by its line's own test anyway.)
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(part); m !== null; m = re.exec(part)) {
    found.push(from + m.index);
    re.lastIndex = m.index + 1;
  }
  return found;
}

/**
 * The cut offsets of lines[from, to) in one list (most lines have none): `text` is the lines'
 * text, `lines` the text's own lines.
 */
export function inlineBreaksOf(lines: readonly LayoutLine[], text: string, from = 0, to = lines.length): number[] {
  if (from >= to) return [];
  const candidates = headingCandidates(text, lines[from].start, lines[to - 1].end);
  const cuts: number[] = [];
  let k = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    while (k < candidates.length && candidates[k] < line.start) k++;
    // A match found in the whole text may run past its line: the line's own test decides.
    const mayHoldHeading = k < candidates.length && candidates[k] < line.end;
    if (!mayHoldHeading && !line.startMayMatch(ANCHOR_FROM_START)) continue;
    const found = rememberedBreaks(line);
    if (found) for (let j = 0; j < found.length; j++) cuts.push(found[j]);
  }
  return cuts;
}

/**
 * A line's cuts, remembered by its text: the lines that pass the tests above are few, but they are
 * the long ones (a crawled report on one line), read again on every keystroke of a long document.
 */
const rememberedBreaks = lineMemo<readonly number[]>(
  (line) => {
    const found = inlineBreaks(line);
    return found.length > 0 ? found : undefined;
  },
  (cuts, { shift }) => cuts.map((c) => c + shift),
  true,
  Infinity,
);

/** (Shared: almost every line has no cut, and an empty array per line was most of this stage's garbage.) */
const NO_CUTS: readonly number[] = Object.freeze([]);

/** Offsets at which this line should be cut into layout lines (none for an ordinary line). */
function inlineBreaks(line: LayoutLine): readonly number[] {
  if (line.kind !== 'text' || line.end - line.start < SHORTEST || line.separated) return NO_CUTS;
  const text = line.raw;
  if (!MAY_HOLD_HEADING.test(text) && !ANCHOR_AT_START.test(text)) return NO_CUTS;
  const { chars, offsets } = looseView(text, 0, text.length);
  const headings = inlineHeadings(chars);
  const cuts: number[] = headings.map((h) => h.at);
  // Each table is read inside its own section's stretch of the line, from its anchor on. A line
  // with no inline heading is a table's stretch when it starts with the table's anchor.
  const stretches: Array<{ kind: TableKind; from: number; to: number }> = [];
  headings.forEach((h, k) => {
    const kind = TABLE_OF_SECTION.get(h.number);
    if (kind) stretches.push({ kind, from: h.titleEnd, to: k + 1 < headings.length ? headings[k + 1].at : chars.length });
  });
  if (headings.length === 0) {
    for (const kind of ['active', 'applications', 'appeals'] as const) {
      if (ANCHORS[kind].some((a) => chars.startsWith(normalizeLabel(a)) || chars.startsWith(`(${normalizeLabel(a)}`))) {
        stretches.push({ kind, from: 0, to: chars.length });
      }
    }
  }
  for (const s of stretches) {
    const anchor = firstAnchor(chars, s.from, s.to, s.kind);
    if (anchor < 0) continue;
    const found = tableCuts(chars, anchor, s.to, s.kind);
    // Three template words or more: a table, not a sentence that names one label.
    if (found.length >= 6) for (const c of found) cuts.push(c);
  }
  return cuts
    .filter((c) => c > 0)
    .map((c) => line.start + offsets[c]);
}
