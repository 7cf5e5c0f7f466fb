// Sections 一 and 五 nearly identical to another report's (内容雷同, named as a defect in the 2021
// notice): across a batch in the CLI, and against last year's report in the editor.
import { extractFacts } from '../batch/facts';
import { duplicateFindings } from '../batch/rules';
import type { Check } from './types';

export const contentDuplicate: Check = {
  id: 'content-duplicate',
  description: { zh: '内容与其他报告雷同', en: 'Text copied from another report' },
  defaultSeverity: 'warning',
  fixable: false,
  run(ctx) {
    const others = [...(ctx.context?.previous ? [ctx.context.previous] : []), ...(ctx.context?.peers ?? [])];
    if (others.length === 0) return;
    for (const f of duplicateFindings(extractFacts(ctx.model), others)) ctx.report(f);
  },
};
