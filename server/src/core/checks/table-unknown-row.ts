// A row of values whose label matches no template row: the parser could not place it, so no
// other check can judge it. Said plainly rather than dropped.
import { TABLE_NAMES } from './shared/names';
import type { Check } from './types';

export const tableUnknownRow: Check = {
  id: 'table-unknown-row',
  description: { zh: '表格中有无法识别的行', en: 'A table row the template does not know' },
  defaultSeverity: 'warning',
  fixable: false,
  run(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        if (row.spec || row.cells.length === 0) continue;
        const last = row.cells[row.cells.length - 1];
        const label = row.label.trim() || row.cells.map((c) => c.text).join(' ');
        ctx.report({
          span: { start: row.labelSpan.start, end: Math.max(row.labelSpan.end, last.end) },
          message: {
            zh: `${TABLE_NAMES[table.kind].zh}中的“${label}”无法对应到模板中的任何一行，未参与核对。`,
            en: `${TABLE_NAMES[table.kind].en}: "${label}" matches no template row and was not checked.`,
          },
        });
      }
    }
  },
};
