// One object per template cell. A model's cell look-ups (evaluate/cells.ts) are kept per reference
// object, so identities, prose links and batch facts name a cell with the same object wherever
// they build it.
import type { CellRef } from './types';

// By table, row and column: no key string is made per look-up (prose links and batch facts ask on
// every report).
const refs = new Map<string, Map<string, Map<string, CellRef>>>();
/** How many references there are: the next one's number. */
let count = 0;

export function cellRef(table: CellRef['table'], row: string, column: string): CellRef {
  let byRow = refs.get(table);
  if (!byRow) refs.set(table, (byRow = new Map()));
  let byColumn = byRow.get(row);
  if (!byColumn) byRow.set(row, (byColumn = new Map()));
  let ref = byColumn.get(column);
  if (!ref) byColumn.set(column, (ref = Object.freeze({ table, row, column, index: count++ })));
  return ref;
}
