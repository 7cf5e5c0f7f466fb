// Finding and reading report files. Every failure becomes a message; nothing here throws.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown'];

export interface ReadResult {
  text?: string;
  /** The file started with a UTF-8 BOM (kept when the file is written back). */
  bom?: boolean;
  /** The encoding the text was decoded from. */
  encoding?: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
  error?: string;
}

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

const isGlob = (s: string) => /[*?]/.test(s);
const slashed = (p: string) => p.split(path.sep).join('/');

/**
 * Files named on the command line: folders expanded (recursively, sorted, hidden folders skipped),
 * globs matched below their fixed prefix, `ignore` globs dropped. The order is stable.
 */
export function expandPaths(inputs: string[], ignore: string[] = []): { files: string[]; errors: string[] } {
  const ignored = ignore.map(globToRegExp);
  const skip = (file: string) => ignored.some((re) => re.test(slashed(file)) || re.test(slashed(path.relative(process.cwd(), file))));
  const { files, errors } = expandInputs(inputs);
  return { files: [...new Set(files)].filter((f) => !skip(f)), errors };
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
      else if (entry.isFile() && REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) files.push(full);
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

/** Reads a UTF-8 report; says clearly when the file is binary or in another encoding. */
export function readReport(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  return decodeReport(bytes);
}

/**
 * Decodes report bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (which
 * covers GBK and GB2312, common in Chinese offices). Binary data is refused.
 */
export function decodeReport(bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes), not a text report' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const bom = text.startsWith('\uFEFF');
    return { text: bom ? text.slice(1) : text, bom, encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: GB18030 is the other encoding Chinese offices use.
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return { text, encoding: 'GB18030' };
  } catch {
    // Neither.
  }
  return { error: 'neither UTF-8 nor GB18030/GBK text: save it as UTF-8' };
}

/** Writes a fixed report back, keeping its BOM; says why when it cannot. */
export function writeReport(file: string, text: string, bom: boolean): string | undefined {
  try {
    fs.writeFileSync(file, (bom ? '\uFEFF' : '') + text, 'utf8');
    return undefined;
  } catch (e) {
    return `cannot write file (${(e as NodeJS.ErrnoException).code ?? e})`;
  }
}
