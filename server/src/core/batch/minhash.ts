// Near-duplicate text by shingling and MinHash (Broder), with LSH banding to find candidate pairs
// in a batch without comparing every pair of texts.
import { isCjkIdeograph } from '../text/chars';

const SHINGLE = 5;
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

/** FNV-1a over values[from, to): a shingle's characters, or a whole shingle list (its digest). */
function fnv(values: ArrayLike<number>, from = 0, to = values.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= values[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed character 5-grams of the text's content (digits, spaces, punctuation dropped). */
export function shingles(text: string): { list: Uint32Array; length: number } {
  const codes = content(text);
  // Hashed into a typed array, sorted there and de-duplicated in one pass: a Set and a sort of
  // boxed numbers took most of a batch's cross-report time.
  const hashes = new Uint32Array(Math.max(0, codes.length - SHINGLE + 1));
  for (let i = 0; i < hashes.length; i++) hashes[i] = fnv(codes, i, i + SHINGLE);
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[n - 1]) hashes[n++] = hashes[i];
  return { list: hashes.slice(0, n), length: codes.length };
}

const NOT_CONTENT = /^[\s\d０-９\p{P}\p{S}a-zA-Z]$/u;

/**
 * The text's character codes without spaces, digits, Latin letters, punctuation and symbols. CJK
 * ideographs are kept and ASCII judged at once; any other character (a code point, surrogate pairs
 * together) by the pattern.
 */
function content(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjkIdeograph(c)) codes[n++] = c;
    else if (c < 128) {
      // Of ASCII only control characters other than whitespace are content.
      if ((c < 32 && (c < 9 || c > 13)) || c === 127) codes[n++] = c;
    } else {
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const char = pair ? text.slice(i, i + 2) : text[i];
      if (!NOT_CONTENT.test(char)) for (let k = 0; k < char.length; k++) codes[n++] = char.charCodeAt(k);
      if (pair) i++;
    }
  }
  return codes.subarray(0, n);
}

/** Exact Jaccard similarity of two sorted shingle lists. */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return jaccardAtLeast(a, b, 0)!;
}

/**
 * The exact Jaccard similarity when it is at least `floor`, else undefined — found out early: the
 * merge stops once the shingles still to come could no longer lift it to `floor`.
 */
export function jaccardAtLeast(a: ArrayLike<number>, b: ArrayLike<number>, floor: number): number | undefined {
  if (a.length === 0 && b.length === 0) return floor <= 0 ? 0 : undefined;
  // J = s / (|a| + |b| − s) ≥ floor  ⇔  s ≥ floor·(|a| + |b|) / (1 + floor)
  const needed = (floor * (a.length + b.length)) / (1 + floor);
  let i = 0;
  let j = 0;
  let shared = 0;
  let steps = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
    if ((++steps & 63) === 0 && shared + Math.min(a.length - i, b.length - j) < needed) return undefined;
  }
  const similarity = shared / (a.length + b.length - shared);
  return similarity >= floor ? similarity : undefined;
}

/** A hash of a whole shingle list. */
export function digest(list: ArrayLike<number>): number {
  return fnv(list);
}

/** The share of equal rows of two signatures: an estimate of their texts' Jaccard similarity. */
export function estimatedSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

// One hash function per signature row: the shingle xor a fixed per-row seed, through murmur3's
// 32-bit finaliser (a bijection with full avalanche). 32-bit integer arithmetic only; fixed seeds,
// so signatures are stable across runs and processes.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export function signature(shingleList: ArrayLike<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i < shingleList.length; i++) {
    const x = shingleList[i];
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(x ^ SEEDS[k]);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

/** Pairs of items whose signatures share at least one LSH band (candidates for a close look). */
export function candidatePairs(signatures: ReadonlyArray<ArrayLike<number>>): Array<[number, number]> {
  const pairs = new Set<number>();
  const n = signatures.length;
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      const key = Array.prototype.slice.call(sig, band * ROWS, band * ROWS + ROWS).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) pairs.add(bucket[x] * n + bucket[y]);
    }
  }
  return [...pairs].map((p) => [Math.floor(p / n), p % n] as [number, number]);
}
