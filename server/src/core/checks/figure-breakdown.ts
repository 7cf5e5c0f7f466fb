// Prose "共X，其中A、B、C" whose parts do not add up to X. Approximate figures (余/约/近/超过)
// are compared as the ranges they stand for.
import { evaluateBreakdowns } from '../evaluate/breakdowns';
import { evaluateTextLinksIgnoringIdentities } from '../evaluate/text-links';
import type { Check } from './types';

export const figureBreakdown: Check = {
  id: 'figure-breakdown',
  description: { zh: '文中“共…其中…”各项之和与总数不符', en: 'A prose breakdown does not add up' },
  defaultSeverity: 'error',
  fixable: true,
  run(ctx) {
    const breakdowns = evaluateBreakdowns(ctx.model).filter((b) => b.status !== 'holds');
    if (breakdowns.length === 0) return;
    // A total the table confirms (收到申请14件 = 一·总计) is not what is wrong: only the parts can be.
    const confirmed = new Set(evaluateTextLinksIgnoringIdentities(ctx.model, ctx.requiredFormat).filter((l) => l.holds && l.figure).map((l) => l.figure!.start));
    for (const b of breakdowns) {
      const approx = b.total.approx !== 'none' || b.parts.some((p) => p.approx !== 'none');
      const parts = b.parts.map((p) => p.text).join(' + ');
      const unit = b.total.unit;
      const verb = b.status === 'exceeds' ? { zh: '超过', en: 'exceed' } : { zh: '少于', en: 'fall short of' };
      const fixes = approx || confirmed.has(b.total.start)
        ? []
        : [
            {
              title: { zh: `把总数改为 ${b.partsSum}`, en: `Set the total to ${b.partsSum}` },
              edits: [{ span: { start: b.total.start, end: b.total.end }, newText: b.partsSum.toString() }],
              preferred: false,
            },
          ];
      ctx.report({
        span: { start: b.total.start, end: b.total.end },
        message: {
          zh: `总数为 ${b.total.text}${unit}，但“其中”所列各项 ${parts} = ${b.partsSum}${unit}，${verb.zh}总数${approx ? '（已按约数放宽）' : ''}。`,
          en: `The total is ${b.total.text} ${unit}, but the parts listed after 其中 ${verb.en} it: ${parts} = ${b.partsSum}${approx ? ' (approximate figures allowed for)' : ''}.`,
        },
        related: [
          { span: b.marker, message: { zh: '“其中”', en: '其中 (of which)' } },
          ...b.parts.map((p) => ({ span: p, message: { zh: `分项 ${p.text}${unit}`, en: `part ${p.text}` } })),
        ],
        fixes,
      });
    }
  },
};
