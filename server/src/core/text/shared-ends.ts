// The start and end two versions of a text share: what an edit left where it was (at the start)
// or moved by what it added or took away (at the end).
import type { SourceText } from './source';

/** Chunks compared at once before the characters of the last one (string equality is a memcmp). */
const CHUNK = 1024;

/** How many characters `a` and `b` share at the start, at most `limit`. */
export function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at the end, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The lines of `before` after `line` are, with the same text and columns, `after`'s lines `line + by`. */
export interface MovedLines {
  line: number;
  by: number;
}

/**
 * Which lines an edit from `before` to `after` moved whole. A line after the one holding the
 * start of the shared end lies wholly in it, its breaks included, so it is the same line there.
 */
export function movedLines(before: SourceText, after: SourceText): MovedLines {
  const a = before.text;
  const b = after.text;
  const shorter = Math.min(a.length, b.length);
  const prefix = commonPrefix(a, b, shorter);
  const suffix = commonSuffix(a, b, shorter - prefix);
  return { line: before.lineOfOffset(a.length - suffix), by: after.lineCount - before.lineCount };
}
