// The report year, the statistics period (1月1日–12月31日 of that year) and the year that opens
// 一、总体情况 must agree. Years elsewhere (last year's figures, next year's plans) are fine.
import type { LayoutLine } from '../layout/lines';
import type { Check } from './types';

export const figurePeriod: Check = {
  id: 'figure-period',
  description: { zh: '报告年度与统计期限不一致', en: 'Report year and statistics period disagree' },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    const { model } = ctx;
    const year = model.year?.value;
    const p = model.period;
    if (p && year !== undefined) {
      const wrongYear = p.startYear !== year || p.endYear !== year;
      const partial = !(p.startMonth === 1 && p.startDay === 1 && p.endMonth === 12 && p.endDay === 31);
      if (wrongYear || partial) {
        ctx.report({
          span: p,
          message: {
            zh: `统计期限“${p.text}”与${year}年度报告不符，应为${year}年1月1日至${year}年12月31日。`,
            en: `The statistics period "${p.text}" does not match a ${year} report: it must run from 1 January to 31 December ${year}.`,
          },
          related: model.year ? [{ span: model.year.span, message: { zh: '报告年度', en: 'report year' } }] : [],
        });
      }
    }
    // "2019年，我区…" opening 一、总体情况 of a 2020 report: last year's text left in.
    const overview = model.sections.find((s) => s.number === 1);
    if (!overview || year === undefined) return;
    const opening = /^\s*((?:19|20)\d{2})\s*年(?:度)?\s*[，,]/;
    let body: LayoutLine | undefined;
    for (let i = overview.line + 1; i < model.lines.length && !body; i++) {
      const line = model.lines.at(i);
      if (line.kind === 'text') body = line;
    }
    const text = overview.inline ? model.source.text.slice(overview.heading.end, model.lines.endOf(overview.line)) : body?.content.text;
    const startOffset = overview.inline ? overview.heading.end : body?.content.start;
    const m = text ? opening.exec(text) : null;
    if (m && startOffset !== undefined && Number(m[1]) !== year) {
      const start = startOffset + m.index + m[0].indexOf(m[1]);
      ctx.report({
        span: { start, end: start + 4 },
        message: {
          zh: `“总体情况”以“${m[1]}年”开头，但这是${year}年度报告。`,
          en: `The overview opens with ${m[1]}, but this is a ${year} report.`,
        },
      });
    }
  },
};
