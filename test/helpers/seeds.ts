// The five real reports live in ../shared/corpus/seeds beside the checkout (CI has them there).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The checkout: the nearest folder above this bundle that has the extension's package.json. */
function findRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'jiaohe') return dir;
  }
  throw new Error(`no jiaohe checkout above ${from}`);
}

export const REPO_ROOT = findRoot(__dirname);
export const SEEDS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'seeds');

/**
 * For `describe(…, { skip: NEEDS_SEEDS }, …)`: the five real reports are beside the checkout in CI
 * (../shared); a clone on its own runs everything else and says why these were skipped.
 */
export const NEEDS_SEEDS: false | string = existsSync(SEEDS_DIR) ? false : `skipped: the real reports of ../shared/corpus/seeds are not beside the checkout (${SEEDS_DIR})`;

export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, name);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
