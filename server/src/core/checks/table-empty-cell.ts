// A required cell left blank, "/" or "—". Such a cell is not 0: identities over it are not judged.
import { blankCells, blankReading } from '../evaluate/blanks';
import { constraintOn, evaluateIdentities } from '../evaluate/identities';
import { TABLE_NAMES } from './shared/names';
import type { Check } from './types';
import type { Cell, Table } from '../model/types';

/** "（一）予以公开 · 总计": where a cell stands, for a message. */
function cellName(table: Table, cell: Cell): string {
  for (const row of table.rows) {
    const i = row.cells.indexOf(cell);
    if (i >= 0 && row.spec) return table.kind === 'appeals' ? row.columns[i].short : `${row.spec.label} · ${row.columns[i].short}`;
  }
  return '';
}

export const tableEmptyCell: Check = {
  id: 'table-empty-cell',
  description: { zh: '表格有空格或“/”“—”', en: 'A table cell is blank, "/" or "—"' },
  defaultSeverity: 'warning',
  fixable: true,
  run(ctx) {
    const evaluated = evaluateIdentities(ctx.model, ctx.requiredFormat);
    for (const table of ctx.model.tables) {
      // Blanks that evidently mean 0 (and totals evidently left out): one finding for the table,
      // and one fix writing every value.
      const reading = blankReading(ctx.model, table, null);
      if (reading) {
        const blanks = blankCells(table);
        const totals = blanks.filter((c) => reading.derived.has(c));
        const edits = blanks.map((c) => ({ span: { start: c.start, end: c.end }, newText: (reading.derived.get(c) ?? '0').toString() }));
        const name = TABLE_NAMES[table.kind];
        ctx.report({
          span: { start: blanks[0].start, end: blanks[0].end },
          fixes: [
            {
              title: totals.length === 0 ? { zh: `全部空格填入 0（${blanks.length} 格）`, en: `Write 0 in all ${blanks.length} blank cells` } : { zh: `空格填入 0，空着的合计填入各部分之和（${blanks.length} 格）`, en: `Write 0 in the blank cells and the sums in the blank totals (${blanks.length} cells)` },
              edits,
              preferred: true,
            },
          ],
          message:
            totals.length === 0
              ? {
                  zh: `${name.zh}有 ${blanks.length} 个空格；按勾稽关系它们都是 0，没有数据应填 0（核对时按 0 计）。`,
                  en: `${name.en} has ${blanks.length} blank cells; by the identities they are all 0, and a blank should be written as 0 (checked as 0).`,
                }
              : {
                  zh: `${name.zh}有 ${blanks.length} 个空格：其中 ${totals.length} 个是空着的合计（按勾稽关系为各部分之和，如 ${cellName(table, totals[0])} = ${reading.derived.get(totals[0])}），其余按勾稽关系为 0；合计应填写，没有数据应填 0（核对时按此计）。`,
                  en: `${name.en} has ${blanks.length} blank cells: ${totals.length} are totals left blank (by the identities the sum of their parts, e.g. ${cellName(table, totals[0])} = ${reading.derived.get(totals[0])}), the others are 0; write the totals in, and 0 where there is nothing to report (checked so).`,
                },
        });
        continue;
      }
      for (const row of table.rows) {
        if (!row.spec || row.cells.length !== row.columns.length) continue;
        row.cells.forEach((cell, i) => {
          if (cell.value.kind !== 'blank' && cell.value.kind !== 'dash') return;
          const column = row.columns[i];
          const where = table.kind === 'appeals' ? column.short : `${row.spec!.label} · ${column.short}`;
          const shown = cell.value.kind === 'blank' ? { zh: '空白', en: 'blank' } : { zh: `“${cell.text}”`, en: `"${cell.text}"` };
          // The identities decide the value; where none binds the cell, 0 is offered (not preferred);
          // where they disagree, any value breaks one of them: no fix.
          const constraint = constraintOn(evaluated, { row: row.spec!.id, column: column.id });
          const edit = (text: string) => [{ span: { start: cell.start, end: cell.end }, newText: text }];
          const fixes =
            constraint.kind === 'forced'
              ? [{ title: { zh: `按勾稽关系填入 ${constraint.value}`, en: `Fill in ${constraint.value}, as the identities require` }, edits: edit(constraint.value.toString()), preferred: true }]
              : constraint.kind === 'free'
                ? [{ title: { zh: '填入 0', en: 'Fill in 0' }, edits: edit('0'), preferred: false }]
                : [];
          ctx.report({
            span: cell,
            fixes,
            message: {
              zh: `${TABLE_NAMES[table.kind].zh}“${where}”为${shown.zh}；没有数据应填 0。`,
              en: `${TABLE_NAMES[table.kind].en} cell ${where} is ${shown.en}; write 0 where there is nothing to report.`,
            },
          });
        });
      }
    }
  },
};
