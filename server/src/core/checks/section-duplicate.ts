// The same statutory section twice.
import { sectionName } from './shared/names';
import type { Check } from './types';
import { isPre2019 } from './shared/scope';

export const sectionDuplicate: Check = {
  id: 'section-duplicate',
  description: { zh: '章节重复', en: 'A section appears twice' },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    // A report before 2019 has the old format's sections (format-version says so once).
    if (isPre2019(ctx)) return;
    const first = new Map<number, (typeof ctx.model.sections)[number]>();
    for (const s of ctx.model.sections) {
      const earlier = first.get(s.number);
      if (!earlier) {
        first.set(s.number, s);
        continue;
      }
      const name = sectionName(s.number);
      ctx.report({
        span: s.heading,
        message: {
          zh: `“${name.zh}”重复出现（第 ${earlier.line + 1} 行已有）。`,
          en: `${name.en} appears again (already at line ${earlier.line + 1}).`,
        },
        related: [{ span: earlier.heading, message: { zh: '第一次出现', en: 'first occurrence' } }],
      });
    }
  },
};
