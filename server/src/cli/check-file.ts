// Checking one file, as the main thread or a worker thread does it: read, import (decode text, or
// extract a .docx/.html/.pdf), (fix), analyse, and return plain data (positions, facts, source
// places) that crosses thread boundaries.
import { analyze, extractFacts, fixAll, localize, placeIndex, type Finding, type PlaceIndex, type ReportFacts } from '../core';
import { analyzeOptions, configFor, ConfigCache } from '../config/jiaohe-json';
import { importFile, importReport, NO_REPORT_FOUND, type ImportedReport, type ImportResult, type SourceKind, type SourcePlace } from '../import/load';
import { BUDGETS } from '../import/budgets';
import { writeReport } from './files';

export interface CheckOptions {
  reportFormat: 'auto' | '2019' | '2021';
  fix: boolean;
  /** Language of the notes (the encoding used, pages without text). */
  lang?: 'zh' | 'en';
  /** Keep where each section, table row and cell stands (for the reviewer's memo). */
  places?: boolean;
  /** The .jiaohe.json of each folder, read once for a batch (not once per file). */
  configs?: ConfigCache;
  /**
   * Other files are checked beside this one (default): keep what their cross-report rules need
   * (the sections' shingles and signatures). A file checked alone is compared with nothing.
   */
  crossReport?: boolean;
}

export interface FileOutcome {
  file: string;
  /** Why the file could not be checked. */
  error?: string;
  /** Notes for stderr: the encoding used, a broken .jiaohe.json, what --fix did. */
  notes: string[];
  /** The config file's problem, reported once per config file by the caller. */
  configError?: string;
  /** What the file was: plain text, or a document the text was extracted from. */
  kind: SourceKind;
  format: string | null;
  year: number | null;
  isReport: boolean;
  title: string | null;
  findings: Finding[];
  facts: ReportFacts | null;
  /** Offsets where lines start, to turn spans into line/column anywhere (a typed array: a batch keeps one per file). */
  lineStarts: ArrayLike<number>;
  /** For extracted documents: where each stretch of the text stands in the original. */
  places: SourcePlace[];
  /** The per-rule settings that applied (the batch rules honour them too). */
  rules: Record<string, string>;
  /** The summary page's HTML fragment, when asked for. */
  summary?: string;
  /** Sections, table rows and cells with their names, when asked for (--format memo). */
  placeIndex?: PlaceIndex;
}

type Render = (analysis: ReturnType<typeof analyze>) => string;

export function failedOutcome(file: string, error: string, notes: string[] = []): FileOutcome {
  return { file, error, notes, kind: 'text', format: null, year: null, isReport: false, title: null, findings: [], facts: null, lineStarts: [0], places: [], rules: {} };
}

/** --fix on a text file; extracted documents and non-UTF-8 text are never rewritten. */
function applyFixes(file: string, report: ImportedReport, bytes: Uint8Array, options: ReturnType<typeof analyzeOptions>, notes: string[], lang: 'zh' | 'en'): { text: string; error?: string } {
  const fixed = fixAll(report.text, options);
  if (fixed.text === report.text) return { text: report.text };
  if (report.kind !== 'text') {
    notes.push(`not rewritten: fixes apply to text drafts; convert the ${report.kind} file to a text draft to use --fix`);
    return { text: report.text };
  }
  if (report.encoding !== 'UTF-8') {
    notes.push(`not rewritten: the file is ${report.encoding}; save it as UTF-8 to use --fix`);
    return { text: report.text };
  }
  const error = writeReport(file, fixed.text, report.bom ?? false, bytes);
  if (error) return { text: report.text, error };
  notes.push(lang === 'zh' ? `已修复 ${fixed.applied} 处问题` : `fixed ${fixed.applied} ${fixed.applied === 1 ? 'problem' : 'problems'}`);
  return { text: fixed.text };
}

/**
 * What the CLI's outputs read of a finding: its rule, severity, span and its message in the run's
 * language. Fixes, related places and the other language are left behind — a batch keeps every
 * file's findings until the cross-report rules have run, and the worker pool clones them across threads.
 */
function slim(f: Finding, lang: 'zh' | 'en'): Finding {
  const message = localize(f.message, lang);
  return { rule: f.rule, severity: f.severity, span: { start: f.span.start, end: f.span.end }, message: { zh: message, en: message }, related: [], fixes: [] };
}

export const NOT_A_REPORT = {
  zh: '不是政府信息公开工作年度报告（没有法定章节或表格），已跳过',
  en: 'not an annual report (no statutory sections or tables): skipped',
};

export async function checkFile(file: string, options: CheckOptions, render?: Render): Promise<FileOutcome> {
  return checkImported(file, await importFile(file), options, render);
}

/**
 * Checking text that came from standard input (`check - --stdin-filename NAME`): the name says how
 * to read it (its extension) and which .jiaohe.json applies; nothing is ever written back.
 */
export async function checkBytes(name: string, bytes: Uint8Array, options: CheckOptions, render?: Render): Promise<FileOutcome> {
  return checkImported(name, await importReport(bytes, name), { ...options, fix: false }, render);
}

async function checkImported(file: string, loaded: ImportResult & { bytes?: Uint8Array }, options: CheckOptions, render?: Render): Promise<FileOutcome> {
  const lang = options.lang ?? 'en';
  if (!loaded.report) return failedOutcome(file, localize(loaded.error, lang));
  const report = loaded.report;
  const notes = report.notes.map((n) => localize(n, lang));
  const config = options.configs?.of(file) ?? configFor(file);
  const analysisOptions = { ...analyzeOptions(config.config, { format: options.reportFormat }), maxChars: BUDGETS.analysedChars };
  let text = report.text;
  if (options.fix) {
    const fixed = applyFixes(file, report, loaded.bytes ?? new Uint8Array(), analysisOptions, notes, lang);
    // Not written (read-only, changed meanwhile): said, and the findings of the file as it is stay.
    if (fixed.error) notes.push(fixed.error);
    text = fixed.text;
  }
  const analysis = analyze(text, analysisOptions);
  const { model, findings } = analysis;
  // Every file that is not a report is said to be skipped (a note beside a report, a README): a
  // clean run must not look as if it had checked something.
  if (!model.isReport) notes.push(localize(report.kind !== 'text' ? NO_REPORT_FOUND : NOT_A_REPORT, lang));
  return {
    file,
    notes,
    configError: config.error,
    kind: report.kind,
    format: model.format,
    year: model.year?.value ?? null,
    isReport: model.isReport,
    title: model.title?.text ?? null,
    findings: findings.map((f) => slim(f, lang)),
    facts: model.isReport ? extractFacts(model, { sections: options.crossReport !== false }) : null,
    lineStarts: model.source.lineStarts,
    places: report.places,
    rules: (analysisOptions.rules ?? {}) as Record<string, string>,
    summary: render?.(analysis),
    placeIndex: options.places && model.isReport ? placeIndex(model) : undefined,
  };
}
