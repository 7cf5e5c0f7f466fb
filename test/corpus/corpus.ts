// The corpus run: every report in ../shared/corpus (real reports as published, the seeds rendered
// as .docx/.pdf/.html) and in the project's own corpus fixtures, checked as the CLI checks them,
// each finding judged against hand labels (test/corpus/labels): true when a label expects it,
// false otherwise. Used by `npm run corpus` (prints the table) and by a test (fails on any false one).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, localize, type Finding, type ReportModel } from '../../server/src/core';
import { importFile } from '../../server/src/import/load';

export interface Label {
  rule: string;
  /** Matched against the finding's English message (a regular expression). */
  match?: string;
  /** How many findings this label covers (default 1). */
  count?: number;
  /** Why a careful reviewer would send this back. */
  why: string;
}

export interface LabelFile {
  /** Reports this file labels: a path relative to the corpus root, or a rendered seed's name (all its forms). */
  reports: string[];
  expected: Label[];
  /** Findings that are false but known, with why they stay (each still counts as false). */
  notes?: string;
}

export interface CorpusResult {
  report: string;
  form: string;
  /** Not a report: listed as skipped (a note beside a report). */
  skipped: boolean;
  error?: string;
  sections: number;
  tables: number;
  /** Value cells in the model's tables. */
  cells: number;
  /** Against the rendered seed's cells.json: cells equal / cells expected. */
  cellsRight?: { right: number; of: number };
  findings: Array<{ rule: string; message: string; line: number; verdict: 'true' | 'false' }>;
  missed: Label[];
}

export const REPO = path.resolve(__dirname, '..', '..');
const findRepo = (): string => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'jiaohe') return dir;
  }
  return REPO;
};
export const ROOT = findRepo();
export const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
export const OWN_CORPUS = path.join(ROOT, 'test', 'corpus', 'fixtures');
const LABELS = path.join(ROOT, 'test', 'corpus', 'labels');

const REPORT_FILE = /\.(txt|md|docx|html?|pdf)$/i;

function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const name of readdirSync(d).sort().reverse()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (REPORT_FILE.test(name)) out.push(p);
    }
  }
  return out.sort();
}

/** Every file of the corpus: `key` is how labels name it. */
export function corpusFiles(): Array<{ file: string; key: string; group: 'real' | 'rendered' | 'own' }> {
  const files: Array<{ file: string; key: string; group: 'real' | 'rendered' | 'own' }> = [];
  for (const group of ['real', 'rendered'] as const) {
    const dir = path.join(SHARED_CORPUS, group);
    if (!existsSync(dir)) continue;
    for (const file of walk(dir)) files.push({ file, key: `${group}/${path.relative(dir, file)}`, group });
  }
  for (const file of walk(OWN_CORPUS)) files.push({ file, key: `own/${path.relative(OWN_CORPUS, file)}`, group: 'own' });
  return files;
}

function loadLabels(): LabelFile[] {
  if (!existsSync(LABELS)) return [];
  return readdirSync(LABELS).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(LABELS, f), 'utf8')) as LabelFile);
}

/** The labels of one report: named by its key, or by its rendered seed's name (any form). */
function labelsFor(key: string, all: LabelFile[]): Label[] {
  const stem = key.replace(/\.[^.]+$/, '');
  return all.filter((l) => l.reports.some((r) => r === key || r === stem)).flatMap((l) => l.expected);
}

function judge(findings: Finding[], model: ReportModel, labels: Label[]): Pick<CorpusResult, 'findings' | 'missed'> {
  const left = labels.map((l) => ({ label: l, remaining: l.count ?? 1 }));
  const judged = findings.map((f) => {
    const message = localize(f.message, 'en');
    const hit = left.find((l) => l.remaining > 0 && l.label.rule === f.rule && (!l.label.match || new RegExp(l.label.match).test(message)));
    if (hit) hit.remaining--;
    return { rule: f.rule, message, line: model.source.positionAt(f.span.start).line + 1, verdict: hit ? ('true' as const) : ('false' as const) };
  });
  return { findings: judged, missed: left.filter((l) => l.remaining > 0).map((l) => l.label) };
}

interface TrueCells {
  tables: Record<string, Array<{ row: string; cells: string[] }>>;
  not_rendered?: string[];
}

