// A mandated row is absent from a table that is present.
import type { Table, TableRow } from '../model/types';
import type { RowSpec } from '../templates/types';
import { TABLE_NAMES } from './shared/names';
import { templateForTable } from './shared/scope';
import type { Check, CheckContext } from './types';

/** Reports each expected row not found, at the end of the row before it (where it belongs). */
function reportMissing(ctx: CheckContext, table: Table, expected: RowSpec[], found: TableRow[], fallback: number, where: string) {
  const ids = new Set(found.map((r) => r.spec?.id));
  expected.forEach((spec, i) => {
    if (ids.has(spec.id)) return;
    const before = expected.slice(0, i).reverse().map((s) => found.find((r) => r.spec?.id === s.id)).find((r) => r);
    const lastCell = before?.cells[before.cells.length - 1];
    const at = before ? (lastCell?.end ?? before.labelSpan.end) : fallback;
    ctx.report({
      span: { start: at, end: at },
      message: {
        zh: `${where}缺少“${spec.label}”行。`,
        en: `${TABLE_NAMES[table.kind].en} lacks the row "${spec.label}".`,
      },
    });
  });
}

export const tableRowMissing: Check = {
  id: 'table-row-missing',
  description: { zh: '表格缺少法定行', en: 'A mandated table row is missing' },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    for (const table of ctx.model.tables) {
      const tpl = templateForTable(ctx, table);
      if (!tpl) continue;
      const start = ctx.model.lines.endOf(table.line);
      if (table.kind === 'active') {
        for (const block of table.blocks ?? []) {
          if (!block.spec) continue;
          const at = block.caption?.end ?? start;
          reportMissing(ctx, table, block.spec.rows, block.rows, at, `${TABLE_NAMES.active.zh}“${block.spec.caption}”`);
        }
      } else if (table.kind === 'applications') {
        // A mixed table is judged by the required format's rows; format-version names the odd ones.
        reportMissing(ctx, table, tpl.tables.applications.rows, table.rows, start, TABLE_NAMES.applications.zh);
      } else {
        reportMissing(ctx, table, tpl.tables.appeals.rows, table.rows, table.headers.at(-1)?.end ?? start, TABLE_NAMES.appeals.zh);
      }
    }
  },
};
