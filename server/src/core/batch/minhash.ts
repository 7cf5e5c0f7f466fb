// Near-duplicate text by shingling and MinHash (Broder), with LSH banding to find candidate pairs
// in a batch without comparing every pair of texts.

const SHINGLE = 5;
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

function fnv(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed character 5-grams of the text's content (digits, spaces, punctuation dropped). */
export function shingles(text: string): { list: Uint32Array; length: number } {
  const content = text.replace(NOT_CONTENT, '');
  // Hashed into a typed array, sorted there and de-duplicated in one pass: a Set and a sort of
  // boxed numbers took most of a batch's cross-report time.
  const hashes = new Uint32Array(Math.max(0, content.length - SHINGLE + 1));
  for (let i = 0; i < hashes.length; i++) hashes[i] = fnv(content, i, i + SHINGLE);
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[n - 1]) hashes[n++] = hashes[i];
  return { list: hashes.slice(0, n), length: content.length };
}
const NOT_CONTENT = /[\s\d０-９\p{P}\p{S}a-zA-Z]/gu;

/** Exact Jaccard similarity of two sorted shingle lists. */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
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
