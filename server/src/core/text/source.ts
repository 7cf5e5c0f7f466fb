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

  constructor(text: string) {
    this.text = text;
    // indexOf finds breaks far faster than a loop over every character. Kept as Int32Arrays: half
    // the memory per line of a plain array, for as long as the document is open; filled in place
    // (no array of numbers grown line by line for the collector to copy).
    const starts = new LineOffsets(text.length);
    const ends = new LineOffsets(text.length);
    starts.push(0);
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        ends.push(lf);
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      } else {
        ends.push(cr);
        const next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        starts.push(next);
        if (lf === cr + 1) lf = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      }
    }
    ends.push(text.length);
    this.lineStarts = starts.done();
    this.lineEnds = ends.done();
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

/** Offsets gathered into an Int32Array that doubles when full, cut to its length at the end. */
class LineOffsets {
  private values: Int32Array;
  private length = 0;

  constructor(textLength: number) {
    // A guess of one line per 32 characters; a report's lines are longer.
    this.values = new Int32Array(Math.max(16, textLength >> 5));
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
