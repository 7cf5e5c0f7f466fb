// What is read from one prose line's text and figures alone (which figure quotes which cell, which
// figures a 其中 list breaks down), remembered by the figure memo's key for that text
// (`FigureLine.key`): on a keystroke only the edited line is read again, and no string is hashed to
// find the rest. Values must be relative to their line (figure indexes within it, offsets from its
// start) and hold no string of the document.
import type { FigureLine } from '../model/types';

export class LineReadings<T> {
  private readonly memo = new WeakMap<object, T>();

  get(line: FigureLine, read: () => T): T {
    if (line.key === undefined) return read();
    let value = this.memo.get(line.key);
    if (value === undefined) {
      value = read();
      this.memo.set(line.key, value);
    }
    return value;
  }
}
