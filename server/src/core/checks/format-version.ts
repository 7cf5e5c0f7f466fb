// The tables must follow the format of the report's year: 2019 and 2020 the 2019 format, 2021 on
// the 2021 one. Real reports mix both (a 2021 report whose table 三 keeps the single （六） row).
import type { FormatId } from '../templates/types';
import { formatName, TABLE_NAMES } from './shared/names';
import type { Table, TableRow } from '../model/types';
import { rowFitsAll } from './shared/row-identities';
import { isPre2019 } from './shared/scope';
import { template } from '../templates';
import { labelCore } from '../text/normalize';
import type { Check, CheckContext, Fix, Message } from './types';
import type { Span } from '../text/source';

function yearText(ctx: CheckContext): Message {
  const y = ctx.model.year?.value;
  return y ? { zh: `${y}年度报告`, en: `A ${y} report` } : { zh: '本报告', en: 'This report' };
}

/**
 * The 2019 single （六）其他处理 row, rewritten as the 2021 group of three rows: its values go under
 * 3.其他, the two new rows get zeros. Offered only for a balanced row in the same layout (tabs or
 * pipes) as written, and never preferred: the clerk should sort the cases.
 */
function splitOtherRow(ctx: CheckContext, table: Table, row: TableRow, required: FormatId): Fix[] {
  if (row.spec?.id !== 'other' || required !== '2021' || row.cells.length !== row.columns.length) return [];
  // Only a row whose label is the 2019 label itself: a label fused with other text (a paste that ran
  // rows together) is no row to rewrite (found by fuzzing).
  if (!row.spec.keys.includes(labelCore(row.label))) return [];
  // Only a row whose values add up (its own total, and the (七) total with the other rows as they
  // stand): under 3.其他 they are judged, and a rewrite must not bring a wrong total to light as a
  // new finding of its own making (found by fuzzing).
  const numbers = row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : undefined));
  if (!rowFitsAll(ctx.model, required, table, row, numbers)) return [];
  const rows = template('2021').tables.applications.rows.filter((r) => r.group === 'other');
  const group = template('2021').tables.applications.groups.find((g) => g.id === 'other')!;
  const lineText = ctx.model.lines.textOf(row.line);
  const pipe = lineText.trim().startsWith('|');
  const join = (cells: string[]) => (pipe ? cells.join(' | ') : cells.join('\t'));
  const zeros = row.columns.map(() => '0');
  const values = row.cells.map((c) => c.text);
  const lines = rows.map((r, i) => join([...(i === 0 ? [group.label] : []), r.label, ...(i === rows.length - 1 ? values : zeros)]));
  const last = row.cells[row.cells.length - 1];
  return [
    {
      title: { zh: '改为2021年版的三行（原数值记入“3.其他”）', en: 'Rewrite as the three 2021 rows (values under 3.其他)' },
      edits: [{ span: { start: row.labelSpan.start, end: last.end }, newText: lines.join(pipe ? ' |\n| ' : '\n') }],
      preferred: false,
    },
  ];
}

export const formatVersion: Check = {
  id: 'format-version',
  description: { zh: '表格格式与报告年度不符或新旧格式混用', en: "Tables in the other year's format, or both mixed" },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    const required = ctx.requiredFormat;
    if (isPre2019(ctx)) {
      // Said once, so that no findings is not read as "all checked".
      const at = ctx.model.title ?? { start: 0, end: 0 };
      ctx.report({
        span: { start: at.start, end: at.end },
        severity: 'information',
        message: {
          zh: `${yearText(ctx).zh}适用2019年以前的旧格式（2008年《条例》），不是2019年版或2021年版模板：章节、三张法定表格、勾稽关系和表文一致性未按模板核对。`,
          en: `${yearText(ctx).en} follows the format before 2019 (the 2008 regulations), not the 2019 or 2021 template: its sections, the three mandated tables, their identities and the prose against them were not checked.`,
        },
      });
      return;
    }
    if (!required) return;
    const need = formatName(required);
    const report = (span: Span, what: Message, found: FormatId, fixes: Fix[] = []) => {
      const year = yearText(ctx);
      ctx.report({
        span,
        fixes,
        message: {
          zh: `${year.zh}应使用${need.zh}，但${what.zh}是${formatName(found).zh}。`,
          en: `${year.en} must use ${need.en}, but ${what.en} follows ${formatName(found).en}.`,
        },
      });
    };
    for (const table of ctx.model.tables) {
      if (table.kind === 'active') {
        for (const block of table.blocks ?? []) {
          if (!block.format || block.format === required) continue;
          const at = block.caption ?? block.rows[0]?.labelSpan ?? { start: table.range.start, end: table.range.start };
          report({ start: at.start, end: at.end }, { zh: `第二十条第（${block.id}）项`, en: `the 第二十条第（${block.id}）项 block` }, block.format);
        }
      } else {
        // Rows that only the other format has (table 三 （六）).
        for (const row of table.rows) {
          if (!row.format || row.format === required) continue;
          report(
            row.labelSpan,
            { zh: `${TABLE_NAMES[table.kind].zh}的“${row.label.trim()}”行`, en: `the row "${row.label.trim()}" of ${TABLE_NAMES[table.kind].en}` },
            row.format,
            splitOtherRow(ctx, table, row, required),
          );
        }
      }
    }
  },
};
