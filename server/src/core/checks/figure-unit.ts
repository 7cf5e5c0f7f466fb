// Amounts and their units: an amount with no unit where the header fixes none, a value that breaks
// the header's own rule ("单位：万元，保留4位小数" with "7"), a cell unit that contradicts the
// header, or a magnitude that suggests 元 written under 万元.
import type { ActiveBlock, Cell, HeaderCell } from '../model/types';
import { Decimal } from '../numbers/decimal';
import type { Check, CheckContext, Fix } from './types';

/** 100亿元 in 万元: more than any single body's fees or procurement; 元 written as 万元. */
const IMPLAUSIBLE_WAN = Decimal.fromInt(1_000_000);

function headerFor(block: ActiveBlock, columnIndex: number): HeaderCell | undefined {
  return block.headers[columnIndex];
}

function rewrite(cell: Cell, value: Decimal, unitText: string, title: { zh: string; en: string }, preferred: boolean): Fix {
  return { title, edits: [{ span: cell, newText: `${value}${unitText}` }], preferred };
}

function checkCell(ctx: CheckContext, cell: Cell, header: HeaderCell | undefined, where: string) {
  if (cell.value.kind !== 'number') return;
  const { value, unit: cellUnit } = cell.value;
  const note = header?.unit;
  // Zero is zero in any unit.
  if (!cellUnit && !note && !value.isZero()) {
    ctx.report({
      span: cell,
      message: {
        zh: `${where}“${cell.text}”没有单位，表头也未注明单位（元还是万元？）。`,
        en: `${where} "${cell.text}" has no unit and the header fixes none (元 or 万元?).`,
      },
    });
    return;
  }
  if (!cellUnit && !note) return;
  if (cellUnit && note && cellUnit !== note.unit) {
    ctx.report({
      span: cell,
      message: {
        zh: `${where}“${cell.text}”的单位是${cellUnit}，表头注明单位为${note.unit}。`,
        en: `${where} "${cell.text}" is in ${cellUnit}, but the header says ${note.unit}.`,
      },
    });
    return;
  }
  const unit = cellUnit ?? note!.unit;
  if (unit === '万元' && value.compare(IMPLAUSIBLE_WAN) >= 0) {
    const inWan = value.shift(-4);
    ctx.report({
      span: cell,
      message: {
        zh: `${where}为 ${value} 万元（即 ${value.shift(-4)} 亿元），数量级可疑：是否把“元”写成了“万元”？按元计应为 ${inWan} 万元。`,
        en: `${where} is ${value} 万元 (${value.shift(-4)} 亿元): is this an amount in 元 written under 万元? In 元 it would be ${inWan} 万元.`,
      },
      fixes: [rewrite(cell, note?.decimals !== undefined ? inWan.round(note.decimals) : inWan, cellUnit ? ' 万元' : '', { zh: `按元换算为 ${inWan} 万元`, en: `Convert from 元: ${inWan} 万元` }, false)],
    });
    return;
  }
  if (note?.decimals !== undefined && value.decimals !== note.decimals) {
    const rounded = value.round(note.decimals);
    const lossless = rounded.equals(value);
    ctx.report({
      span: cell,
      message: {
        zh: `表头要求保留 ${note.decimals} 位小数，${where}写作“${cell.text}”，应为“${rounded}”。`,
        en: `The header asks for ${note.decimals} decimals; ${where} reads "${cell.text}", it should be "${rounded}".`,
      },
      fixes: [rewrite(cell, rounded, cellUnit ? ` ${cellUnit}` : '', { zh: `改为 ${rounded}`, en: `Write ${rounded}` }, lossless)],
    });
  }
}

export const figureUnit: Check = {
  id: 'figure-unit',
  description: { zh: '金额单位或小数位数有误', en: 'An amount without a unit, or against its header' },
  defaultSeverity: 'warning',
  fixable: true,
  run(ctx) {
    const active = ctx.model.tables.find((t) => t.kind === 'active');
    for (const block of active?.blocks ?? []) {
      for (const row of block.rows) {
        if (!row.spec || row.cells.length !== row.columns.length) continue;
        row.columns.forEach((col, i) => {
          if (col.kind !== 'amount') return;
          checkCell(ctx, row.cells[i], headerFor(block, i), `${row.spec!.label}·${col.header.replace(/（.*$/, '')}`);
        });
      }
    }
  },
};
