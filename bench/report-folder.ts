// A reviewer's folder of N different reports, made from the real text reports we have (the seeds,
// the crawled pages, the project's fixtures and examples), so that no two files are the same and no
// cache sees a file twice:
// - every figure is multiplied by one factor per report (the tables' sums and the prose's
//   "共X，其中A、B" stay true: they are linear; years, dates and percentages are left alone);
// - about one character in eight of plain prose sentences is replaced (sections are no longer
//   copies of each other, as different offices' reports are not); sentences with a figure, a
//   heading or a list marker are left as they are;
// - one report in five is a draft with a slip: one table figure changed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { prng } from '../test/helpers/random-edits';

export interface ReportFolder {
  dir: string;
  files: number;
  bytes: number;
}

/** The real text reports beside the checkout, and the project's own when ../shared is absent. */
export function baseReports(repoRoot: string): string[] {
  const found: string[] = [];
  const take = (dir: string, accept: (name: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (accept(name)) found.push(readFileSync(full, 'utf8'));
    }
  };
  const shared = path.resolve(repoRoot, '..', 'shared', 'corpus');
  take(path.join(shared, 'seeds'), (n) => /\.(txt|md)$/.test(n));
  for (const sub of ['pingtan-2019', 'pingtan-2021']) take(path.join(shared, 'real', sub), (n) => n === 'page.txt');
  take(path.join(repoRoot, 'test', 'corpus', 'fixtures'), (n) => n.endsWith('.txt'));
  take(path.join(repoRoot, 'examples'), (n) => /\.(txt|md)$/.test(n));
  return found;
}

// A figure: digits with an optional decimal part, not part of a year, date or percentage.
const FIGURE = /(\d+)(\.\d+)?(?!\d|\.\d|\s*[年月日%％]|\s*号)/g;
const YEARISH = /^(19|20)\d\d$/;
/** Characters a figure's reading leans on: never replaced. */
const KEEP = new Set('共其中件万元亿个项次条人年月日起含及、，。：；（）()“”《》%'.split(''));
const POOL = '政务信息公开工作推进落实加强规范制度建设平台服务质量群众办理答复监督保障机制完善提升'.split('');

function scaled(text: string, factor: number): string {
  // A crawled page's report on one line runs its table cells together: a product would not read
  // as the same cells, so such lines keep their figures.
  return text.split('\n').map((line) => (line.length > 600 ? line : scaledLine(line, factor))).join('\n');
}

function scaledLine(text: string, factor: number): string {
  return text.replace(FIGURE, (all: string, int: string, frac: string | undefined, offset: number) => {
    if (!frac && YEARISH.test(int)) return all;
    // Ordinals and list numbers ("1." "2、") stay.
    const after = text[offset + all.length] ?? '';
    if (!frac && /[.、．]/.test(after) && int.length <= 2) return all;
    if (frac) {
      // Exact: the figure in its smallest unit, multiplied, and the same number of decimals again.
      const decimals = frac.length - 1;
      const s = (BigInt(int + frac.slice(1)) * BigInt(factor)).toString().padStart(decimals + 1, '0');
      return `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
    }
    return String(BigInt(int) * BigInt(factor));
  });
}

/** A sentence of plain prose: no figure, no heading or list marker in it. */
const PLAIN = /^[^\d０-９]{20,}$/;
const MARKER = /[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]/;

function reworded(text: string, rnd: () => number): string {
  return text.replace(/[^。；\n]+[。；]/g, (sentence) => {
    if (!PLAIN.test(sentence) || MARKER.test(sentence)) return sentence;
    const chars = sentence.split('');
    for (let i = 0; i < chars.length; i++) {
      if (/[\u4e00-\u9fff]/.test(chars[i]) && !KEEP.has(chars[i]) && rnd() < 0.125) chars[i] = POOL[Math.floor(rnd() * POOL.length)];
    }
    return chars.join('');
  });
}

function slip(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const tableLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /\t\d+/.test(l));
  if (tableLines.length === 0) return text;
  const [line, i] = tableLines[Math.floor(rnd() * tableLines.length)];
  lines[i] = line.replace(/\t(\d+)/, (_all, d: string) => `\t${Number(d) + 1 + Math.floor(rnd() * 9)}`);
  return lines.join('\n');
}

/** The folder's `i`-th report: a base report varied as above (the same `i` gives the same text). */
export function variedReport(i: number, bases: string[]): string {
  if (bases.length === 0) throw new Error('no base reports to vary');
  const rnd = prng(i + 1);
  let text = scaled(bases[i % bases.length], 2 + Math.floor(rnd() * 8));
  text = reworded(text, rnd);
  if (i % 5 === 4) text = slip(text, rnd);
  return text;
}

/**
 * One long document of different reports one after another, up to `size` bytes: a long document
 * whose lines are not the same few repeated (a report repeated makes every per-line memo hit).
 */
export function variedDocument(size: number, bases: string[]): { text: string; reports: number } {
  const parts: string[] = [];
  let total = 0;
  while (total < size) {
    const text = variedReport(parts.length, bases);
    parts.push(text);
    total += Buffer.byteLength(text, 'utf8') + 1;
  }
  return { text: parts.join('\n'), reports: parts.length };
}

/** Writes `count` different reports into `dir` (emptied first). */
export function writeReportFolder(dir: string, count: number, bases: string[]): ReportFolder {
  if (bases.length === 0) throw new Error('no base reports to vary');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = variedReport(i, bases);
    const file = path.join(dir, `report-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return { dir, files: count, bytes };
}
