// Layout: every line of the text with its fields (tab- or pipe-separated cells) and its content
// without Markdown decoration. Nothing here knows about reports.
import { isSpaceCode } from '../text/chars';
import { lineAt, type SourceText, type Span } from '../text/source';

export interface Field extends Span {
  /** Trimmed text; '' for an empty field (then start === end). */
  text: string;
}

export type LineKind = 'blank' | 'rule' | 'text';

/** What a line holds beyond its kind, worked out when a reader first asks (most lines are only prose). */
interface LineDetail {
  fields: Field[];
  separated: boolean;
  content: Field;
  headingLevel?: number;
}

/**
 * One line. The offsets and kind are read for every line; the fields, the content and their
 * strings only when a reader asks: a long report is mostly prose that only the figure reader
 * scans, and objects per field and string for every line cost more time and memory than the
 * analysis itself.
 */
export class LayoutLine {
  private detail: LineDetail | undefined;
  /**
   * What a reader above the layout worked out from this line, kept with it (the table readers'
   * tokens: several readers look at the same lines). A field rather than a WeakMap keyed by the
   * line: a report's thousands of weak entries made every young-generation collection slower.
   */
  readerCache: unknown = undefined;
  private rawText: string | undefined = undefined;

  constructor(
    private readonly text: string,
    private lineIndex: number,
    readonly start: number,
    readonly end: number,
    readonly kind: LineKind,
    /**
     * UTF-16 code of the first non-space character; -1 for a blank line (not NaN: one NaN makes
     * the field a boxed double in every line object, an extra allocation per line).
     */
    private readonly firstCode: number,
  ) {}

  /** The line's place among the layout's lines. */
  get index(): number {
    return this.lineIndex;
  }

  /**
   * The same line at another place: the layout's lines re-numbered after cuts elsewhere (its
   * offsets and text are unchanged, so what was read of it still holds).
   */
  movedTo(index: number): LayoutLine {
    this.lineIndex = index;
    return this;
  }

  /** Cells when the line is tab- or pipe-separated, else one field: the whole content. */
  get fields(): Field[] {
    return this.read().fields;
  }

  /** The line had tabs or was a pipe-table row. */
  get separated(): boolean {
    // Asked of every line (is it a table row?): answered from the characters, without laying it out.
    return this.detail ? this.detail.separated : separator(this.text, this.start, this.end) !== undefined;
  }

  /** The line's cells are separated by bars (a pipe-table row or cells closed by bars), not tabs. */
  get barSeparated(): boolean {
    return separator(this.text, this.start, this.end) === 'pipe';
  }

  /** The line without leading/trailing space, '#', '>', list markers and wrapping '**'. */
  get content(): Field {
    return this.read().content;
  }

  /** Markdown heading level (1–6) when the line starts with '#'. */
  get headingLevel(): number | undefined {
    return this.read().headingLevel;
  }

  /**
   * A sticky `pattern` (flag y) matches at the line's start, read in the whole text: no string is
   * cut out for the line. The match may run on past the line's end, so this is a quick pre-test
   * that may say yes too often, never the reading itself.
   */
  startMayMatch(pattern: RegExp): boolean {
    // Sticky: tried at this one offset, never searched on through the rest of the document.
    if (!pattern.sticky) throw new Error('startMayMatch needs a sticky pattern');
    pattern.lastIndex = this.start;
    return pattern.test(this.text);
  }

  /**
   * The line's text as written (without its line break). Kept once cut: the line memos look the
   * same line up by this string, and V8 hashes a string once, not once per fresh slice.
   */
  get raw(): string {
    return (this.rawText ??= this.text.slice(this.start, this.end));
  }

  /** The first UTF-16 code of the content (NaN when empty): rules a line out without building it. */
  firstContentCode(): number {
    const code = this.firstCode;
    if (code < 0) return NaN;
    return code < 128 && DECORATION_START.has(code) ? this.content.text.charCodeAt(0) : code;
  }

