// The document as UTF-16 offsets and lines. Every range in the model is a pair of offsets into
// `text`; conversion to line/character happens only at the edges (LSP, CLI).

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line, as LSP counts. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The index of the last line start at or before `offset` (starts ascending, the first 0). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class SourceText {
  readonly text: string;
  /** Offset where each line starts. */
  readonly lineStarts: Int32Array;
  /** Offset where each line's content ends (before its \r\n, \r or \n). */
  readonly lineEnds: Int32Array;

  constructor(text: string, lines?: { starts: Int32Array; ends: Int32Array }) {
    this.text = text;
    if (lines) {
      this.lineStarts = lines.starts;
      this.lineEnds = lines.ends;
      return;
    }
    // Kept as Int32Arrays: half the memory per line of a plain array, for as long as the document
    // is open; filled in place (no array of numbers grown line by line for the collector to copy).
    const starts = new LineOffsets(text.length >> 5);
    const ends = new LineOffsets(text.length >> 5);
    starts.push(0);
    scanBreaks(text, 0, starts, ends, () => false);
    ends.push(text.length);
    this.lineStarts = starts.done();
    this.lineEnds = ends.done();
  }

  /**
   * The lines of `text`, an edit of `previous.text`: the two share their first `prefix` characters
   * and their ends from `suffixFrom` (in `text`; moved by `shift`). Lines there are taken from
   * `previous`, and only the breaks between are looked for.
   */
  static edited(previous: SourceText, text: string, prefix: number, suffixFrom: number, shift: number): SourceText {
    const oldStarts = previous.lineStarts;
    const oldEnds = previous.lineEnds;
    // The last line that starts before the first changed character: the break before it and the
    // character it starts with are shared (a \r before a changed \n would be another break).
    const first = lineAt(oldStarts, prefix - 1);
    const starts = new LineOffsets(oldStarts.length + 16);
    const ends = new LineOffsets(oldStarts.length + 16);
    for (let i = 0; i <= first; i++) starts.push(oldStarts[i]);
    for (let i = 0; i < first; i++) ends.push(oldEnds[i]);
    // A line starting after the shared end begins (the break before it shared too) where one
    // started before: the rest of the lines are those.
    let resume = -1;
    scanBreaks(text, oldStarts[first], starts, ends, (start) => {
      if (start <= suffixFrom) return false;
      const k = lineAt(oldStarts, start - shift);
      if (oldStarts[k] !== start - shift) return false;
      resume = k;
      return true;
    });
    if (resume < 0) ends.push(text.length);
    else {
      for (let k = resume + 1; k < oldStarts.length; k++) starts.push(oldStarts[k] + shift);
      for (let k = resume; k < oldEnds.length; k++) ends.push(oldEnds[k] + shift);
    }
    return new SourceText(text, { starts: starts.done(), ends: ends.done() });
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnds[line]);
  }

  lineOfOffset(offset: number): number {
    return lineAt(this.lineStarts, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOfOffset(clamped);
    // An offset inside a line break belongs to the end of its line.
    const character = Math.min(clamped, this.lineEnds[line]) - this.lineStarts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnds[position.line]);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

/**
 * The line breaks of `text` from `from` on (\r\n, \r or \n): each line's end and the next line's
 * start pushed, until `stop` says so of a start just pushed. indexOf finds breaks far faster than a
 * loop over every character.
 */
function scanBreaks(text: string, from: number, starts: LineOffsets, ends: LineOffsets, stop: (start: number) => boolean): void {
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  while (lf >= 0 || cr >= 0) {
    let next: number;
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      ends.push(lf);
      next = lf + 1;
      lf = text.indexOf('\n', next);
    } else {
      ends.push(cr);
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      if (lf === cr + 1) lf = text.indexOf('\n', next);
      cr = text.indexOf('\r', next);
    }
    starts.push(next);
    if (stop(next)) return;
  }
}

/** Offsets gathered into an Int32Array that doubles when full, cut to its length at the end. */
class LineOffsets {
  private values: Int32Array;
  private length = 0;

  /** `guess`: how many offsets are likely (one line per 32 characters is a report's). */
  constructor(guess: number) {
    this.values = new Int32Array(Math.max(16, guess));
  }

  push(offset: number): void {
    if (this.length === this.values.length) {
      const more = new Int32Array(this.values.length * 2);
      more.set(this.values);
      this.values = more;
    }
    this.values[this.length++] = offset;
  }

  done(): Int32Array {
    return this.values.slice(0, this.length);
  }
}
