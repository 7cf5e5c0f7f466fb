// Groups a table's tokens into entries: the labels of a row followed by its values. Works the
// same for tab-separated rows (labels and values on one line) and one-cell-per-line copies.
import type { LayoutLine } from '../../layout/lines';
import { lineTokens, type Token } from './tokens';

export interface Entry {
  labels: Token[];
  /** Values in order, with interior blanks of tab rows kept as 'empty' tokens. */
  values: Token[];
  /**
   * Empty fields between the row's label and its first value on one bar-separated line: blank
   * first cells ("二、上年结转 | | | | | | | 0 |"), or a merged label column — the row's template
   * says which, by how many cells it has (entryCells).
   */
  leading?: Token[];
}

export interface EntryScan {
  entries: Entry[];
  /** Last line consumed by the table. */
  lastLine: number;
}

/**
 * Reads entries from `startLine` while `accept` says a line still belongs to the table.
 * Lines that are blank or Markdown rules are skipped but do not end the table.
 */
export function scanEntries(
  lines: readonly LayoutLine[],
  startLine: number,
  accept: (line: LayoutLine, tokens: Token[]) => boolean,
): EntryScan {
  const entries: Entry[] = [];
  let current: Entry = { labels: [], values: [] };
  let lastLine = startLine;
  const flush = () => {
    if (current.labels.length > 0 || current.values.length > 0) entries.push(current);
    current = { labels: [], values: [] };
  };
  let previous: LayoutLine | undefined;
  for (let i = startLine; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'text') continue;
    const tokens = lineTokens(line);
    if (!accept(line, tokens)) break;
    lastLine = i;
    // Interior blanks: empties between two values on this line.
    // Trailing blanks of a row — after its last value, or after its label (a row left all
    // blank) — are blank cells too; the row parser keeps as many as its template has columns.
    // (Plain loops: every line of every table comes here.)
    let firstValue = -1;
    let lastValue = -1;
    let lastFilled = -1;
    let labels = 0;
    for (let k = 0; k < tokens.length; k++) {
      const kind = tokens[k].kind;
      if (kind === 'value') {
        if (firstValue < 0) firstValue = k;
        lastValue = k;
      }
      if (kind !== 'empty') lastFilled = k;
      if (kind === 'label') labels++;
    }
    // One empty field at the end is the trailing tab of a paste, not a cell: blanks count from two
    // on. A row whose values start after an empty field is shifted by a merged label column, and
    // what its end holds is no cell either.
    // Between bars, a blank is a cell wherever it stands: a bar closes it.
    const barred = line.barSeparated;
    const trailing = tokens.length - 1 - lastFilled;
    const shifted = firstValue > 0 && tokens[firstValue - 1].kind === 'empty';
    const keepsTrailing = line.separated && lastFilled >= 0 && (barred ? trailing >= 1 : trailing >= 2 && !shifted) && (tokens[lastFilled].kind === 'value' || labels <= 2);
    // A line of bars only holds blank cells of the row under way, written out one per bar; the
    // row's template says how many of them are cells (entryCells), the rest fill merged columns.
    // In a copy that puts each closing bar on its own line ("规章\n|\n0\n|"), the first bar after
    // a cell closes it.
    if (line.barsOnly > 0) {
      const blanks = previous && previous.barsOnly === 0 && !previous.endsWithBar ? tokens.slice(1) : tokens;
      if (current.labels.length > 0 || current.values.length > 0) current.values.push(...blanks);
      previous = line;
      continue;
    }
    previous = line;
    let afterLabel = false;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      // Text between two values of one row is a cell holding text, not a new label.
      const inValueRun = firstValue >= 0 && k > firstValue && k < lastValue;
      if (t.kind === 'label' && !inValueRun) {
        if (current.values.length > 0) flush();
        current.labels.push(t);
        current.leading = undefined;
        afterLabel = true;
      } else if (t.kind !== 'empty' || inValueRun || (keepsTrailing && k > lastFilled)) {
        current.values.push(t);
      } else if (afterLabel && k < firstValue && barred) {
        // Only between bars: a Word or WPS paste puts a tab there for each merged label column.
        (current.leading ??= []).push(t);
      }
    }
  }
  flush();
  return { entries, lastLine };
}

/** The entry has a value that is not blank. */
export function hasFilledValue(entry: Entry): boolean {
  return entry.values.some((t) => t.kind !== 'empty');
}

/** Values up to the last filled one (trailing blanks not counted). */
export function filledLength(entry: Entry): number {
  let n = entry.values.length;
  while (n > 0 && entry.values[n - 1].kind === 'empty') n--;
  return n;
}