  /**
   * How many '|' the line holds when it holds nothing else: in a web copy with one cell per line,
   * each closed by a bar, "|" is a blank cell (0 when the line has other text).
   */
  get barsOnly(): number {
    const { text } = this;
    let bars = 0;
    for (let i = this.start; i < this.end; i++) {
      const code = text.charCodeAt(i);
      if (code === PIPE) bars++;
      else if (!isSpaceCode(code)) return 0;
    }
    return bars;
  }

  /** The line's last character (before trailing space) is a bar. */
  get endsWithBar(): boolean {
    let i = this.end;
    while (i > this.start && isSpaceCode(this.text.charCodeAt(i - 1))) i--;
    return i > this.start && this.text.charCodeAt(i - 1) === PIPE;
  }

  private read(): LineDetail {
    if (this.detail) return this.detail;
    let whole = trimField(this.text, this.start, this.end);
    // "规章 |": a cell of a one-cell-per-line web copy, closed by a bar that is not part of it.
    if (whole.end > whole.start && this.text.charCodeAt(whole.end - 1) === PIPE && separator(this.text, this.start, this.end) === undefined) {
      let end = whole.end;
      while (end > whole.start && this.text.charCodeAt(end - 1) === PIPE) end--;
      whole = trimField(this.text, whole.start, end);
    }
    const { fields, separated } = splitFields(this.text, this.start, this.end, whole);
    const { content, headingLevel } = stripDecoration(this.text, whole);
    this.detail = { fields, separated, content, headingLevel };
    return this.detail;
  }
}


function trimField(text: string, start: number, end: number): Field {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { text: text.slice(start, end), start, end };
}

const HEADING_MARK = /^(#{1,6})[ \t]+/;
const BLOCK_MARKER = /^(?:>\s*|[-*+][ \t]+(?!\S*\*\*$))/;

/** Characters a Markdown decoration can start with (#, >, list markers, ** and __). */
const DECORATION_START = new Set(['#', '>', '-', '*', '+', '_'].map((c) => c.charCodeAt(0)));

function stripDecoration(text: string, field: Field): { content: Field; headingLevel?: number } {
  // Most lines carry no decoration: their content is the trimmed line itself.
  if (field.start === field.end || !DECORATION_START.has(text.charCodeAt(field.start))) return { content: field };
  let { start, end } = field;
  let headingLevel: number | undefined;
  const heading = HEADING_MARK.exec(field.text);
  if (heading) {
    headingLevel = heading[1].length;
    start += heading[0].length;
    // A closing sequence of #s after a space ("## 标题 ##"), trimmed by hand: a regex with $ here
    // would backtrack quadratically on a long run of spaces.
    let e = end;
    while (e > start && text[e - 1] === '#') e--;
    if (e < end && e > start && (text[e - 1] === ' ' || text[e - 1] === '\t')) end = e;
  } else {
    const marker = BLOCK_MARKER.exec(field.text);
    if (marker) start += marker[0].length;
  }
  // Wrapping emphasis: **标题** or __标题__ (possibly both ends only).
  for (const mark of ['**', '__']) {
    if (end - start > 2 * mark.length && text.startsWith(mark, start) && text.startsWith(mark, end - mark.length)) {
      start += mark.length;
      end -= mark.length;
    }
  }
  return { content: trimField(text, start, end), headingLevel };
}

const RULE_FIELD = /^:?-{3,}:?$/;

function isRule(fields: Field[]): boolean {
  let nonEmpty = 0;
  for (const f of fields) {
    if (f.text === '') continue;
    if (!RULE_FIELD.test(f.text)) return false;
    nonEmpty++;
  }
  return nonEmpty > 0;
}

function hasTab(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 9) return true;
  return false;
}

const PIPE = 124;

