// Near-duplicate text by shingling and MinHash (Broder), with LSH banding to find candidate pairs
// in a batch without comparing every pair of texts.
import { isCjkIdeograph } from '../text/chars';

const SHINGLE = 5;
/**
 * Bins of a signature: one hash per shingle whatever the number, so bins cost only their memory.
 * 256 make the estimate's standard error at a similarity of 0.8 about 0.025 (0.05 with 64).
 */
export const SIGNATURE_SIZE = 256;
/** LSH: 16 bands of 4 bins, over the signature's first 64 bins. */
const BANDS = 16;
const ROWS = 4;

/** FNV-1a over values[from, to): a shingle's characters, or a whole shingle list (its digest). */
function fnv(values: ArrayLike<number>, from = 0, to = values.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= values[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The rolling hash's base (odd, so multiplying by it loses nothing mod 2^32), and its 4th power (the weight of a shingle's first character). */
const ROLL = 0x01000193;
let rollOut = 1;
for (let k = 1; k < SHINGLE; k++) rollOut = Math.imul(rollOut, ROLL);
const ROLL_OUT = rollOut;

/** Hashed character 5-grams of the text's content (digits, spaces, punctuation dropped). */
export function shingles(text: string): { list: Uint32Array; length: number } {
  const codes = content(text);
  // Hashed into a typed array, sorted there and de-duplicated in one pass: a Set and a sort of
  // boxed numbers took most of a batch's cross-report time.
  const hashes = new Uint32Array(Math.max(0, codes.length - SHINGLE + 1));
  // A polynomial hash rolled along the text: one multiply per character, not one per character
  // of every shingle (the signature mixes each hash again, so its low bits need not be random).
  let h = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i >= SHINGLE) h = (h - Math.imul(codes[i - SHINGLE], ROLL_OUT)) | 0;
    h = (Math.imul(h, ROLL) + codes[i]) | 0;
    if (i >= SHINGLE - 1) hashes[i - SHINGLE + 1] = h;
  }
  sortUint32(hashes);
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[n - 1]) hashes[n++] = hashes[i];
  return { list: hashes.slice(0, n), length: codes.length };
}

/**
 * Sorts in place, ascending: a radix sort, a byte at a time (V8's TypedArray sort compares element
 * by element through a generic path: a tenth of a batch's cross-report time).
 */
export function sortUint32(values: Uint32Array): void {
  if (values.length < 64) {
    values.sort();
    return;
  }
  let from: Uint32Array = values;
  let to: Uint32Array = new Uint32Array(values.length);
  const counts = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < from.length; i++) counts[(from[i] >>> shift) & 255]++;
    let at = 0;
    for (let b = 0; b < 256; b++) {
      const n = counts[b];
      counts[b] = at;
      at += n;
    }
    for (let i = 0; i < from.length; i++) {
      const v = from[i];
      to[counts[(v >>> shift) & 255]++] = v;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // Four passes: the sorted values are back in `values`.
}

const NOT_CONTENT = /^[\s\d０-９\p{P}\p{S}a-zA-Z]$/u;
/** Per BMP code outside ASCII and the surrogates: 0 not judged yet, 1 content, 2 not content. */
const BMP_CONTENT = new Uint8Array(0x10000);

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
    } else if (c < 0xd800 || c > 0xdfff) {
      // Other BMP characters (mostly Chinese punctuation) judged once per code, not once per occurrence.
      let judged = BMP_CONTENT[c];
      if (judged === 0) BMP_CONTENT[c] = judged = NOT_CONTENT.test(String.fromCharCode(c)) ? 2 : 1;
      if (judged === 1) codes[n++] = c;
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

/** The share of equal bins of two signatures: an estimate of their texts' Jaccard similarity. */
export function estimatedSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return estimatedSimilarityAtLeast(a, b, 0)!;
}

/** The estimate when it is at least `floor`, else undefined: stops once the bins left cannot reach it. */
export function estimatedSimilarityAtLeast(a: ArrayLike<number>, b: ArrayLike<number>, floor: number): number | undefined {
  const needed = floor * SIGNATURE_SIZE;
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    if (a[k] === b[k]) same++;
    else if (same + SIGNATURE_SIZE - k - 1 < needed) return undefined;
  }
  return same / SIGNATURE_SIZE;
}

/**
 * How many bins of a signature hold a shingle of their own (the rest are borrowed): the estimate
 * has about as many independent samples, so its standard error is √(J(1−J)/n) for these n.
 */
export function filledBins(shingleCount: number): number {
  return SIGNATURE_SIZE * (1 - Math.exp(-shingleCount / SIGNATURE_SIZE));
}

// Fixed seeds (32-bit integer arithmetic only), so signatures are stable across runs and processes.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
const BIN_SHIFT = 32 - Math.log2(SIGNATURE_SIZE);

/** murmur3's 32-bit finaliser: a bijection with full avalanche. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012): each shingle is hashed once, the hash's top bits
 * choose one of the SIGNATURE_SIZE bins and each bin keeps its smallest hash. (One hash per shingle
 * and row had been 64 hashes per shingle: a tenth of a batch.) A bin no shingle fell into borrows
 * the value of the next filled bin to its right, re-hashed with the distance (rotation
 * densification, Shrivastava & Li 2014): two texts agree on it exactly when their donors agree.
 */
export function signature(shingleList: ArrayLike<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const filled = new Uint8Array(SIGNATURE_SIZE);
  for (let i = 0; i < shingleList.length; i++) {
    const h = mix(shingleList[i]);
    const bin = h >>> BIN_SHIFT;
    if (h <= sig[bin]) sig[bin] = h;
    filled[bin] = 1;
  }
  if (shingleList.length === 0) return sig;
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    if (filled[k]) continue;
    let d = 1;
    while (!filled[(k + d) % SIGNATURE_SIZE]) d++;
    sig[k] = mix(sig[(k + d) % SIGNATURE_SIZE] ^ SEEDS[d]);
  }
  return sig;
}

/**
 * Items of one LSH bucket paired with at most this many after them. A folder of thousands of
 * copies of one template puts them all in one bucket: every pair would be millions (more than a
 * Set holds), while the rule needs, per item, a few others that are copies — it names one.
 */
export const BUCKET_NEIGHBOURS = 64;

/** Pairs of items whose signatures share at least one LSH band (candidates for a close look). */
export function candidatePairs(signatures: ReadonlyArray<ArrayLike<number>>): Array<[number, number]> {
  const pairs = new Set<number>();
  const n = signatures.length;
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    signatures.forEach((sig, i) => {
      // The band's bins hashed into one number (a rare false match only adds a candidate).
      let key = 0;
      for (let r = band * ROWS; r < band * ROWS + ROWS; r++) key = mix(key ^ sig[r]);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        const last = Math.min(bucket.length - 1, x + BUCKET_NEIGHBOURS);
        for (let y = x + 1; y <= last; y++) pairs.add(bucket[x] * n + bucket[y]);
      }
    }
  }
  return [...pairs].map((p) => [Math.floor(p / n), p % n] as [number, number]);
}
