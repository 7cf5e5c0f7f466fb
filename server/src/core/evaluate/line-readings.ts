// What is read from one prose line's text and figures alone (which figure quotes which cell, which
// figures a 其中 list breaks down) is kept on the figure memo's entry for that text
// (`FigureLine.key`), and goes when the entry goes: on a keystroke only the edited line is read
// again, and no string is hashed to find the rest. Values must be relative to their line (figure
// indexes within it, offsets from its start) and hold no string of the document.
import type { FigureLine } from '../model/types';

let slots = 0;

/** One kind of reading, kept in its own slot of each memo entry's `derived`. */
export class LineReadings<T> {
  private readonly slot = slots++;

  get(line: FigureLine, read: () => T): T {
    // A text seen once (a batch's report, where most lines with figures are its own) is read and
    // not kept: keeping it would cost memory and time for nothing.
    if (line.key === undefined || line.key.hits === 0) return read();
    const derived = (line.key.derived ??= []);
    let value = derived[this.slot] as T | undefined;
    if (value === undefined) derived[this.slot] = value = read();
    return value;
  }
}
