// Word's automatic numbering: a heading typed as "总体情况" with a numbered list style shows as
// "一、总体情况", and a paste carries the "一、". Rebuild the prefix from numbering.xml so the model
// sees what the reader sees.
import { chineseNumber } from '../builder';
import { attr, child, children, val, type Element } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface NumberingRef {
  numId: string;
  level: number;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in one of Word's number formats (the ones Chinese reports use, and the common rest). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstractLevels = new Map<string, Map<number, Level>>();
  private readonly numToAbstract = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: Element | undefined) {
    if (!root) return;
    for (const abstract of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of children(abstract, 'lvl')) {
        levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
          start: Number(val(child(lvl, 'start')) ?? 1),
          format: val(child(lvl, 'numFmt')) ?? 'decimal',
          text: val(child(lvl, 'lvlText')) ?? '',
        });
      }
      this.abstractLevels.set(attr(abstract, 'abstractNumId') ?? '', levels);
    }
    for (const num of children(root, 'num')) {
      const overrides = new Map<number, number>();
      for (const o of children(num, 'lvlOverride')) {
        const start = val(child(o, 'startOverride'));
        if (start !== undefined) overrides.set(Number(attr(o, 'ilvl') ?? 0), Number(start));
      }
      this.numToAbstract.set(attr(num, 'numId') ?? '', { abstractId: val(child(num, 'abstractNumId')) ?? '', overrides });
    }
  }

  /** The prefix a numbered paragraph shows ("一、", "（二）", "3."), advancing the list's counter. */
  next(ref: NumberingRef): string {
    const num = this.numToAbstract.get(ref.numId);
    const levels = num && this.abstractLevels.get(num.abstractId);
    const level = levels?.get(ref.level);
    if (!num || !levels || !level || level.format === 'none' || level.format === 'bullet') return '';
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    const counters = this.counters.get(ref.numId) ?? [];
    counters[ref.level] = counters[ref.level] === undefined ? startOf(ref.level) : counters[ref.level] + 1;
    counters.length = ref.level + 1; // deeper levels start again
    this.counters.set(ref.numId, counters);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      return formatNumber(value, levels.get(l)?.format ?? 'decimal');
    });
  }
}

/** The list a paragraph belongs to: its own w:numPr, else its style's (following basedOn). */
export function numberingOf(paragraph: Element, styles: Map<string, { numbering?: NumberingRef; basedOn?: string }>): NumberingRef | undefined {
  const pPr = child(paragraph, 'pPr');
  const own = child(pPr, 'numPr');
  if (own) {
    const numId = val(child(own, 'numId'));
    if (numId === undefined || numId === '0') return undefined;
    return { numId, level: Number(val(child(own, 'ilvl')) ?? 0) };
  }
  let style = val(child(pPr, 'pStyle'));
  for (let depth = 0; style && depth < 10; depth++) {
    const s = styles.get(style);
    if (!s) return undefined;
    if (s.numbering) return s.numbering.numId === '0' ? undefined : s.numbering;
    style = s.basedOn;
  }
  return undefined;
}

export function readStyles(root: Element | undefined): Map<string, { numbering?: NumberingRef; basedOn?: string }> {
  const styles = new Map<string, { numbering?: NumberingRef; basedOn?: string }>();
  if (!root) return styles;
  for (const style of children(root, 'style')) {
    const numPr = child(child(style, 'pPr'), 'numPr');
    const numId = val(child(numPr, 'numId'));
    styles.set(attr(style, 'styleId') ?? '', {
      basedOn: val(child(style, 'basedOn')),
      numbering: numId !== undefined ? { numId, level: Number(val(child(numPr, 'ilvl')) ?? 0) } : undefined,
    });
  }
  return styles;
}
