// A row with more or fewer value cells than its template: an unbalanced table.
import type { Table, TableRow } from '../model/types';
import { alignRow, rowFitsAll } from './shared/row-identities';
import { TABLE_NAMES } from './shared/names';
import type { Check, CheckContext, Fix, Message } from './types';

function rowName(table: Table, row: TableRow): Message {
  const label = row.spec?.label ?? row.label;
  return table.kind === 'appeals'
    ? { zh: TABLE_NAMES.appeals.zh, en: TABLE_NAMES.appeals.en }
    : { zh: `“${label}”行`, en: `row "${label}"` };
}

function explain(ctx: CheckContext, table: Table, row: TableRow): { detail: Message; fixes: Fix[] } {
  const alignment = alignRow(ctx.model, ctx.requiredFormat, table, row);
  if (alignment.kind !== 'unique') {
    return {
      detail: alignment.kind === 'ambiguous'
        ? { zh: '按本行合计关系无法确定是哪一格。', en: "The row's totals cannot tell which cell it is." }
        : { zh: '', en: '' },
      fixes: [],
    };
  }
  // The fix only where the repaired row also fits the column totals: it must not add a finding.
  const safe = rowFitsAll(ctx.model, ctx.requiredFormat, table, row, alignment.cells);
  if (alignment.op === 'remove') {
    const cell = row.cells[alignment.index];
    // Remove the cell with the separator before it (a tab or spaces), nothing else.
    const prev = row.cells[alignment.index - 1];
    const start = prev ? prev.end : cell.start;
    const end = prev ? cell.end : (row.cells[alignment.index + 1]?.start ?? cell.end);
    const many = alignment.positions.length > 1;
    const from = alignment.positions[0] + 1;
    const to = alignment.positions[alignment.positions.length - 1] + 1;
    return {
      detail: many
        ? {
            zh: `按本行合计关系，第 ${from}–${to} 格中多出一个“${cell.text}”（删去其中任一格，结果相同）。`,
            en: `By the row's totals, one of cells ${from}–${to} ("${cell.text}") is spurious (removing any of them gives the same row).`,
          }
        : {
            zh: `按本行合计关系，多出的是第 ${from} 格“${cell.text}”。`,
            en: `By the row's totals, the spurious cell is cell ${from} ("${cell.text}").`,
          },
      fixes: safe
        ? [
            {
              title: { zh: `删除多余的第 ${alignment.index + 1} 格`, en: `Remove the spurious cell ${alignment.index + 1}` },
              edits: [{ span: { start, end }, newText: '' }],
              preferred: true,
            },
          ]
        : [],
    };
  }
  const value = alignment.value?.toString();
  const name = row.columns[alignment.index]?.short ?? String(alignment.index + 1);
  const before = row.cells[alignment.index - 1];
  const after = row.cells[alignment.index];
  const separator = ctx.model.source.text.slice(before?.end ?? 0, after?.start ?? 0).includes('\t') ? '\t' : ' ';
  const fixes: Fix[] = value !== undefined && safe
    ? [
        {
          title: { zh: `补上缺少的格（${value}）`, en: `Insert the missing cell (${value})` },
          edits: [before ? { span: { start: before.end, end: before.end }, newText: `${separator}${value}` } : { span: { start: after.start, end: after.start }, newText: `${value}${separator}` }],
          preferred: true,
        },
      ]
    : [];
  if (alignment.positions.length > 1) {
    const from = row.columns[alignment.positions[0]]?.short;
    const to = row.columns[alignment.positions[alignment.positions.length - 1]]?.short;
    return {
      detail: {
        zh: `按本行合计关系，“${from}”至“${to}”之间缺少一个值为 ${value} 的格（补在其中任一处，结果相同）。`,
        en: `By the row's totals, a cell worth ${value} is missing between ${from} and ${to} (anywhere there gives the same row).`,
      },
      fixes,
    };
  }
  return {
    detail: {
      zh: `按本行合计关系，缺少的是“${name}”格${value !== undefined ? `（应为 ${value}）` : ''}。`,
      en: `By the row's totals, the missing cell is ${name}${value !== undefined ? ` (it must be ${value})` : ''}.`,
    },
    fixes,
  };
}

export const tableCellCount: Check = {
  id: 'table-cell-count',
  description: { zh: '表格行的数值个数与模板不符', en: 'A table row has too many or too few cells' },
  defaultSeverity: 'error',
  fixable: true,
  run(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        const expected = row.columns.length;
        // (A run-together row that could not be split has no cells: table-run-together says so.)
        if (!row.spec || expected === 0 || row.cells.length === expected || row.runTogether === 'unread') continue;
        const got = row.cells.length;
        const first = row.cells[0];
        const last = row.cells[got - 1];
        const span = table.kind === 'appeals' && first ? { start: first.start, end: last.end } : { start: row.labelSpan.start, end: last?.end ?? row.labelSpan.end };
        const { detail, fixes } = explain(ctx, table, row);
        const name = rowName(table, row);
        const columns = row.columns.map((c) => c.short).join('、');
        ctx.report({
          span,
          message: {
            zh: `${name.zh}有 ${got} 个数值，模板要求 ${expected} 个（${columns}）。${got < expected ? '缺格或有空格未填。' : '多出数值。'}${detail.zh}`,
            en: `${name.en} has ${got} values; the template has ${expected} (${row.columns.map((c) => c.id).join(', ')}). ${got < expected ? 'A cell is missing or left blank.' : 'There is a spurious value.'} ${detail.en}`.trim(),
          },
          fixes,
        });
      }
    }
  },
};