const normalizeCell = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Cells of the model equal to the rendered seed's true cells (row ids as "block/row" in table 二). */
function compareCells(model: ReportModel, truth: TrueCells): { right: number; of: number } {
  let right = 0;
  let of = 0;
  for (const [kind, rows] of Object.entries(truth.tables)) {
    if (truth.not_rendered?.includes(kind)) continue;
    const table = model.tables.find((t) => t.kind === kind);
    for (const expected of rows) {
      const id = expected.row.includes('/') ? expected.row.split('/')[1] : expected.row;
      const row = table?.rows.find((r) => r.spec?.id === id);
      expected.cells.forEach((cell, i) => {
        of++;
        const got = row?.cells[i]?.text ?? (row && i >= row.cells.length && cell === '' ? '' : undefined);
        if (got !== undefined && normalizeCell(got) === normalizeCell(cell)) right++;
      });
    }
  }
  return { right, of };
}

export async function runCorpus(): Promise<CorpusResult[]> {
  const labels = loadLabels();
  const results: CorpusResult[] = [];
  for (const { file, key, group } of corpusFiles()) {
    const form = path.extname(file).slice(1).toLowerCase();
    const base: CorpusResult = { report: key, form, skipped: false, sections: 0, tables: 0, cells: 0, findings: [], missed: [] };
    const imported = await importFile(file);
    if (!imported.report) {
      results.push({ ...base, error: imported.error?.en });
      continue;
    }
    const { model, findings } = analyze(imported.report.text);
    if (!model.isReport) {
      results.push({ ...base, skipped: true });
      continue;
    }
    const truthFile = group === 'rendered' ? file.replace(/\.[^.]+$/, '.cells.json') : '';
    const truth = truthFile && existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')) as TrueCells) : undefined;
    results.push({
      ...base,
      sections: new Set(model.sections.map((s) => s.number)).size,
      tables: model.tables.length,
      cells: model.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.length, 0), 0),
      cellsRight: truth ? compareCells(model, truth) : undefined,
      ...judge(findings, model, labelsFor(key, labels)),
    });
  }
  return results;
}

export interface CorpusTotals {
  reports: number;
  findings: number;
  truePositives: number;
  falseAlarms: number;
  missed: number;
  precision: number;
  falsePerReport: number;
}

export function totals(results: CorpusResult[]): CorpusTotals {
  const checked = results.filter((r) => !r.skipped && !r.error);
  const all = checked.flatMap((r) => r.findings);
  const truePositives = all.filter((f) => f.verdict === 'true').length;
  const falseAlarms = all.length - truePositives;
  return {
    reports: checked.length,
    findings: all.length,
    truePositives,
    falseAlarms,
    missed: checked.reduce((n, r) => n + r.missed.reduce((m, l) => m + (l.count ?? 1), 0), 0),
    precision: all.length === 0 ? 1 : truePositives / all.length,
    falsePerReport: checked.length === 0 ? 0 : falseAlarms / checked.length,
  };
}

export function formatTable(results: CorpusResult[]): string {
  const lines = ['report\tform\tsections\ttables\tcells\tcells right\tfindings\ttrue\tfalse\tmissed\tby rule'];
  for (const r of results) {
    if (r.skipped || r.error) {
      lines.push(`${r.report}\t${r.form}\t${r.error ? `error: ${r.error}` : 'not a report: skipped'}`);
      continue;
    }
    const byRule = new Map<string, number>();
    for (const f of r.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const t = r.findings.filter((f) => f.verdict === 'true').length;
    lines.push([
      r.report, r.form, `${r.sections}/6`, `${r.tables}/3`, r.cells,
      r.cellsRight ? `${r.cellsRight.right}/${r.cellsRight.of} (${((100 * r.cellsRight.right) / Math.max(1, r.cellsRight.of)).toFixed(0)}%)` : '—',
      r.findings.length, t, r.findings.length - t, r.missed.length,
      [...byRule].map(([k, v]) => `${k}×${v}`).join(' '),
    ].join('\t'));
  }
  const s = totals(results);
  lines.push('');
  lines.push(`${s.reports} reports: ${s.findings} findings, ${s.truePositives} true, ${s.falseAlarms} false, ${s.missed} expected but missed; precision ${(100 * s.precision).toFixed(1)}%, ${s.falsePerReport.toFixed(2)} false alarms per report`);
  return lines.join('\n');
}
