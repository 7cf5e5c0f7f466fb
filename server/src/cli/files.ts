// Finding and reading report files. Every failure becomes a message; nothing here throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp, ignoredByConfig, ignorePattern, slashed } from '../config/globs';
import { configFor, type LoadedConfig } from '../config/jiaohe-json';
import { IMPORT_EXTENSIONS } from '../import/load';

/** Text reports, and the documents the import stage reads (.docx, .html, .pdf). */
export const REPORT_EXTENSIONS = IMPORT_EXTENSIONS;

const isGlob = (s: string) => /[*?]/.test(s);

/**
 * Files named on the command line: folders expanded (recursively, sorted, hidden folders skipped),
 * globs matched below their fixed prefix, `ignore` globs dropped. The order is stable.
 */
export function expandPaths(inputs: string[], ignore: string[] = []): { files: string[]; errors: string[] } {
  // As in .gitignore (and markdownlint-cli2, ESLint): a pattern without a slash matches at any
  // depth ("*.md" skips examples/a.md); one with a slash is taken from the working folder.
  const ignored = ignore.map(ignorePattern);
  // The .jiaohe.json of a folder is read once for all its files.
  const configs = new Map<string, LoadedConfig>();
  const configOf = (file: string) => {
    const dir = path.dirname(file);
    if (!configs.has(dir)) configs.set(dir, configFor(file));
    return configs.get(dir)!;
  };
  const skip = (file: string) => ignored.some((re) => re.test(slashed(file)) || re.test(slashed(path.relative(process.cwd(), file)))) || ignoredByConfig(configOf(file), file);
  const { files, errors } = expandInputs(inputs);
  return { files: [...new Set(files)].filter((f) => !skip(f)), errors };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function expandInputs(inputs: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? e})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) continue;
      // A link to a folder is not followed (no loops); a link to nothing, a FIFO or a device with a
      // report's name is listed, and the import stage says why it is skipped.
      else if (!entry.isSymbolicLink() || !isFolder(full)) files.push(full);
    }
  };
  for (const input of inputs) {
    if (isGlob(input)) {
      // Walk from the part before the first wildcard, keep what the glob matches.
      const parts = slashed(input).split('/');
      const fixed = parts.slice(0, parts.findIndex(isGlob)).join('/') || '.';
      const re = globToRegExp(slashed(input).replace(/^\.\//, ''));
      const before = files.length;
      walk(fixed);
      const matched = files.splice(before).filter((f) => re.test(slashed(f).replace(/^\.\//, '')));
      files.push(...matched);
      if (matched.length === 0) errors.push(`${input}: no report files match`);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      errors.push(`${input}: no such file or folder (${(e as NodeJS.ErrnoException).code ?? e})`);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, errors };
}

/**
 * Writes a fixed report back, keeping its BOM: into a temporary file beside it, renamed over the
 * original only if the file still holds the bytes that were checked (an editor may have saved it
 * meanwhile: that edit is kept, and the fix skipped). Says why when it does not write.
 */
export function writeReport(file: string, text: string, bom: boolean, checked: Uint8Array): string | undefined {
  let target = file;
  let temporary: string | undefined;
  try {
    // A link is followed: the report it points to is rewritten, the link stays a link.
    target = fs.realpathSync(file);
    temporary = path.join(path.dirname(target), `.${path.basename(target)}.jiaohe-${process.pid}-${Date.now()}.tmp`);
    fs.writeFileSync(temporary, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', mode: fs.statSync(target).mode, flag: 'wx' });
    if (!fs.readFileSync(target).equals(checked)) {
      fs.rmSync(temporary, { force: true });
      return 'not rewritten: the file changed while it was being checked (run --fix again)';
    }
    fs.renameSync(temporary, target);
    return undefined;
  } catch (e) {
    try {
      if (temporary) fs.rmSync(temporary, { force: true });
    } catch {
      // It was never made (the name is what failed).
    }
    return `cannot write file (${(e as NodeJS.ErrnoException).code ?? e})`;
  }
}
