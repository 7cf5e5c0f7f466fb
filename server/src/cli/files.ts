// Finding and reading report files. Every failure becomes a message; nothing here throws.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown'];

export interface ReadResult {
  text?: string;
  /** The file started with a UTF-8 BOM (kept when the file is written back). */
  bom?: boolean;
  error?: string;
}

/** Files named on the command line, folders expanded (recursively, sorted, hidden folders skipped). */
export function expandPaths(inputs: string[]): { files: string[]; errors: string[] } {
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
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes), not a text report' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const bom = text.startsWith('\uFEFF');
    return { text: bom ? text.slice(1) : text, bom };
  } catch {
    return { error: 'not valid UTF-8 (a GBK/GB18030 file? save it as UTF-8)' };
  }
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
