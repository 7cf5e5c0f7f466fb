// What "the same report" means across sources: the sections, every table cell mapped to its
// template row, and the findings (rule and message; line numbers in messages differ by source).
import { analyze, inspectModel } from '../../server/src/core';

export function reportShape(text: string) {
  const analysis = analyze(text);
  const model = inspectModel(analysis.model);
  return {
    format: model.format,
    year: model.year,
    sections: model.sections.map((s) => ({ number: s.number, title: s.title, children: s.children.map((c) => c.ordinal) })),
    tables: model.tables.map((t) => ({ kind: t.kind, rows: t.rows.map((r) => ({ row: r.row, cells: r.cells })) })),
    findings: analysis.findings.map((f) => `${f.rule}: ${f.message.en.replace(/\bline \d+/g, 'line N')}`).sort(),
  };
}
