// Outline (sections → sub-headings → tables) and folding ranges, in model terms (offsets).
import type { ReportModel, Table } from '../model/types';
import type { Span } from '../text/source';

export type SymbolKind = 'section' | 'subheading' | 'table';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** Everything the symbol covers. */
  range: Span;
  /** What to select and reveal: the heading itself. */
  selection: Span;
  children: OutlineSymbol[];
}

const TABLE_NAMES: Record<Table['kind'], string> = {
  active: '表二 主动公开政府信息情况',
  applications: '表三 收到和处理政府信息公开申请情况',
  appeals: '表四 行政复议、行政诉讼情况',
};

const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

function tableSymbol(model: ReportModel, t: Table): OutlineSymbol {
  const line = model.lines.at(t.line);
  return {
    name: TABLE_NAMES[t.kind],
    detail: t.format ? `${t.format === 'mixed' ? '2019/2021' : t.format}` : '',
    kind: 'table',
    range: t.range,
    selection: { start: line.content.start, end: line.content.end },
    children: [],
  };
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

export function outline(model: ReportModel): OutlineSymbol[] {
  const placed = new Set<Table>();
  const symbols = model.sections.map((s): OutlineSymbol => {
    const children: OutlineSymbol[] = s.children.map((c) => ({
      name: `（${c.ordinal}）${c.title}`,
      detail: '',
      kind: 'subheading' as const,
      range: c.range,
      selection: c.span,
      children: [],
    }));
    for (const t of model.tables) {
      if (!placed.has(t) && within(t.range, s.range)) {
        children.push(tableSymbol(model, t));
        placed.add(t);
      }
    }
    children.sort((a, b) => a.range.start - b.range.start);
    return {
      name: `${NUMERALS[s.writtenNumber] ?? s.writtenNumber}、${s.title.text}`,
      detail: s.titleMatch === 'standard' ? '' : s.titleMatch,
      kind: 'section' as const,
      range: s.range,
      selection: s.heading,
      children,
    };
  });
  for (const t of model.tables) if (!placed.has(t)) symbols.push(tableSymbol(model, t));
  return symbols.sort((a, b) => a.range.start - b.range.start);
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export function foldingRanges(model: ReportModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span) => {
    const startLine = model.source.lineOfOffset(span.start);
    const endLine = model.source.lineOfOffset(span.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const walk = (symbols: OutlineSymbol[]) => {
    for (const s of symbols) {
      add(s.range);
      walk(s.children);
    }
  };
  walk(outline(model));
  return ranges;
}
