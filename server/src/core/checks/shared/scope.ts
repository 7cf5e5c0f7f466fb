// When template checks apply. Reports before 2019 follow the old 条例 and its own layout: they
// are recognised as 'pre-2019' and not judged against the 2019/2021 templates.
import type { CheckContext } from '../types';
import { template } from '../../templates';
import type { FormatId, FormatTemplate } from '../../templates/types';
import type { Table } from '../../model/types';

export function isPre2019(ctx: CheckContext): boolean {
  return ctx.requiredFormat === null && ctx.model.format === 'pre-2019';
}

/** The template a table is judged against: its own layout when clear, else the required one. */
export function templateForTable(ctx: CheckContext, table: Table): FormatTemplate | undefined {
  const own: FormatId | undefined = table.format === '2019' || table.format === '2021' ? table.format : undefined;
  const id = own ?? ctx.requiredFormat ?? (ctx.model.format === '2019' || ctx.model.format === '2021' ? ctx.model.format : undefined);
  return id ? template(id) : undefined;
}

/** The template the report as a whole must follow, when known. */
export function requiredTemplate(ctx: CheckContext): FormatTemplate | undefined {
  return ctx.requiredFormat ? template(ctx.requiredFormat) : undefined;
}
