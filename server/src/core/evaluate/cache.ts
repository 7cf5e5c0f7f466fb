// Evaluations over one model are shared by several checks, the hover and the hints: computed
// once per model (and required format), kept as long as the model lives.
import type { ReportModel } from '../model/types';

const caches = new WeakMap<ReportModel, Map<string, unknown>>();

export function cached<T>(model: ReportModel, key: string, compute: () => T): T {
  let cache = caches.get(model);
  if (!cache) {
    cache = new Map();
    caches.set(model, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
