import { parseCellValue } from '../../numbers/cell-value';
import type { Cell } from '../types';
import type { Entry } from './entries';
import type { Token } from './tokens';

export function toCell(t: Token): Cell {
  return { text: t.text, start: t.start, end: t.end, line: t.line, value: parseCellValue(t.text) };
}

/**
 * The value cells of an entry as found. Empty fields before the first value and after the last
 * are dropped: Word and WPS pastes put them there for merged label columns and trailing tabs, in
 * no way distinguishable from a blank last cell (which then shows as a short row). Empty fields
 * between two values are blank cells.
 */
export function entryCells(entry: Entry): Cell[] {
  return entry.values.map(toCell);
}
