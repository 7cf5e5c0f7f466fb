// A section title that is not the standard wording (an accepted variant, or a typo).
import { sectionSpec } from '../templates';
import { sectionName } from './shared/names';
import type { Check } from './types';
import { isPre2019 } from './shared/scope';

export const sectionTitle: Check = {
  id: 'section-title',
  description: { zh: '章节标题不规范', en: 'Non-standard section title' },
  defaultSeverity: 'warning',
  fixable: true,
  run(ctx) {
    // A report before 2019 has the old format's sections (format-version says so once).
    if (isPre2019(ctx)) return;
    for (const s of ctx.model.sections) {
      if (s.titleMatch === 'standard') continue;
      const standard = sectionSpec(s.number)!.title;
      const name = sectionName(s.number);
      const kind = s.titleMatch === 'variant'
        ? { zh: '常见的非标准写法', en: 'a common variant' }
        : { zh: '与标准标题不一致（可能有错别字）', en: 'different from the standard title (a typo?)' };
      ctx.report({
        span: { start: s.title.start, end: s.title.end },
        message: {
          zh: `章节标题“${s.title.text}”${kind.zh}，标准标题为“${name.zh}”。`,
          en: `Section title "${s.title.text}" is ${kind.en}; the standard title is "${name.zh}" (${standard}).`,
        },
        fixes: [
          {
            title: { zh: `改为标准标题“${standard}”`, en: `Use the standard title "${standard}"` },
            edits: [{ span: { start: s.title.start, end: s.title.end }, newText: standard }],
            preferred: true,
          },
        ],
      });
    }
  },
};