/**
 * How a line is cut into cells: a pipe-table row, tabs, or not at all. A pipe row either starts
 * with '|' and has another '|' after it (Markdown), or ends with '|' and has another '|' before it
 * ("规章 | 0 | 0 | 0 |": web pages copied with each cell closed by a bar, none opening the row).
 */
function separator(text: string, start: number, end: number): 'pipe' | 'tab' | undefined {
  let first = start;
  while (first < end && isSpaceCode(text.charCodeAt(first))) first++;
  let last = end;
  while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--;
  if (last - first > 1) {
    if (text.charCodeAt(first) === PIPE) {
      for (let i = first + 1; i < last; i++) if (text.charCodeAt(i) === PIPE) return 'pipe';
    } else if (text.charCodeAt(last - 1) === PIPE) {
      for (let i = first + 1; i < last - 1; i++) if (text.charCodeAt(i) === PIPE) return 'pipe';
    }
  }
  return hasTab(text, start, end) ? 'tab' : undefined;
}

/** Fields of a line whose trimmed text is `whole`. */
function splitFields(text: string, start: number, end: number, whole: Field): { fields: Field[]; separated: boolean } {
  const kind = separator(text, start, end);
  if (kind === 'pipe') {
    const fields: Field[] = [];
    // A row closed by bars only ("a | b |") has its first cell from the line's start.
    let cellStart = text.charCodeAt(whole.start) === PIPE ? whole.start + 1 : whole.start;
    const last = whole.start + whole.text.lastIndexOf('|');
    for (let i = cellStart; i <= last; i++) {
      if (text.charCodeAt(i) === PIPE && text[i - 1] !== '\\') {
        fields.push(trimField(text, cellStart, i));
        cellStart = i + 1;
      }
    }
    const tail = trimField(text, last + 1, end);
    if (tail.text !== '') fields.push(tail);
    return { fields, separated: true };
  }
  if (kind === 'tab') {
    const fields: Field[] = [];
    let cellStart = start;
    for (let i = start; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === 9) {
        fields.push(trimField(text, cellStart, i));
        cellStart = i + 1;
      }
    }
    return { fields, separated: true };
  }
  // One field: the trimmed line (the same object as `whole`; fields are never changed).
  return { fields: [whole], separated: false };
}

const RULE_LINE = /^(?:-{3,}|\*{3,}|_{3,})$/;
/** Characters a thematic break or a rule row can start with. */
const RULE_START = new Set(['-', '*', '_', ':'].map((c) => c.charCodeAt(0)));

/**
 * Where the layout's lines start and end. Normally the text's own lines; a line that holds
 * several things run together (a crawler's one-line report: headings inline, table cells with no
 * separator) is cut into several layout lines at offsets a reader chose. Positions shown to the
 * user stay those of the text's own lines (SourceText); these only decide what a line is.
 */
export class LineSpans {
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;

  private constructor(readonly text: string, starts: ArrayLike<number>, ends: ArrayLike<number>) {
    this.starts = starts;
    this.ends = ends;
  }

  /** The text's own lines. */
  static of(source: SourceText): LineSpans {
    return new LineSpans(source.text, source.lineStarts, source.lineEnds);
  }

  /**
   * These lines cut at `cuts` (offsets, any order): a cut inside a line ends one layout line there
   * and starts the next at the cut. Cuts at a line's start or end, or outside the text, change nothing.
   */
  withCuts(cuts: readonly number[]): LineSpans {
    if (cuts.length === 0) return this;
    const sorted = Int32Array.from(cuts).sort();
    // (Typed arrays of at most one line per line and cut: a long document's lines are many.)
    const starts = new Int32Array(this.starts.length + sorted.length);
    const ends = new Int32Array(starts.length);
    let n = 0;
    let k = 0;
    for (let i = 0; i < this.starts.length; i++) {
      let start = this.starts[i];
      const end = this.ends[i];
      while (k < sorted.length && sorted[k] <= start) k++;
      while (k < sorted.length && sorted[k] < end) {
        starts[n] = start;
        ends[n++] = sorted[k];
        start = sorted[k];
        // (A cut given twice cuts once.)
        while (k < sorted.length && sorted[k] <= start) k++;
      }
      starts[n] = start;
      ends[n++] = end;
    }
    return new LineSpans(this.text, starts.subarray(0, n), ends.subarray(0, n));
  }

