import { analyze, skeleton, type AnalyzeOptions, type Finding } from '../../server/src/core';

export interface Seen {
  rule: string;
  severity: Finding['severity'];
  /** 1-based line of the start. */
  line: number;
  /** The text the finding covers. */
  text: string;
  message: string;
}

export function findings(text: string, rule?: string, options: AnalyzeOptions = {}): Seen[] {
  const { model, findings: all } = analyze(text, options);
  return all
    .filter((f) => !rule || f.rule === rule)
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: model.source.positionAt(f.span.start).line + 1,
      text: text.slice(f.span.start, f.span.end),
      message: f.message.en,
    }));
}

export const sk2019 = () => skeleton({ format: '2019', year: 2020, body: '某县人民政府' });
export const sk2021 = () => skeleton({ format: '2021', year: 2022, body: '某县人民政府' });

/** Replaces the first occurrence, failing loudly when the fixture text is not there. */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture text not found: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}
