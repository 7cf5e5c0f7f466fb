// Names used in messages, derived from the template data.
import type { Message } from '../types';
import { SECTION_NUMERALS, sectionSpec } from '../../templates';
import type { TableKind } from '../../templates/types';

export function sectionName(number: number): Message {
  const spec = sectionSpec(number);
  const numeral = SECTION_NUMERALS[number - 1] ?? String(number);
  return { zh: `${numeral}、${spec?.title ?? ''}`, en: `section ${numeral} (${spec?.title ?? ''})` };
}

export const TABLE_NAMES: Record<TableKind, Message> = {
  active: { zh: '表二（主动公开政府信息情况）', en: 'table 二 (proactive disclosure)' },
  applications: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'table 三 (applications received and handled)' },
  appeals: { zh: '表四（行政复议、行政诉讼情况）', en: 'table 四 (administrative review and litigation)' },
};

/** The tables as a place is named in a sentence that already says the section: "表三" (the name without its gloss). */
export const TABLE_SHORT_NAMES = Object.fromEntries(
  Object.entries(TABLE_NAMES).map(([kind, name]) => [kind, { zh: name.zh.replace(/（.*$/, ''), en: name.en.replace(/ \(.*$/, '') }]),
) as Record<TableKind, Message>;

export function formatName(format: string): Message {
  const notice = format === '2021' ? '国办公开办函〔2021〕30号' : format === '2019' ? '国办公开办函〔2019〕60号' : '';
  return {
    zh: notice ? `${format}年版格式（${notice}）` : `${format}格式`,
    en: notice ? `the ${format} format (${notice})` : `the ${format} format`,
  };
}
