// The order of the sections as written: shared by section-order (which flags the rest) and
// section-missing (which inserts a missing section among the ones in order).
import type { Section } from '../../model/types';

/** Each section number's first occurrence, in document order: repeats are section-duplicate's. */
export function firstOccurrences(sections: readonly Section[]): Section[] {
  const seen = new Set<number>();
  const first: Section[] = [];
  for (const s of sections) {
    if (!seen.has(s.number)) first.push(s);
    seen.add(s.number);
  }
  return first;
}

/** Indices of a longest strictly increasing subsequence of `numbers`: the sections in order. */
export function inOrder(numbers: number[]): Set<number> {
  const best: number[] = numbers.map(() => 1);
  const prev: number[] = numbers.map(() => -1);
  for (let i = 0; i < numbers.length; i++) {
    for (let j = 0; j < i; j++) {
      if (numbers[j] < numbers[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = best.indexOf(Math.max(0, ...best));
  const keep = new Set<number>();
  while (end >= 0) {
    keep.add(end);
    end = prev[end];
  }
  return keep;
}

/** The sections that stand in statutory order (a longest increasing run of first occurrences). */
export function sectionsInOrder(sections: readonly Section[]): Section[] {
  const first = firstOccurrences(sections);
  const keep = inOrder(first.map((s) => s.number));
  return first.filter((_, i) => keep.has(i));
}
