// A figure in prose that contradicts the table it quotes (links declared in templates/text-links).
import { evaluateBreakdowns } from '../evaluate/breakdowns';
import { evaluateIdentities } from '../evaluate/identities';
import { evaluateTextLinks } from '../evaluate/text-links';
import { cellName } from './shared/cell-names';
import type { Check, Fix } from './types';

export const figureTextTable: Check = {
  id: 'figure-text-table',
  description: { zh: '正文数字与表格不一致', en: 'A figure in prose contradicts the table' },
  defaultSeverity: 'error',
  fixable: true,
  run(ctx) {
    const identities = evaluateIdentities(ctx.model, ctx.requiredFormat);
    // Figures in a breakdown that adds up: changing one would break the sum.
    const inHoldingBreakdown = new Set(
      evaluateBreakdowns(ctx.model)
        .filter((b) => b.status === 'holds')
        .flatMap((b) => [b.total, ...b.parts].map((f) => f.start)),
    );
    // Cells an identity binds (judged either way): a table-side fix there would break it.
    let bound: Set<unknown> | undefined; // built on first need: most reports quote their tables right
    const boundCells = () => (bound ??= new Set(identities.filter((e) => e.status !== 'unjudged').flatMap((e) => [...e.left, ...e.right].map((s) => s.cell))));
    for (const r of evaluateTextLinks(ctx.model, ctx.requiredFormat, identities)) {
      if (r.holds) continue;
      // Two readings may share cells ("收到申请" = 新收, or 新收 + 上年结转) and, when a part is 0,
      // their sums: each cell and each value is named once ("the table says 12", not "12 or 12").
      const related = r.slots
        .filter((s, i) => s.cell && r.slots.findIndex((o) => o.cell === s.cell) === i)
        .map((s) => {
          const name = cellName(ctx.model, s.ref);
          return { span: s.cell!, message: { zh: `${name.zh} = ${s.cell!.text}`, en: `${name.en} = ${s.cell!.text}` } };
        });
      const expected = [...new Set(r.expected.map((v) => v.toString()))];
      if (r.kind === 'quote' || r.kind === 'percent') {
        const f = r.figure!;
        const unit = f.unit;
        const fixes: Fix[] = [];
        if (f.approx === 'none') {
          // Both directions, never preferred: which side is wrong is for the clerk to say. The prose
          // side not where the figure is part of a breakdown that adds up.
          if (!inHoldingBreakdown.has(f.start)) fixes.push({ title: { zh: `把正文改为 ${expected[0]}`, en: `Change the prose to ${expected[0]}` }, edits: [{ span: { start: f.start, end: f.end }, newText: expected[0] }], preferred: false });
          // The table side only where no identity binds the cell: changing a bound cell would break it.
          const single = r.kind === 'quote' ? r.primary : undefined;
          if (single?.cell && !boundCells().has(single.cell)) {
            fixes.push({ title: { zh: `把表格改为 ${f.text}`, en: `Change the table to ${f.text}` }, edits: [{ span: { start: single.cell.start, end: single.cell.end }, newText: f.value.toString() }], preferred: false });
          }
        }
        const tableSays = expected.join(r.kind === 'quote' && expected.length > 1 ? ' 或 ' : '');
        ctx.report({
          span: f,
          message: r.kind === 'quote'
            ? {
                zh: `正文写${r.name.zh} ${f.text}${unit}，表格为 ${tableSays}${unit}。`,
                en: `The prose states ${r.name.en} as ${f.text}; the table says ${expected.join(' or ')}.`,
              }
            : {
                zh: `正文写${r.name.zh}占 ${f.text}%，按表格应为 ${expected[0]}%（${r.name.zh} ÷ （七）总计）。`,
                en: `The prose gives ${r.name.en} as ${f.text}%; by the table it is ${expected[0]}% (of the (七) total).`,
              },
          related,
          fixes,
        });
      } else {
        const nonZero = r.slots.filter((s) => s.value && !s.value.isZero());
        const cells = nonZero.map((s) => `${cellName(ctx.model, s.ref).zh} = ${s.cell!.text}`).join('，');
        ctx.report({
          span: r.span,
          message: {
            zh: `正文称${r.name.zh}，但表格中不为 0：${cells}。`,
            en: `The prose says ${r.name.en}, but the table has non-zero values: ${nonZero.map((s) => `${cellName(ctx.model, s.ref).en} = ${s.cell!.text}`).join(', ')}.`,
          },
          related,
        });
      }
    }
  },
};
