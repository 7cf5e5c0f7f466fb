// File patterns, as the CLI's arguments, --ignore and the "ignores" of .jiaohe.json use them.
import * as path from 'node:path';
import type { LoadedConfig } from './jiaohe-json';

/** A glob (*, **, ?) as a regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const slashed = (p: string) => p.split(path.sep).join('/');

/** As in .gitignore (and markdownlint-cli2, ESLint): a pattern without a slash matches at any depth. */
export const ignorePattern = (g: string) => globToRegExp(g.replace(/^\.\//, '').includes('/') ? g.replace(/^\.\//, '') : `**/${g}`);

/** Whether the "ignores" of the file's .jiaohe.json (`loaded`, relative to its folder) cover it. */
export function ignoredByConfig(loaded: LoadedConfig, file: string): boolean {
  if (!loaded.file || !loaded.config.ignores?.length) return false;
  const relative = slashed(path.relative(path.dirname(loaded.file), path.resolve(file)));
  return loaded.config.ignores.some((g) => ignorePattern(g).test(relative));
}
