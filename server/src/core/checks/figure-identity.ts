// A table identity (勾稽关系) fails. The message shows the formula with its numbers and both sides;
// a cell that alone explains several failing identities is named once, on that cell.
import { evaluateIdentities, findCulprits, type EvaluatedIdentity } from '../evaluate/identities';
import { evaluateTextLinksIgnoringIdentities, type LinkResult } from '../evaluate/text-links';
import type { Slot } from '../evaluate/cells';
import type { Decimal } from '../numbers/decimal';
import type { ReportModel } from '../model/types';
import { cellName } from './shared/cell-names';
import type { Check, Fix, Message, Related } from './types';

/** "5 + 0 + 12" — long sums show their non-zero terms only. */
function terms(slots: Slot[]): { zh: string; en: string } {
  const values = slots.map((s) => s.value!.toString());
  if (values.length <= 7) return { zh: values.join(' + '), en: values.join(' + ') };
  const nonZero = slots.filter((s) => !s.value!.isZero()).map((s) => s.value!.toString());
  const zeros = values.length - nonZero.length;
  const shown = nonZero.length > 0 ? nonZero.join(' + ') : '0';
  return { zh: `${shown}（其余 ${zeros} 项为 0）`, en: `${shown} (the other ${zeros} are 0)` };
}

export function formula(e: EvaluatedIdentity): Message {
  const l = terms(e.left);
  const r = terms(e.right);
  const leftSide = e.left.length === 1 ? e.leftSum!.toString() : `${l.zh} = ${e.leftSum}`;
  const leftSideEn = e.left.length === 1 ? e.leftSum!.toString() : `${l.en} = ${e.leftSum}`;
  return {
    zh: `${e.spec.name.zh}：${leftSide} ≠ ${r.zh} = ${e.rightSum}`,
    en: `${e.spec.name.en}: ${leftSideEn} ≠ ${r.en} = ${e.rightSum}`,
  };
}

function relatedCells(model: ReportModel, identities: EvaluatedIdentity[]): Related[] {
  const seen = new Set<string>();
  const related: Related[] = [];
  for (const e of identities) {
    for (const s of [...e.left, ...e.right]) {
      const key = `${s.ref.row}/${s.ref.column}`;
      if (seen.has(key) || !s.cell) continue;
      seen.add(key);
      const name = cellName(model, s.ref);
      related.push({ span: s.cell, message: { zh: `${name.zh} = ${s.cell.text}`, en: `${name.en} = ${s.cell.text}` } });
    }
  }
  return related;
}

/** A cell is a total when it stands alone on the left of one of its identities. */
function isTotal(s: Slot, identities: EvaluatedIdentity[]): boolean {
  return identities.some((e) => e.left.length === 1 && e.left[0].ref.row === s.ref.row && e.left[0].ref.column === s.ref.column);
}

function setCell(s: Slot, value: Decimal, preferred: boolean): Fix {
  return {
    title: { zh: `改为 ${value}`, en: `Change to ${value}` },
    edits: [{ span: { start: s.cell!.start, end: s.cell!.end }, newText: value.toString() }],
    preferred,
  };
}

// (Compared field by field: no key string per comparison.)
const sameCell = (a: Slot, b: Slot) => a.ref.table === b.ref.table && a.ref.row === b.ref.row && a.ref.column === b.ref.column;

/**
 * Something else vouches for the cell's value as it stands: another identity it is in holds, or
 * prose that quotes it agrees. Changing it then would trade this finding for another, so no fix is
 * unambiguous (found by fuzzing: a total fixed against 行政复议1件 in the text).
 */
function vouchedFor(s: Slot, failing: EvaluatedIdentity | undefined, evaluated: EvaluatedIdentity[], links: LinkResult[]): boolean {
  const inIdentity = evaluated.some((e) => e !== failing && e.status === 'holds' && (e.left.some((x) => sameCell(x, s)) || e.right.some((x) => sameCell(x, s))));
  // Prose that quotes the cell and agrees; or says there were none ("未收到…", "没有…行政复议")
  // of a cell that is 0 — even where other cells break that statement.
  const inProse = links.some((l) => l.slots.some((x) => sameCell(x, s)) && (l.holds || (l.kind === 'zero' && s.value?.isZero() === true)));
  return inIdentity || inProse;
}

export const figureIdentity: Check = {
  id: 'figure-identity',
  description: { zh: '表格勾稽关系不成立', en: 'A table identity (勾稽关系) fails' },
  defaultSeverity: 'error',
  fixable: true,
  run(ctx) {
    const evaluated = evaluateIdentities(ctx.model, ctx.requiredFormat);
    const { culprits, unexplained } = findCulprits(evaluated);
    const links = culprits.length + unexplained.length > 0 ? evaluateTextLinksIgnoringIdentities(ctx.model, ctx.requiredFormat) : [];
    for (const c of culprits) {
      const name = cellName(ctx.model, c.slot.ref);
      const formulas = c.identities.map(formula);
      const total = isTotal(c.slot, c.identities);
      ctx.report({
        span: c.slot.cell!,
        message: {
          zh: `“${name.zh}”为 ${c.slot.cell!.text}，按${c.identities.length}项勾稽关系应为 ${c.shouldBe}：${formulas.map((f) => f.zh).join('；')}。`,
          en: `${name.en} is ${c.slot.cell!.text}; ${c.identities.length} identities say it should be ${c.shouldBe}: ${formulas.map((f) => f.en).join('; ')}.`,
        },
        related: relatedCells(ctx.model, c.identities),
        fixes: vouchedFor(c.slot, undefined, evaluated, links) ? [] : [setCell(c.slot, c.shouldBe, total)],
      });
    }
    for (const e of unexplained) {
      const total = e.left[0];
      const f = formula(e);
      const fixable = e.left.length === 1 && !vouchedFor(total, e, evaluated, links);
      const fixes: Fix[] = fixable ? [setCell(total, e.rightSum!, false)] : [];
      ctx.report({
        span: total.cell!,
        message: { zh: `勾稽关系不成立：${f.zh}。`, en: `Identity fails: ${f.en}.` },
        related: relatedCells(ctx.model, [e]),
        fixes,
      });
    }
  },
};
