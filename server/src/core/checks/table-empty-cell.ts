// A required cell left blank, "/" or "—". Such a cell is not 0: identities over it are not judged.
import { constraintOn, evaluateIdentities } from '../evaluate/identities';
import { TABLE_NAMES } from './shared/names';
import type { Check } from './types';

export const tableEmptyCell: Check = {
  id: 'table-empty-cell',
  description: { zh: '表格有空格或“/”“—”', en: 'A table cell is blank, "/" or "—"' },
  defaultSeverity: 'warning',
  fixable: true,
  run(ctx) {
    const evaluated = evaluateIdentities(ctx.model, ctx.requiredFormat);
    for (const table of ctx.model.tables) {
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
