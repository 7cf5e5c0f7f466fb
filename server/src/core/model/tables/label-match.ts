// Tolerant label matching: spaces, bracket width, line-broken labels ("1. 属于国家" + "秘密"),
// fused labels ("三、本年度办理结果 (一) 予以公开") and small typos.
import { detached, labelCore, normalizeLabel, similarity } from '../../text/normalize';
import type { Token } from './tokens';

// Scores repeat (every row label against every template row): memoised per keys list.
const scores = new WeakMap<readonly string[], Map<string, number>>();

/** How well a label matches one of `keys`: 1 exact, ~0.9 contained, 0.6–0.9 prefix, else similarity. */
export function keyScore(label: string, keys: readonly string[]): number {
  let memo = scores.get(keys);
  if (!memo) {
    memo = new Map();
    scores.set(keys, memo);
  }
  let score = memo.get(label);
  if (score === undefined) {
    score = computeScore(label, keys);
    if (memo.size > 5000) memo.clear();
    memo.set(detached(label), score);
  }
  return score;
}

function computeScore(label: string, keys: readonly string[]): number {
  const core = labelCore(label);
  if (core.length === 0) return 0;
  let best = 0;
  for (const rawKey of keys) {
    const key = normalizeLabel(rawKey);
    if (core === key) return 1;
    // Short keys ("总计", "其他", "规章") only match exactly: they occur inside other labels.
    if (key.length <= 2) continue;
    if (core.includes(key)) best = Math.max(best, 0.9);
    else if (key.startsWith(core) && core.length >= 2) best = Math.max(best, 0.6 + (0.3 * core.length) / key.length);
    else {
      const s = similarity(core, key);
      if (s >= 0.6) best = Math.max(best, 0.8 * s);
    }
  }
  return best;
}

/** True when the label reads as prose rather than a table label (ends a table). */
export function isProse(text: string): boolean {
  return isProseNormalized(normalizeLabel(text));
}

/** The same for a token, from its normalised text. */
export function isProseLabel(t: Token): boolean {
  return isProseNormalized(normalizedLabel(t));
}

function isProseNormalized(core: string): boolean {
  return /[。；;！？]/.test(core) || core.length > 60;
}

/**
 * A token's text normalised, worked out once per token: the anchors and every table reader's line
 * test ask it of the same tokens (one memo look-up of a fresh string each time, before).
 */
export function normalizedLabel(t: Token): string {
  return (t.normalized ??= normalizeLabel(t.text));
}
