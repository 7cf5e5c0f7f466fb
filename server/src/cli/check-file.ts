// Checking one file, as the main thread or a worker thread does it: read, decode, (fix), analyse,
// and return plain data (positions, facts) that crosses thread boundaries.
import { analyze, extractFacts, fixAll, type Finding, type ReportFacts } from '../core';
import { analyzeOptions, configFor } from '../config/jiaohe-json';
import { readReport, writeReport } from './files';

export interface CheckOptions {
  reportFormat: 'auto' | '2019' | '2021';
  fix: boolean;
}

export interface FileOutcome {
  file: string;
  /** Why the file could not be checked. */
  error?: string;
  /** Notes for stderr: the encoding used, a broken .jiaohe.json, what --fix did. */
  notes: string[];
  /** The config file's problem, reported once per config file by the caller. */
  configError?: string;
  format: string | null;
  year: number | null;
  isReport: boolean;
  title: string | null;
  findings: Finding[];
  facts: ReportFacts | null;
  /** Offsets where lines start, to turn spans into line/column anywhere. */
  lineStarts: number[];
  /** The per-rule settings that applied (the batch rules honour them too). */
  rules: Record<string, string>;
  /** The summary page's HTML fragment, when asked for. */
  summary?: string;
}

export function checkFile(file: string, options: CheckOptions, render?: (analysis: ReturnType<typeof analyze>) => string): FileOutcome {
  const empty = { format: null, year: null, isReport: false, title: null, findings: [], facts: null, lineStarts: [0], rules: {}, notes: [] as string[] };
  const read = readReport(file);
  if (read.text === undefined) return { file, error: read.error, ...empty };
  const notes: string[] = [];
  if (read.encoding && read.encoding !== 'UTF-8') notes.push(`decoded as ${read.encoding}`);
  const loaded = configFor(file);
  const analysisOptions = analyzeOptions(loaded.config, { format: options.reportFormat });
  let text = read.text;
  if (options.fix) {
    const fixed = fixAll(text, analysisOptions);
    if (fixed.text !== text) {
      if (read.encoding !== 'UTF-8') {
        notes.push(`not rewritten: the file is ${read.encoding}; save it as UTF-8 to use --fix`);
      } else {
        const error = writeReport(file, fixed.text, read.bom ?? false);
        if (error) return { file, error, ...empty, notes };
        notes.push(`fixed ${fixed.applied} problem(s)`);
        text = fixed.text;
      }
    }
  }
  const analysis = analyze(text, analysisOptions);
  const { model, findings } = analysis;
  return {
    file,
    notes,
    configError: loaded.error,
    format: model.format,
    year: model.year?.value ?? null,
    isReport: model.isReport,
    title: model.title?.text ?? null,
    findings,
    facts: model.isReport ? extractFacts(model) : null,
    lineStarts: model.source.lineStarts,
    rules: (analysisOptions.rules ?? {}) as Record<string, string>,
    summary: render?.(analysis),
  };
}
