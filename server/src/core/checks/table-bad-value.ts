// A value that cannot stand in its column (I5): counts are non-negative integers; only 本年增/减
// is signed; amounts are non-negative decimals.
import { TABLE_NAMES } from './shared/names';
import type { Check, Message } from './types';
import type { CellValue } from '../numbers/cell-value';
import type { ValueKind } from '../templates/types';

function problem(value: CellValue, kind: ValueKind): Message | undefined {
  if (value.kind === 'text') return { zh: '不是数字', en: 'is not a number' };
  if (value.kind !== 'number') return undefined;
  const v = value.value;
  if (kind === 'amount') return v.isNegative() ? { zh: '金额不能为负数', en: 'an amount cannot be negative' } : undefined;
  if (!v.isInteger()) return { zh: '件数不能有小数', en: 'a count cannot have decimals' };
  if (kind === 'signed') return undefined;
  if (v.isNegative()) return { zh: '件数不能为负数', en: 'a count cannot be negative' };
  if (value.explicitSign) return { zh: '只有“本年增/减”列可带正负号', en: 'only the 本年增/减 column takes a sign' };
  if (value.unit && /元/.test(value.unit)) return { zh: '件数列不应带金额单位', en: 'a count column takes no money unit' };
  return undefined;
}

export const tableBadValue: Check = {
  id: 'table-bad-value',
  description: { zh: '表格数值不符合该列要求', en: 'A value that cannot stand in its column' },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        if (!row.spec || row.columns.length === 0) continue;
        // In an unbalanced row only a uniform row (all counts: tables 三, 四) can still be judged.
        const uniform = row.columns.every((c) => c.kind === row.columns[0].kind);
        if (row.cells.length !== row.columns.length && !uniform) continue;
        row.cells.forEach((cell, i) => {
          const column = row.columns[Math.min(i, row.columns.length - 1)];
          const why = problem(cell.value, column.kind);
          if (!why) return;
          const balanced = row.cells.length === row.columns.length;
          const where = balanced
            ? { zh: table.kind === 'appeals' ? column.short : `${row.spec!.label} · ${column.short}`, en: table.kind === 'appeals' ? column.short : `${row.spec!.label} · ${column.short}` }
            : { zh: `${row.spec!.label} · 第${i + 1}格`, en: `${row.spec!.label} · cell ${i + 1}` };
          ctx.report({
            span: cell,
            message: {
              zh: `${TABLE_NAMES[table.kind].zh}“${where.zh}”的值“${cell.text}”${why.zh}。`,
              en: `${TABLE_NAMES[table.kind].en} cell ${where.en}: "${cell.text}" — ${why.en}.`,
            },
          });
        });
      }
    }
  },
};
