// A statutory section is absent. Every missing one is reported, where it should stand.
import { defaultProse, sectionTableText } from '../features/skeleton';
import { SECTIONS, SECTION_NUMERALS } from '../templates';
import { sectionName } from './shared/names';
import { sectionsInOrder } from './shared/section-order';
import { isPre2019 } from './shared/scope';
import type { Check } from './types';

export const sectionMissing: Check = {
  id: 'section-missing',
  description: { zh: '缺少法定章节', en: 'A statutory section is missing' },
  defaultSeverity: 'error',
  fixable: true,
  run(ctx) {
    if (isPre2019(ctx)) return;
    const { model } = ctx;
    const present = new Set(model.sections.map((s) => s.number));
    // A missing section goes among the sections in order (a 六 misplaced at the top must not pull
    // 三 up with it).
    const ordered = sectionsInOrder(model.sections);
    for (const spec of SECTIONS) {
      if (present.has(spec.number)) continue;
      // Where it belongs: just before the first later section, else after the last earlier one.
      const next = ordered.find((s) => s.number > spec.number);
      const previous = [...ordered].reverse().find((s) => s.number < spec.number);
      const at = next
        ? model.lines.startOf(next.line)
        : previous
          ? previous.range.end
          : (model.title?.end ?? 0);
      const name = sectionName(spec.number);
      // The section with its empty table (when the report has none of that kind) or a line to fill.
      const format = ctx.requiredFormat ?? (model.format === '2019' ? '2019' : '2021');
      const hasTable = spec.table !== undefined && model.tables.some((t) => t.kind === spec.table);
      const body = spec.table ? (hasTable ? [] : sectionTableText(spec.number, format)) : [defaultProse(spec.number, format)];
      const block = [`${SECTION_NUMERALS[spec.number - 1]}、${spec.title}`, '', ...body].join('\n');
      const newText = next ? `${block}\n\n` : `\n\n${block}`;
      ctx.report({
        span: { start: at, end: at },
        fixes: [
          {
            title: { zh: `插入“${name.zh}”`, en: `Insert ${name.en}` },
            edits: [{ span: { start: at, end: at }, newText }],
            // Where the text of a missing section belongs is the clerk's call: never applied by fix-all.
            preferred: false,
          },
        ],
        message: {
          zh: `缺少第${name.zh.slice(0, 1)}部分“${name.zh}”。年度报告须包含全部六个部分。`,
          en: `Missing ${name.en}: an annual report must have all six sections.`,
        },
      });
    }
  },
};
