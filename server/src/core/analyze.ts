// The one entry point: text → model → findings. Synchronous, deterministic, pure.
import { CHECKS } from './checks/registry';
import type { BatchContext, Check, Finding, FindingInput, RuleSetting } from './checks/types';
import { buildModel } from './model/build';
import { MAX_ANALYSED_CHARS } from './limits';
import { suppress } from './suppress';
import type { ReportModel } from './model/types';
import { formatForYear } from './templates';
import type { FormatId } from './templates/types';

export interface AnalyzeOptions {
  /** 'auto' (default): the format the year requires, else the one the tables follow. */
  format?: 'auto' | FormatId;
  /** Per-rule severity or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Checks to run instead of the registry (tests). */
  checks?: readonly Check[];
  /** Fingerprints of findings the user chose to ignore (.jiaohe.json "ignore"). */
  ignore?: readonly string[];
  /** Other reports to compare with (last year's, a batch's). */
  context?: BatchContext;
  /** Or: found once the model says which body and year this is (the editor looks beside the file). */
  contextFor?: (model: ReportModel) => BatchContext | undefined;
  /** The analysis budget in characters (default MAX_ANALYSED_CHARS). */
  maxChars?: number;
  /**
   * The whole document's length, when `text` is only its analysed part (already cut at
   * `analysedLength`): a thread sent only what it analyses still says where checking stopped.
   */
  wholeLength?: number;
  /**
   * The model of the same document before an edit (an editor's): the lines the edit left as they
   * were are not read again. The result is the same with it or without.
   */
  previous?: ReportModel;
}

export interface Analysis {
  model: ReportModel;
  findings: Finding[];
  /** The other reports it was compared with (last year's, a batch's), when any. */
  context?: BatchContext;
}

export function requiredFormat(model: ReportModel, option: AnalyzeOptions['format']): FormatId | null {
  if (option === '2019' || option === '2021') return option;
  const byYear = model.year ? formatForYear(model.year.value) : undefined;
  if (byYear === '2019' || byYear === '2021') return byYear;
  if (byYear === 'pre-2019') return null;
  return model.format === '2019' || model.format === '2021' ? model.format : null;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || compareRuleIds(a.rule, b.rule);
}

/**
 * Rule ids are lower-case ASCII words and hyphens: compared by code unit, which orders them as
 * `localeCompare` does, without ICU's collator. (The first `localeCompare` of a process loads it:
 * ~5 MB of RSS, in the language server's worker as well as on its main thread.)
 */
export function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings listed per rule and document at most (the rest are counted in one more). */
export const MAX_FINDINGS_PER_RULE = 500;

export { MAX_ANALYSED_CHARS };


/** Where the analysed part of `text` ends: a line end before `budget`, or `budget` itself. */
export function analysedLength(text: string, budget: number = MAX_ANALYSED_CHARS): number {
  if (text.length <= budget) return text.length;
  const lineEnd = text.lastIndexOf('\n', budget - 1);
  if (lineEnd > budget / 2) return lineEnd + 1;
  // One enormous line: cut inside it, never between the halves of a surrogate pair.
  const code = text.charCodeAt(budget - 1);
  return code >= 0xd800 && code <= 0xdbff ? budget - 1 : budget;
}

/** The part of `text` that is analysed, and the whole length (a thread may be sent only the part). */
export function analysedPart(text: string, budget: number = MAX_ANALYSED_CHARS): { text: string; wholeLength: number } {
  const length = analysedLength(text, budget);
  return { text: length < text.length ? text.slice(0, length) : text, wholeLength: text.length };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const part = analysedPart(text, options.maxChars);
  const model = buildModel(part.text, options.previous);
  const whole = Math.max(part.wholeLength, options.wholeLength ?? 0);
  if (part.text.length < whole) model.truncated = { offset: part.text.length, length: whole };
  const findings: Finding[] = [];
  if (!model.isReport) return { model, findings };
  const required = requiredFormat(model, options.format);
  const context = options.context ?? options.contextFor?.(model);
  for (const check of options.checks ?? CHECKS) {
    const setting = options.rules?.[check.id] ?? check.defaultSeverity;
    if (setting === 'off') continue;
    // Spans are copied to plain offsets: a check may pass a model object (a cell, a figure).
    const span = (x: { start: number; end: number }) => ({ start: x.start, end: x.end });
    let count = 0;
    let lastSpan = { start: 0, end: 0 };
    const report = (f: FindingInput) => {
      // A budget per rule and document: a hostile or wildly broken file must not produce megabytes
      // of findings; what is over it is counted in one last finding.
      if (++count > MAX_FINDINGS_PER_RULE) return;
      lastSpan = span(f.span);
      findings.push({
        rule: check.id,
        severity: f.severity && setting === check.defaultSeverity ? f.severity : setting,
        span: span(f.span),
        message: f.message,
        related: (f.related ?? []).map((r) => ({ span: span(r.span), message: r.message })),
        fixes: (f.fixes ?? []).map((x) => ({ ...x, edits: x.edits.map((e) => ({ span: span(e.span), newText: e.newText })) })),
      });
    };
    try {
      check.run({ model, requiredFormat: required, report, context });
      if (count > MAX_FINDINGS_PER_RULE) {
        const more = count - MAX_FINDINGS_PER_RULE;
        findings.push({
          rule: check.id,
          severity: 'information',
          span: lastSpan,
          message: {
            zh: `规则 ${check.id} 另有 ${more} 条问题未列出（每个文件每条规则最多列出 ${MAX_FINDINGS_PER_RULE} 条）。`,
            en: `${more} more findings of ${check.id} are not listed (at most ${MAX_FINDINGS_PER_RULE} per rule and file).`,
          },
          related: [],
          fixes: [],
        });
      }
    } catch (error) {
      // A broken check must not take the others (or the editor) down: report it where it is seen.
      findings.push({
        rule: 'internal-error',
        severity: 'warning',
        span: { start: 0, end: 0 },
        message: {
          zh: `检查 ${check.id} 内部出错：${String(error)}`,
          en: `Check ${check.id} failed internally: ${String(error)}`,
        },
        related: [],
        fixes: [],
      });
    }
  }
  findings.sort(compareFindings);
  return { model, findings: suppress(findings, model.source, new Set(options.ignore ?? [])), context };
}

export function localize(message: { zh: string; en: string }, locale: string | undefined): string {
  return locale && locale.toLowerCase().startsWith('zh') ? message.zh : message.en;
}
