// A batch: every file checked (on worker threads when there are many), then the cross-report
// rules over all of them — last year's report of the same body, and copied text (MinHash + LSH).
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  CHECKS,
  compareRuleIds,
  crossYearFindings,
  duplicateCandidates,
  duplicateFindings,
  SectionSimilarities,
  isPreviousYear,
  type Finding,
  type FindingInput,
  type OtherReport,
  type Severity,
} from '../core';
import { checkFile, type CheckOptions, type FileOutcome } from './check-file';
import { ConfigCache } from '../config/jiaohe-json';
import { kindOf } from '../import/load';
import type { SourceKind } from '../import/types';

export interface BatchOptions extends CheckOptions {
  /** Render each report's summary fragment (for --format html). */
  summaries: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The main thread checks files too, beside worker threads taking theirs from the same queue. Each
 * worker is a V8 of its own: ~0.1 s to start and load, and it compiles our code again as it warms
 * up (~0.5 CPU-s over a batch), so it pays only on a batch long enough to spread that over. On two
 * cores (one worker), measured in alternated runs on reports of ~8 KB: 200 files 0.66 vs 0.71 s,
 * 500 files 1.21 vs 1.26 s, 1000 files 1.94 vs 2.21 s, for ~25 % more CPU. So: with four cores or
 * more, cores − 1 workers (at most 7, and fewer than the files) for WORKER_THRESHOLD text reports'
 * work or more; with two or three, one worker from TWO_CORE_THRESHOLD (`batchWork`: a PDF is a
 * hundred text reports' work). JIAOHE_WORKERS=1 asks for them anyway, =0 never.
 */
const MIN_CORES_FOR_WORKERS = 4;
const WORKER_THRESHOLD = 200;
const TWO_CORE_THRESHOLD = 500;
/**
 * A worker's young generation, in MB. A report's objects die young; V8's default (three 16 MB
 * semi-spaces on this machine) only added RSS: 1000 reports 163–168 → 143–145 MB with 8 MB, in the
 * same time (1.95–2.03 s both).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * What a file costs to check, counted in text reports (~2 ms each here): an original is read
 * first. Measured on the rendered seeds, one process, per further file: .html ~11 ms, .docx
 * ~27 ms, .pdf ~200 ms (PDF.js most of it). So the pool starts by work, not by the number of files:
 * 12 PDFs take 2.8–3.1 s on one thread and 2.5–2.6 s with a worker (24: 5.5 → 4.3–4.6 s; 6: the
 * same), where 12 text reports would not pay for one.
 */
const WORK_BY_KIND: Record<SourceKind, number> = { text: 1, html: 5, docx: 13, pdf: 100 };

/** A batch's work in text reports (`WORK_BY_KIND`; a file the importers do not read counts as text). */
export function batchWork(files: readonly string[]): number {
  let work = 0;
  for (const f of files) work += WORK_BY_KIND[kindOf(f) ?? 'text'];
  return work;
}

/** Worker threads for a batch of `files` files that is `work` text reports' work (`batchWork`). */
export function workerCount(files: number, cores: number, setting: string | undefined, work = files): number {
  if (setting === '0' || cores < 2) return 0;
  if (setting === '1') return files > 1 ? Math.min(cores - 1, 7) : 0;
  if (files < 2) return 0;
  if (cores >= MIN_CORES_FOR_WORKERS) return work >= WORKER_THRESHOLD ? Math.min(cores - 1, 7, files - 1) : 0;
  return work >= TWO_CORE_THRESHOLD ? 1 : 0;
}

/** Gives the event loop a turn, so that the workers' results are taken and they are fed again. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Files checked by the main thread and `count` worker threads; two files in flight per worker (it never waits for the main thread between files). */
async function inPool(files: string[], options: BatchOptions, count: number): Promise<FileOutcome[]> {
  const results = new Array<FileOutcome>(files.length);
  let next = 0;
  let done = 0;
  const finished = (index: number, outcome: FileOutcome) => {
    results[index] = outcome;
    options.onProgress?.(++done, files.length);
  };
  const workers = Array.from({ length: count }, () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(__filename, {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        workerData: { jiaoheWorker: true, options: { reportFormat: options.reportFormat, fix: options.fix, lang: options.lang, places: options.places, summaries: options.summaries } },
      });
      let inFlight = 0;
      const feed = () => {
        while (inFlight < 2 && next < files.length) {
          const index = next++;
          inFlight++;
          worker.postMessage({ index, file: files[index] });
        }
        if (inFlight === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (m: { index: number; outcome: FileOutcome }) => {
        inFlight--;
        finished(m.index, m.outcome);
        feed();
      });
      worker.on('error', reject);
      worker.once('online', feed);
    }),
  );
  // The main thread's share reads each folder's .jiaohe.json once, as a worker does.
  const batch = { ...options, configs: options.configs ?? new ConfigCache() };
  while (next < files.length) {
    const index = next++;
    finished(index, await checkFile(files[index], batch));
    await turn();
  }
  await Promise.all(workers);
  return results;
}

export async function checkAll(files: string[], options: BatchOptions, render?: Parameters<typeof checkFile>[2]): Promise<FileOutcome[]> {
  let outcomes: FileOutcome[];
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const workers = workerCount(files.length, cores, process.env.JIAOHE_WORKERS, batchWork(files));
  if (workers > 0 && !options.summaries) {
    outcomes = await inPool(files, options, workers);
  } else {
    outcomes = [];
    const batch = { ...options, configs: options.configs ?? new ConfigCache(), crossReport: files.length > 1 };
    for (const [i, f] of files.entries()) {
      outcomes.push(await checkFile(f, batch, render));
      options.onProgress?.(i + 1, files.length);
    }
  }
  addCrossReportFindings(outcomes);
  return outcomes;
}

function severityOf(outcome: FileOutcome, rule: string): Severity | 'off' {
  const setting = outcome.rules[rule];
  if (setting) return setting as Severity | 'off';
  return CHECKS.find((c) => c.id === rule)?.defaultSeverity ?? 'warning';
}

function add(outcome: FileOutcome, rule: string, inputs: FindingInput[]) {
  const severity = severityOf(outcome, rule);
  if (severity === 'off') return;
  for (const f of inputs) outcome.findings.push({ rule, severity, span: f.span, message: f.message, related: [], fixes: [] });
}

/** figure-cross-year and content-duplicate need the other files: they run once all are read. */
export function addCrossReportFindings(outcomes: FileOutcome[]): void {
  const reports = outcomes
    .map((o, index) => ({ o, index }))
    .filter(({ o }) => o.facts && o.isReport)
    .map(({ o, index }) => ({ index, report: { name: o.file, facts: o.facts! } as OtherReport }));
  const byBody = new Map<string, Array<{ index: number; report: OtherReport }>>();
  for (const r of reports) {
    if (!r.report.facts.body) continue;
    if (!byBody.has(r.report.facts.body)) byBody.set(r.report.facts.body, []);
    byBody.get(r.report.facts.body)!.push(r);
  }
  const candidates = duplicateCandidates(reports.map((r) => r.report));
  const similarities = new SectionSimilarities();
  reports.forEach((r, k) => {
    const outcome = outcomes[r.index];
    const previous = (byBody.get(r.report.facts.body ?? '') ?? []).find((p) => isPreviousYear(r.report.facts, p.report.facts));
    if (previous) add(outcome, 'figure-cross-year', crossYearFindings(r.report.facts, previous.report));
    const others = [...(candidates.get(k) ?? [])].map((j) => reports[j].report);
    if (previous && !others.includes(previous.report)) others.push(previous.report);
    if (others.length > 0) add(outcome, 'content-duplicate', duplicateFindings(r.report.facts, others, similarities));
    outcome.findings.sort((a: Finding, b: Finding) => a.span.start - b.span.start || compareRuleIds(a.rule, b.rule));
  });
}
