// This year's carried-over applications against last year's carried-forward ones, and (2021
// format) 现行有效件数 against last year's. Runs when last year's report of the same body is known:
// in the editor, a file beside this one; in the CLI, among the files checked.
import { extractFacts } from '../batch/facts';
import { crossYearFindings } from '../batch/rules';
import type { Check } from './types';

export const figureCrossYear: Check = {
  id: 'figure-cross-year',
  description: { zh: '与上一年度报告的数字不衔接', en: "Figures that do not follow on from last year's report" },
  defaultSeverity: 'warning',
  fixable: false,
  run(ctx) {
    const previous = ctx.context?.previous;
    if (!previous) return;
    for (const f of crossYearFindings(extractFacts(ctx.model), previous)) ctx.report(f);
  },
};
