// A set of line indexes as one flag per line: which lines the tables cover is asked of every line
// by the prose readers, and a Set of numbers grown line by line was a tenth of a report's
// model-building allocations.

export interface LineIndexes {
  has(index: number): boolean;
}

export class LineSet implements LineIndexes {
  private readonly flags: Uint8Array;

  constructor(lineCount: number) {
    this.flags = new Uint8Array(lineCount);
  }

  add(index: number): void {
    if (index >= 0 && index < this.flags.length) this.flags[index] = 1;
  }

  /** Lines `from` to `to`, both included. */
  addRange(from: number, to: number): void {
    this.flags.fill(1, Math.max(0, from), Math.min(this.flags.length, to + 1));
  }

  has(index: number): boolean {
    return this.flags[index] === 1;
  }
}