  get count(): number {
    return this.starts.length;
  }

  /** The layout line holding an offset. */
  lineOfOffset(offset: number): number {
    return lineAt(this.starts, offset);
  }
}

/** The layout of one line. */
export function layoutLine(spans: LineSpans, index: number): LayoutLine {
  const { text } = spans;
  const start = spans.starts[index];
  const end = spans.ends[index];
  let first = start;
  while (first < end && isSpaceCode(text.charCodeAt(first))) first++;
  if (first === end) return new LayoutLine(text, index, start, end, 'blank', -1);
  // A rule ("---", "***", a pipe table's "|---|:--:|") starts with one of these or a pipe.
  const code = text.charCodeAt(first);
  let kind: LineKind = 'text';
  if ((RULE_START.has(code) || code === PIPE) && onlyRuleCharacters(text, first, end)) {
    const probe = new LayoutLine(text, index, start, end, 'text', code);
    if (isRule(probe.fields) || RULE_LINE.test(trimField(text, start, end).text)) kind = 'rule';
  }
  return new LayoutLine(text, index, start, end, kind, code);
}

/**
 * Whether text[from, end) holds nothing a rule cannot (- * _ : | and spaces): most lines that start
 * with a bar are table rows with words in them, refused here without their fields being split.
 */
function onlyRuleCharacters(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x2a && c !== 0x5f && c !== 0x3a && c !== PIPE && !isSpaceCode(c)) return false;
  }
  return true;
}

/** Every line laid out: what the model is read from. */
export function layoutLines(spans: LineSpans): LayoutLine[] {
  const lines: LayoutLine[] = new Array(spans.count);
  for (let index = 0; index < spans.count; index++) lines[index] = layoutLine(spans, index);
  return lines;
}

/**
 * The lines of `cut` (spans cut from those `lines` were laid out from): a line no cut went through
 * is the same line, moved to its new place; only the pieces of cut lines are laid out. (A crawled
 * one-line report in a long document made every line be laid out twice.)
 */
export function layoutAfterCuts(lines: readonly LayoutLine[], cut: LineSpans): LayoutLine[] {
  const out: LayoutLine[] = new Array(cut.count);
  let k = 0;
  for (let index = 0; index < cut.count; index++) {
    const start = cut.starts[index];
    const end = cut.ends[index];
    while (k < lines.length && lines[k].end <= start && !(lines[k].start === start && lines[k].end === end)) k++;
    const own = lines[k];
    out[index] = own !== undefined && own.start === start && own.end === end ? own.movedTo(index) : layoutLine(cut, index);
  }
  return out;
}

/**
 * The lines as the finished model offers them: laid out again when asked for. A model lives as
 * long as its document is open; an object per line (80 bytes, 214 000 of them in a 10 MB report)
 * was most of what it kept, for the few lines checks and features look at afterwards.
 */
export class LineTable {
  constructor(private readonly spans: LineSpans) {}

  get length(): number {
    return this.spans.count;
  }

  at(index: number): LayoutLine {
    return layoutLine(this.spans, index);
  }

  startOf(index: number): number {
    return this.spans.starts[index];
  }

  endOf(index: number): number {
    return this.spans.ends[index];
  }

  /** The text of a layout line. */
  textOf(index: number): string {
    return this.spans.text.slice(this.spans.starts[index], this.spans.ends[index]);
  }

  lineOfOffset(offset: number): number {
    return this.spans.lineOfOffset(offset);
  }
}
