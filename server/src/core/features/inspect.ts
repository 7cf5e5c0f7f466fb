// The model as plain JSON (for `jiaohe inspect`): 1-based lines, cell texts, null for blanks.
import type { ReportModel, Table } from '../model/types';

export interface InspectedSection {
  number: number;
  title: string;
  line: number;
  titleMatch: string;
  children: Array<{ ordinal: string; title: string; line: number }>;
}

export interface InspectedTable {
  kind: Table['kind'];
  format: string | null;
  line: number;
  rows: Array<{ label: string; row: string | null; line: number; cells: Array<string | null> }>;
}

export interface InspectedModel {
  format: string | null;
  year: number | null;
  title: string | null;
  isReport: boolean;
  period: string | null;
  sections: InspectedSection[];
  tables: InspectedTable[];
  figures: Array<{ text: string; unit: string; approx: string; line: number }>;
}

export function inspectModel(model: ReportModel): InspectedModel {
  return {
    format: model.format,
    year: model.year?.value ?? null,
    title: model.title?.text ?? null,
    isReport: model.isReport,
    period: model.period?.text ?? null,
    sections: model.sections.map((s) => ({
      number: s.number,
      title: s.title.text,
      line: s.line + 1,
      titleMatch: s.titleMatch,
      children: s.children.map((c) => ({ ordinal: c.ordinal, title: c.title, line: c.line + 1 })),
    })),
    tables: model.tables.map((t) => ({
      kind: t.kind,
      format: t.format ?? null,
      line: t.line + 1,
      rows: t.rows.map((r) => ({
        label: r.label,
        row: r.spec ? (r.block ? `${r.block}/${r.spec.id}` : r.spec.id) : null,
        line: r.line + 1,
        cells: r.cells.map((c) => (c.text === '' ? null : c.text)),
      })),
    })),
    figures: model.figures.map((f) => ({ text: f.text, unit: f.unit, approx: f.approx, line: f.line + 1 })),
  };
}
