// The report model: what the text says, mapped onto the statutory template. Checks, hovers, fixes
// and the outline read this; none of them re-parse text.
import type { MemoEntry } from './line-memo';
import type { CellValue } from '../numbers/cell-value';
import type { Decimal } from '../numbers/decimal';
import type { LineTable } from '../layout/lines';
import type { SourceText, Span } from '../text/source';
import type { LineIndexes } from '../layout/line-set';
import type {
  BlockSpec,
  ColumnSpec,
  DetectedFormat,
  FormatId,
  RowSpec,
  SectionNumber,
  TableKind,
} from '../templates/types';

export interface TextPiece extends Span {
  text: string;
}

export interface SubHeading {
  ordinal: string;
  title: string;
  /** The heading's own text (ordinal + title). */
  span: Span;
  line: number;
  /** From the heading to the next sub-heading or the end of its section. */
  range: Span;
}

export interface Section {
  /** Which statutory section this heading is (from its title; its numeral when the title is unclear). */
  number: SectionNumber;
  /** The numeral as written (一…六), converted to a number. */
  writtenNumber: number;
  /** Title as written, without the numeral. */
  title: TextPiece;
  /** The whole heading: numeral, punctuation and title. */
  heading: Span;
  line: number;
  /** How well the title matches: the standard title, an accepted variant, or only similar. */
  titleMatch: 'standard' | 'variant' | 'similar';
  /** Heading and text up to the next section heading (or the end of the document). */
  range: Span;
  /** The heading shares its line with the section's first sentence (web copies). */
  inline: boolean;
  children: SubHeading[];
}

export interface Cell extends Span {
  /** Text as found (trimmed). */
  text: string;
  value: CellValue;
  line: number;
}

export interface HeaderCell extends Span {
  text: string;
  line: number;
  /** The template header it stands for, when recognised. */
  expected?: string;
  /** A unit note in the header: "（单位：万元，保留4位小数）". */
  unit?: { unit: string; decimals?: number };
}

export interface TableRow {
  /** Template row, or undefined for a row the template does not know. */
  spec?: RowSpec;
  /** Format whose template row matched (table 三 （六） differs between formats). */
  format?: FormatId;
  /** Table 二 block the row belongs to. */
  block?: string;
  /** Label as written, fragments joined (line-broken labels come together). */
  label: string;
  /** Where the label (its first fragment) stands; for table 四, the first value. */
  labelSpan: Span;
  line: number;
  /** Value cells exactly as found: a row may hold more or fewer than the template says. */
  cells: Cell[];
  /** Columns this row should have by its template. */
  columns: ColumnSpec[];
  /**
   * The row's digits ran together with no separator: 'split' when the identities allowed exactly
   * one split (its cells are that split), 'unread' when they did not (then it has no cells).
   */
  runTogether?: 'split' | 'unread';
}

export interface ActiveBlock {
  /** Template block id (一, 五, 六, 八, 九). */
  id: string;
  /** Which format's block this is, judged from its headers and rows. */
  format?: FormatId;
  spec?: BlockSpec;
  caption?: TextPiece;
  headers: HeaderCell[];
  rows: TableRow[];
  line: number;
}

export interface Table {
  kind: TableKind;
  /** Format the table's layout follows; 'mixed' when it holds rows of both. */
  format: FormatId | 'mixed' | undefined;
  range: Span;
  line: number;
  headers: HeaderCell[];
  rows: TableRow[];
  /** Table 二 only. */
  blocks?: ActiveBlock[];
  /** Group labels seen (table 三), by group id. */
  groups?: Map<string, TextPiece>;
}

export type Approximation = 'none' | 'more' | 'about' | 'nearly';

export interface Figure extends Span {
  /** The number as written (digits only, no unit). */
  text: string;
  value: Decimal;
  unit: string;
  approx: Approximation;
  line: number;
  /** The whole expression including markers and unit ("7800余条"). */
  whole: Span;
}

/** The figures of one prose line: `figures[first, first + count)` of the model. */
export interface FigureLine {
  line: number;
  first: number;
  count: number;
  /**
   * The figure memo's entry for the line's text (`LineMemo.lastKey`): what is read from that text
   * and its figures alone may be kept on it (`LineReadings`). Undefined for a line read afresh.
   */
  key: MemoEntry<unknown> | undefined;
}

/** The statistics period as stated ("统计期限自2020年1月1日起至2020年12月31日止"). */
export interface Period extends Span {
  startYear: number;
  startMonth: number;
  startDay: number;
  endYear: number;
  endMonth: number;
  endDay: number;
  /** From the first date to the last, as written. */
  text: string;
}

export interface ParseProblem extends Span {
  code: 'parse-unmatched-row' | 'parse-ambiguous-table';
  message: { zh: string; en: string };
}

export interface ReportModel {
  source: SourceText;
  lines: LineTable;
  /** False for a document that is not an annual report: it gets no diagnostics. */
  isReport: boolean;
  title?: TextPiece;
  year?: { value: number; span: Span };
  period?: Period;
  /** Format the tables follow (by their layout), else the one the year requires. */
  format: DetectedFormat | null;
  sections: Section[];
  tables: Table[];
  figures: Figure[];
  /** The figures of each prose line that holds some, in line order. */
  figureLines: FigureLine[];
  /**
   * For each layout line: the index of its entry in `figureLines`, or NO_FIGURES (read, none
   * there) or NOT_READ (`model/unchanged.ts`). The next analysis of the same document reads its
   * unchanged lines from here.
   */
  figuresRead: Int32Array;
  /** Where the text's own lines were cut into layout lines (sorted; `model/inline-breaks.ts`). */
  inlineCuts: Int32Array;
  /** Lines that belong to a table (not prose). */
  tableLines: LineIndexes;
  problems: ParseProblem[];
  /** Set when the text was over the analysis budget: only text[0, offset) was read. */
  truncated?: { offset: number; length: number };
}
