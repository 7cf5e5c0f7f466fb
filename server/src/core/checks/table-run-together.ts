// Rows whose digits ran together with no separator and that the identities could not split
// (model/tables/run-together.ts). Said once per table, instead of a finding per row and cell:
// nobody can tell which value is which, so those rows are not checked.
import { TABLE_NAMES } from './shared/names';
import type { Check } from './types';

export const tableRunTogether: Check = {
  id: 'table-run-together',
  description: { zh: '表格数值连在一起，无法拆分', en: 'Table values run together and cannot be split' },
  defaultSeverity: 'information',
  fixable: false,
  run(ctx) {
    for (const table of ctx.model.tables) {
      const unread = table.rows.filter((r) => r.runTogether === 'unread');
      if (unread.length === 0) continue;
      const split = table.rows.filter((r) => r.runTogether === 'split').length;
      const first = unread[0];
      const names = unread.map((r) => r.spec?.label ?? r.label);
      const list = names.slice(0, 4).join('、') + (names.length > 4 ? '…' : '');
      const listEn = names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '');
      ctx.report({
        span: { start: first.labelSpan.start, end: first.labelSpan.end },
        message: {
          zh: `${TABLE_NAMES[table.kind].zh}的数值之间没有分隔（连成一串数字）${split > 0 ? `；按列数和勾稽关系拆分了 ${split} 行，` : '，'}另有 ${unread.length} 行无法唯一拆分，未参与核对：${list}。请在数值之间加上分隔（制表符或空格）。`,
          en: `${TABLE_NAMES[table.kind].en}: the values run together with no separator${split > 0 ? `; ${split} ${split === 1 ? 'row was' : 'rows were'} split by the columns and identities, but` : ';'} ${unread.length} ${unread.length === 1 ? 'row' : 'rows'} cannot be split in only one way and were not checked: ${listEn}. Separate the values (tabs or spaces).`,
        },
      });
    }
  },
};
