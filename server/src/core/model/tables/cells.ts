import { parseCellValue } from '../../numbers/cell-value';
import type { Cell } from '../types';
import type { Entry } from './entries';
import type { Token } from './tokens';

export function toCell(t: Token): Cell {
  return { text: t.text, start: t.start, end: t.end, line: t.line, value: parseCellValue(t.text) };
}

/**
 * The value cells of an entry as found. Empty fields before the row's label are not kept (they
 * were dropped when the entry was read): Word and WPS pastes put them there for merged label
 * columns, in no way distinguishable from a blank first cell (which then shows as a short row).
 * Empty fields between two values are blank cells; so are the empty fields after the last value,
 * up to the template's `columns` (a web page that leaves blanks for 0), beyond it a trailing tab.
 */
export function entryCells(entry: Entry, columns = 0): Cell[] {
  let values = entry.values;
  let n = values.length;
  while (n > Math.max(columns, 0) && values[n - 1].kind === 'empty') n--;
  if (n < values.length) values = values.slice(0, n);
  // Empty fields between the label and the first value are blank first cells as far as the row
  // has room for them; beyond that they fill a merged label column.
  const leading = entry.leading ?? [];
  const room = Math.min(leading.length, columns - values.length);
  if (room > 0) values = [...leading.slice(leading.length - room), ...values];
  return values.map(toCell);
}
