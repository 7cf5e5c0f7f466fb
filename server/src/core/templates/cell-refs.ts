// One object per template cell. A model's cell look-ups (evaluate/cells.ts) are kept per reference
// object, so identities, prose links and batch facts name a cell with the same object wherever
// they build it.
import type { CellRef } from './types';

const refs = new Map<string, CellRef>();

export function cellRef(table: CellRef['table'], row: string, column: string): CellRef {
  const key = `${table}/${row}/${column}`;
  let ref = refs.get(key);
  if (!ref) refs.set(key, (ref = Object.freeze({ table, row, column })));
  return ref;
}
