// text → layout → report model. Tables are found first (by their own anchors, not by sections),
// so that table rows such as "四、结转下年度继续办理" are never taken for section headings.
import { LineSet } from '../layout/line-set';
import { layoutAfterCuts, layoutLines, LineSpans, LineTable, type LayoutLine } from '../layout/lines';
import { SourceText } from '../text/source';
import { formatForYear } from '../templates';
import type { DetectedFormat, FormatId } from '../templates/types';
import { readFigures } from './figures';
import { Unchanged } from './unchanged';
import { inlineBreaksOf } from './inline-breaks';
import { readPeriod, readTitle } from './meta';
import { headingReader, readSections, type HeadingReader } from './sections';
import { isActiveAnchor, parseActiveTable } from './tables/active-table';
import { isApplicationsAnchor, parseApplicationsTable } from './tables/applications-table';
import { isAppealsAnchor, parseAppealsTable } from './tables/appeals-table';
import { splitRunTogetherRows } from './tables/run-together';
import { lineTokens } from './tables/tokens';
import type { ReportModel, Table } from './types';

function findTables(lines: readonly LayoutLine[], readHeading: HeadingReader): Table[] {
  const isHeadingLine = (line: LayoutLine) => readHeading(line) !== undefined;
  const tables: Table[] = [];
  const taken = new LineSet(lines.length);
  const found = new Set<Table['kind']>();
  const mark = (t: Table) => {
    tables.push(t);
    found.add(t.kind);
    let last = t.line;
    while (last < lines.length && lines[last].end < t.range.end) last++;
    taken.addRange(t.line, last);
  };
  for (let i = 0; i < lines.length && found.size < 3; i++) {
    // (Once all three tables are found, the rest of a long document needs no tokenising here.)
    if (taken.has(i) || lines[i].kind !== 'text') continue;
    const tokens = lineTokens(lines[i]);
    if (tokens.length === 0) continue;
    if (!found.has('active') && isActiveAnchor(tokens)) {
      mark(parseActiveTable(lines, i, (line, t) => isHeadingLine(line) || isApplicationsAnchor(t)));
    } else if (!found.has('applications') && isApplicationsAnchor(tokens)) {
      mark(parseApplicationsTable(lines, i, isHeadingLine));
    } else if (!found.has('appeals') && tokens.some((t) => t.text.includes('行政复议'))) {
      const following = () => lines.slice(i + 1, i + 12).flatMap(lineTokens);
      if (isAppealsAnchor(tokens, following)) mark(parseAppealsTable(lines, i, isHeadingLine));
    }
  }
  return tables;
}

/** Lines covered by tables: they are not prose (no headings, no prose figures). */
function tableLineSet(lines: readonly LayoutLine[], tables: readonly Table[]): LineSet {
  const set = new LineSet(lines.length);
  for (const t of tables) {
    // (A line that starts where the table ends is not in it: a heading cut off its last row.)
    for (let i = t.line; i < lines.length && (i === t.line || lines[i].start < t.range.end); i++) set.add(i);
  }
  return set;
}

/**
 * Format by the tables' layout. Table 二 differs between the formats in every block, table 三
 * only in （六）, so table 二 weighs more; a tie goes to the format the year requires.
 */
function detectFormat(tables: readonly Table[], year: number | undefined): DetectedFormat | null {
  const votes = new Map<FormatId, number>();
  const vote = (f: FormatId, n: number) => votes.set(f, (votes.get(f) ?? 0) + n);
  for (const t of tables) {
    const weight = t.kind === 'active' ? 2 : 1;
    if (t.format === 'mixed') for (const r of t.rows) if (r.format) vote(r.format, weight / t.rows.length);
    if (t.format && t.format !== 'mixed') vote(t.format, weight);
  }
  const byYear = year !== undefined ? formatForYear(year) : null;
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] === byYear ? -1 : b[0] === byYear ? 1 : 0));
  if (ranked.length > 0) return ranked[0][0];
  return byYear;
}

/**
 * The text's lines, cut where a line holds headings or table cells run together, laid out. Most
 * reports need no cut: their lines are laid out once.
 */
function layout(source: SourceText, unchanged: Unchanged | undefined): { spans: LineSpans; lines: LayoutLine[]; cuts: Int32Array } {
  const own = LineSpans.of(source);
  const lines = layoutLines(own);
  const find = (from: number, to: number) => inlineBreaksOf(lines, source.text, from, to);
  const cuts = unchanged ? unchanged.inlineCuts(lines, find) : find(0, lines.length);
  if (cuts.length === 0) return { spans: own, lines, cuts: NO_CUTS };
  const spans = own.withCuts(cuts);
  return { spans, lines: layoutAfterCuts(lines, spans), cuts: Int32Array.from(cuts).sort() };
}

const NO_CUTS = new Int32Array(0);

/** `previous`: the model of the same document before an edit, whose unchanged lines need not be read again. */
export function buildModel(text: string, previous?: ReportModel): ReportModel {
  const unchanged = Unchanged.between(previous, text);
  const source = unchanged ? unchanged.source(text) : new SourceText(text);
  const { spans, lines, cuts } = layout(source, unchanged);
  const readHeading = headingReader(lines.length);
  const tables = findTables(lines, readHeading);
  for (const t of tables) splitRunTogetherRows(t, lines);
  const tableLines = tableLineSet(lines, tables);
  const { title, year: titleYear } = readTitle(lines);
  const period = readPeriod(source, lines, tableLines);
  const year = titleYear ?? (period ? { value: period.endYear, span: { start: period.start, end: period.end } } : undefined);
  const sections = readSections(lines, tableLines, readHeading);
  const { figures, figureLines, figuresRead } = readFigures(lines, tableLines, unchanged);
  const recognisedSections = sections.filter((s) => s.titleMatch !== 'similar').length;
  // A report has the body of one — a mandated table or statutory headings — not just a title (a
  // note that names a report is not one).
  const isReport = tables.length > 0 || recognisedSections >= 3 || (title !== undefined && recognisedSections >= 1);
  return {
    source,
    lines: new LineTable(spans),
    isReport,
    title,
    year,
    period,
    format: detectFormat(tables, year?.value),
    sections,
    tables,
    figures,
    figureLines,
    figuresRead,
    inlineCuts: cuts,
    tableLines,
    problems: [],
  };
}
