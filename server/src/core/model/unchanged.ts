// What an edit left as it was. The editor analyses a document again on every keystroke; the lines
// before and after the edit are the same text at the same place, or moved by what the edit added
// or took away. Where the previous analysis found their breaks, and what it read of them, holds:
// found by position, with no line cut out of the text or hashed (the line memos' way, which costs
// a megabyte of hashing on every keystroke of a 1 MB report). The result is the same without it.
import type { LayoutLine } from '../layout/lines';
import { SourceText } from '../text/source';
import { commonPrefix, commonSuffix } from '../text/shared-ends';
import type { MemoEntry } from './line-memo';
import type { Figure, FigureLine, ReportModel } from './types';

/** `ReportModel.figuresRead`: the line was not read for figures (not prose, or in a table). */
export const NOT_READ = -2;
/** `ReportModel.figuresRead`: the line was read and holds no figure. */
export const NO_FIGURES = -1;

/** What the previous model read of a line that is unchanged. */
export interface PreviousFigures {
  line: FigureLine;
  /** The figure memo's entry for the line's text (a line read afresh is not taken from before). */
  key: MemoEntry<unknown>;
  figures: readonly Figure[];
  /** Offsets from the previous place to this one. */
  shift: number;
  /** The previous model's index of the line. */
  index: number;
}

export class Unchanged {
  private constructor(
    private readonly previous: ReportModel,
    /** Characters at the start that both texts share. */
    private readonly prefix: number,
    /** Where, in the new text, the end both texts share starts; and how far it moved. */
    private readonly suffixFrom: number,
    private readonly shift: number,
  ) {}

  /** The parts `text` shares with the text of `previous` (the same document before an edit). */
  static between(previous: ReportModel | undefined, text: string): Unchanged | undefined {
    if (!previous) return undefined;
    const old = previous.source.text;
    const shorter = Math.min(old.length, text.length);
    const prefix = commonPrefix(old, text, shorter);
    const suffix = commonSuffix(old, text, shorter - prefix);
    return new Unchanged(previous, prefix, text.length - suffix, text.length - old.length);
  }

  /** The lines of `text` (the one this was made for), those in the shared parts taken from before. */
  source(text: string): SourceText {
    return SourceText.edited(this.previous.source, text, this.prefix, this.suffixFrom, this.shift);
  }

  /**
   * The inline cuts of the text's own `lines` (`model/inline-breaks.ts`): those of the lines before
   * and after the edit as they were (moved with their lines), the rest found by `find` for the
   * lines from one index to another. A line's cuts depend on its text alone.
   */
  inlineCuts(lines: readonly LayoutLine[], find: (from: number, to: number) => number[]): number[] {
    // Lines wholly inside the shared parts, their own breaks included: the same lines as before.
    let first = 0;
    while (first < lines.length && lines[first].end < this.prefix) first++;
    let last = lines.length - 1;
    while (last >= first && lines[last].start > this.suffixFrom) last--;
    const old = this.previous.inlineCuts;
    const cuts: number[] = [];
    const before = first < lines.length ? lines[first].start : Infinity;
    for (let k = 0; k < old.length && old[k] < before; k++) cuts.push(old[k]);
    for (const c of find(first, last + 1)) cuts.push(c);
    if (last + 1 < lines.length) {
      const after = lines[last + 1].start - this.shift;
      for (let k = 0; k < old.length; k++) if (old[k] >= after) cuts.push(old[k] + this.shift);
    }
    return cuts;
  }

  /** The previous model's line that `line` is, unchanged; -1 when there is none. */
  private previousLine(line: LayoutLine): number {
    let start: number;
    // The line's text lies in a shared part; the previous layout must have had a line with just
    // that text there (its breaks may differ: a line joined or cut by the edit is another line).
    if (line.end <= this.prefix) start = line.start;
    else if (line.start >= this.suffixFrom) start = line.start - this.shift;
    else return -1;
    // Lines are asked about in text order: the previous line sought is at or after the last one
    // found (one pass over the previous lines in all, not a search for each).
    const lines = this.previous.lines;
    let i = this.cursor;
    if (i >= lines.length || lines.startOf(i) > start) i = lines.lineOfOffset(start);
    else while (i + 1 < lines.length && lines.startOf(i + 1) <= start) i++;
    this.cursor = i;
    return lines.startOf(i) === start && lines.endOf(i) === start + (line.end - line.start) ? i : -1;
  }

  /** Where the last search for a previous line ended. */
  private cursor = 0;

  /**
   * What the previous model read of this line's figures: null when it read none there, undefined
   * when it did not read the line (or read it afresh, its strings the old text's) or the line is new.
   */
  figuresOf(line: LayoutLine): PreviousFigures | null | undefined {
    const index = this.previousLine(line);
    if (index < 0) return undefined;
    const read = this.previous.figuresRead[index];
    if (read === NOT_READ) return undefined;
    if (read === NO_FIGURES) return null;
    const figureLine = this.previous.figureLines[read];
    if (figureLine.key === undefined) return undefined;
    return { line: figureLine, key: figureLine.key, figures: this.previous.figures, shift: line.start - this.previous.lines.startOf(index), index };
  }
}
