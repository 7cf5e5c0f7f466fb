// A complete, empty report in a format, generated from the template data: the skeleton command,
// the section-missing fix and test fixtures all use it, so no table is typed out twice.
import { SECTIONS, SECTION_NUMERALS, template } from '../templates';
import type { FormatId, FormatTemplate } from '../templates/types';

export interface SkeletonOptions {
  format: FormatId;
  year: number;
  body?: string;
  /** Text under prose sections; a placeholder by default. */
  prose?: Partial<Record<1 | 5 | 6, string>>;
}

const TAB = '\t';

export function activeTableText(tpl: FormatTemplate): string[] {
  const lines: string[] = [];
  for (const block of tpl.tables.active.blocks) {
    lines.push(block.caption);
    lines.push(['信息内容', ...block.columns.map((c) => c.header)].join(TAB));
    for (const row of block.rows) lines.push([row.label, ...block.columns.map(() => '0')].join(TAB));
  }
  return lines;
}

export function applicationsTableText(tpl: FormatTemplate): string[] {
  const t = tpl.tables.applications;
  const lines = [
    `（${t.headers[0]}）${TAB}申请人情况`,
    ['', '自然人', '法人或其他组织', '', '', '', '', '总计'].join(TAB),
    ['', '', ...t.columns.slice(1, 6).map((c) => c.header), ''].join(TAB),
  ];
  const seenGroups = new Set<string>();
  for (const row of t.rows) {
    const zeros = t.columns.map(() => '0');
    const group = row.group && row.group !== 'results' ? t.groups.find((g) => g.id === row.group) : undefined;
    let label = row.label;
    if (row.id === 'granted') label = `三、本年度办理结果${TAB}${row.label}`;
    else if (group && !seenGroups.has(group.id)) label = `${group.label}${TAB}${row.label}`;
    if (group) seenGroups.add(group.id);
    lines.push([label, ...zeros].join(TAB));
  }
  return lines;
}

export function appealsTableText(tpl: FormatTemplate): string[] {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    ['行政复议', '', '', '', '', '行政诉讼'].join(TAB),
    [...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉'].join(TAB),
    ['', '', '', '', '', ...outcomes, ...outcomes].join(TAB),
    tpl.tables.appeals.columns.map(() => '0').join(TAB),
  ];
}

/** Lines of the table a section holds, empty (zeros), in the given format. */
export function sectionTableText(number: number, format: FormatId): string[] {
  const tpl = template(format);
  if (number === 2) return activeTableText(tpl);
  if (number === 3) return applicationsTableText(tpl);
  if (number === 4) return appealsTableText(tpl);
  return [];
}

export function defaultProse(number: number, format: FormatId): string {
  if (number === 6) {
    return format === '2021'
      ? '本年度收取信息处理费 0 元。（请如实填写信息处理费收取情况及其他需要报告的事项。）'
      : '（请填写其他需要报告的事项，没有的写“无”。）';
  }
  return '（请填写。）';
}

export function skeleton(options: SkeletonOptions): string {
  const { format, year } = options;
  const body = options.body ?? '××人民政府';
  const lines: string[] = [
    `${body}${year}年政府信息公开工作年度报告`,
    '',
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  ];
  for (const spec of SECTIONS) {
    lines.push(`${SECTION_NUMERALS[spec.number - 1]}、${spec.title}`, '');
    const table = sectionTableText(spec.number, format);
    if (table.length > 0) lines.push(...table, '');
    else lines.push(options.prose?.[spec.number as 1 | 5 | 6] ?? defaultProse(spec.number, format), '');
  }
  return lines.join('\n');
}
