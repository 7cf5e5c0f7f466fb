// Sections out of their statutory order, or numbered differently from what they are.
import { SECTION_NUMERALS } from '../templates';
import { sectionName } from './shared/names';
import { firstOccurrences, inOrder } from './shared/section-order';
import type { Check } from './types';
import { isPre2019 } from './shared/scope';

export const sectionOrder: Check = {
  id: 'section-order',
  description: { zh: '章节顺序或编号错误', en: 'Sections out of order or misnumbered' },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    // A report before 2019 has the old format's sections (format-version says so once).
    if (isPre2019(ctx)) return;
    // First occurrences only: repeats are section-duplicate's.
    const sections = firstOccurrences(ctx.model.sections);
    const keep = inOrder(sections.map((s) => s.number));
    sections.forEach((s, i) => {
      const name = sectionName(s.number);
      if (!keep.has(i)) {
        // Name one section it conflicts with: a later one placed before it, or an earlier one after it.
        const before = sections.slice(0, i).find((o) => o.number > s.number);
        const after = sections.slice(i + 1).find((o) => o.number < s.number);
        const other = (before ?? after)!;
        const where = before
          ? { zh: '之前', en: 'before' }
          : { zh: '之后', en: 'after' };
        ctx.report({
          span: s.heading,
          message: {
            zh: `“${name.zh}”应排在“${sectionName(other.number).zh}”${where.zh}。`,
            en: `${name.en} should come ${where.en} ${sectionName(other.number).en}.`,
          },
          related: [{ span: other.heading, message: sectionName(other.number) }],
        });
      } else if (s.writtenNumber !== s.number) {
        const written = SECTION_NUMERALS[s.writtenNumber - 1] ?? String(s.writtenNumber);
        ctx.report({
          span: { start: s.heading.start, end: s.title.start },
          message: {
            zh: `此标题编号为“${written}”，但内容是“${name.zh}”，编号应为“${name.zh.slice(0, 1)}”。`,
            en: `This heading is numbered ${written} but is ${name.en}; it should be numbered ${name.zh.slice(0, 1)}.`,
          },
        });
      }
    });
  },
};
