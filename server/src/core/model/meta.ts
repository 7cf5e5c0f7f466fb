// Title, report year and statistics period.
import type { LineIndexes } from '../layout/line-set';
import type { LayoutLine } from '../layout/lines';
import type { SourceText } from '../text/source';
import type { Period, ReportModel, TextPiece } from './types';

const TITLE = /(?:政府信息公开|信息公开).{0,10}(?:年度报告|年报)[\s*]*$/;
/** Web page chrome: breadcrumbs ("当前位置：首页>…") and navigation. */
const CHROME = /当前位置|首页|>|＞|›/;
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;

/** The report's title: the first line near the top naming the annual report, with the body's name before it. */
export function readTitle(lines: readonly LayoutLine[]): { title?: TextPiece; year?: ReportModel['year'] } {
  const top: LayoutLine[] = [];
  for (let i = 0; i < lines.length && top.length < 12; i++) if (lines[i].kind === 'text') top.push(lines[i]);
  for (const [k, line] of top.entries()) {
    const c = line.content;
    if (c.text.length > 80 || CHROME.test(c.text) || !TITLE.test(c.text)) continue;
    let text = c.text;
    // "四方台区人民政府" on the line before "2020 年政府信息公开工作年度报告".
    const prev = k > 0 ? top[k - 1] : undefined;
    if (prev && /^\s*(?:(?:19|20)\d{2})/.test(c.text) && prev.content.text.length <= 30 && !/[。，,:：]/.test(prev.content.text)) {
      text = prev.content.text + text;
    }
    const title: TextPiece = { text, start: c.start, end: c.end };
    const y = YEAR_IN_TITLE.exec(c.text);
    const year = y ? { value: Number(y[1]), span: { start: c.start + y.index, end: c.start + y.index + y[1].length } } : undefined;
    return { title, year };
  }
  return {};
}

const PERIOD =
  /统计(?:期限|时限|时间|期间|区间|周期|范围|时段)?[^。]{0,16}?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。]{0,12}?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The statistics period ("统计期限自2020年1月1日起至2020年12月31日止"), first one stated. */
export function readPeriod(source: SourceText, lines: readonly LayoutLine[], skip: LineIndexes): Period | undefined {
  for (const line of lines) {
    if (line.kind !== 'text' || skip.has(line.index)) continue;
    const text = source.text.slice(line.start, line.end);
    if (!text.includes('统计')) continue;
    const m = PERIOD.exec(text);
    if (!m) continue;
    const from = text.indexOf(m[1], m.index + 2);
    return {
      startYear: Number(m[1]),
      startMonth: Number(m[2]),
      startDay: Number(m[3]),
      endYear: Number(m[4]),
      endMonth: Number(m[5]),
      endDay: Number(m[6]),
      text: text.slice(from, m.index + m[0].length),
      start: line.start + from,
      end: line.start + m.index + m[0].length,
    };
  }
  return undefined;
}
