// Where a finding stands in the report's own terms — section, table, row and column — for readers
// who answer in writing (the reviewer's memo) rather than jump to a line. Plain data, so it crosses
// thread boundaries with the rest of a checked file and serves findings added after the analysis
// (the cross-report rules).
import { sectionName, TABLE_SHORT_NAMES } from '../checks/shared/names';
import type { Message } from '../checks/types';
import type { ReportModel, Table, TableRow } from '../model/types';

interface Stretch {
  start: number;
  end: number;
  where: Message;
}

export interface PlaceIndex {
  /** Sections in document order: heading start to the section's end. */
  sections: Stretch[];
  /** Tables' rows (label to last cell) and, inside them, each cell with its column. */
  rows: Stretch[];
  cells: Stretch[];
  /** Whole tables, for a finding on a table's caption or headers. */
  tables: Stretch[];
}

const joinWhere = (a: Message, b: Message): Message => ({ zh: `${a.zh} ${b.zh}`, en: `${a.en}, ${b.en}` });

function rowName(table: Table, row: TableRow): Message {
  // The template's wording where the row is known ("（三）不予公开 3.危及“三安全一稳定”" reads as its label).
  const label = row.spec?.label ?? row.label;
  // Table 二's rows stand in blocks captioned by the template (第二十条第（五）项).
  const caption = row.block && (table.blocks?.find((b) => b.id === row.block)?.spec?.caption ?? row.block);
  return { zh: `${caption ? `${caption} ` : ''}“${label}”行`, en: `${caption ? `${caption}, ` : ''}row “${label}”` };
}

export function placeIndex(model: ReportModel): PlaceIndex {
  const index: PlaceIndex = { sections: [], rows: [], cells: [], tables: [] };
  for (const s of model.sections) index.sections.push({ start: s.heading.start, end: s.range.end, where: sectionName(s.number) });
  for (const table of model.tables) {
    const name = TABLE_SHORT_NAMES[table.kind];
    index.tables.push({ start: table.range.start, end: table.range.end, where: name });
    for (const row of table.rows) {
      const rowWhere = joinWhere(name, rowName(table, row));
      const last = row.cells[row.cells.length - 1];
      index.rows.push({ start: Math.min(row.labelSpan.start, row.cells[0]?.start ?? row.labelSpan.start), end: Math.max(row.labelSpan.end, last?.end ?? 0), where: rowWhere });
      row.cells.forEach((cell, i) => {
        const column = row.columns[i];
        const columnName: Message = column
          ? { zh: `“${column.short}”列`, en: `column “${column.short}”` }
          : { zh: `第${i + 1}格（多出的一格）`, en: `cell ${i + 1} (one too many)` };
        index.cells.push({ start: cell.start, end: cell.end, where: joinWhere(rowWhere, columnName) });
      });
    }
  }
  for (const list of [index.rows, index.cells, index.tables]) list.sort((a, b) => a.start - b.start);
  return index;
}

/** The innermost stretch holding `offset` (lists are in document order; a few hundred entries). */
function find(list: readonly Stretch[], offset: number): Stretch | undefined {
  let best: Stretch | undefined;
  for (const s of list) {
    if (s.start > offset) break;
    if (offset < Math.max(s.end, s.start + 1)) best = s;
  }
  return best;
}

/** "三、收到和处理政府信息公开申请情况 · 表三 “（七）总计”行 “总计”列"; undefined before the first section. */
export function placeOf(index: PlaceIndex, offset: number): Message | undefined {
  const section = find(index.sections, offset)?.where;
  const inTable = find(index.cells, offset) ?? find(index.rows, offset) ?? find(index.tables, offset);
  const parts = [section, inTable?.where].filter((m): m is Message => m !== undefined);
  if (parts.length === 0) return undefined;
  return { zh: parts.map((m) => m.zh).join(' · '), en: parts.map((m) => m.en).join(' · ') };
}
