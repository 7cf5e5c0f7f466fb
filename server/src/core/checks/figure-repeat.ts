// The same quantity stated twice in prose with different values. Statements that are parts of one
// breakdown, or that carry a scope word (本级, 全市, 同比…), are different quantities.
import { evaluateBreakdowns } from '../evaluate/breakdowns';
import { clauseBefore, countsAList } from '../evaluate/prose';
import { LineReadings } from '../evaluate/line-readings';
import type { Figure, FigureLine, ReportModel } from '../model/types';
import { QUANTITY_QUALIFIERS, QUANTITY_TERMS, SCOPE_WORDS } from '../templates/prose-terms';
import type { Check } from './types';

/** Any of the terms: most clauses before a figure name none, and one test says so. */
const ANY_TERM = new RegExp(QUANTITY_TERMS.join('|'));

interface Statement {
  term: string;
  /** What the figure measures of the term (现行有效, 本年制发…): a different one is another quantity. */
  qualifiers: string;
  figure: Figure;
}

/** The quantity a figure states, the figure by its index among its line's. */
interface Term {
  at: number;
  term: string;
  qualifiers: string;
}

/** The quantity each figure of a line states, read from the line alone (see `LineReadings`). */
const TERMS = new LineReadings<Term[]>();

function readTerms(model: ReportModel, line: FigureLine): Term[] {
  const found: Term[] = [];
  for (let at = 0; at < line.count; at++) {
    const figure = model.figures[line.first + at];
    if (figure.approx !== 'none' || figure.unit === '%' || countsAList(model, figure)) continue;
    const clause = clauseBefore(model, figure);
    // (The first term in the list's order, not the first in the clause: hence find after the test.)
    const term = ANY_TERM.test(clause) ? QUANTITY_TERMS.find((t) => clause.includes(t)) : undefined;
    if (!term) continue;
    const rest = clause.replace(term, '');
    if (SCOPE_WORDS.test(rest)) continue;
    const qualifiers = QUANTITY_QUALIFIERS.filter((q) => q.test(clause)).map((q) => q.source).join('+');
    found.push({ at, term, qualifiers });
  }
  return found;
}

export const figureRepeat: Check = {
  id: 'figure-repeat',
  description: { zh: '同一数量在文中前后不一致', en: 'The same quantity stated twice with different values' },
  defaultSeverity: 'warning',
  fixable: false,
  run(ctx) {
    const { model } = ctx;
    // Figures in one breakdown (its total and parts) never contradict each other.
    const family = new Map<Figure, number>();
    evaluateBreakdowns(model).forEach((b, i) => {
      for (const f of [b.total, ...b.parts]) if (!family.has(f)) family.set(f, i);
    });
    const statements: Statement[] = [];
    for (const line of model.figureLines) {
      for (const { at, term, qualifiers } of TERMS.get(line, () => readTerms(model, line))) {
        statements.push({ term, qualifiers, figure: model.figures[line.first + at] });
      }
    }
    const first = new Map<string, Statement>();
    for (const s of statements) {
      const key = `${s.term}|${s.qualifiers}|${s.figure.unit}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, s);
        continue;
      }
      if (earlier.figure.value.equals(s.figure.value)) continue;
      const fa = family.get(earlier.figure);
      if (fa !== undefined && fa === family.get(s.figure)) continue;
      const line = model.source.lineOfOffset(earlier.figure.start) + 1;
      ctx.report({
        span: s.figure,
        message: {
          zh: `“${s.term}”此处为 ${s.figure.text}${s.figure.unit}，第 ${line} 行为 ${earlier.figure.text}${earlier.figure.unit}，前后不一致。`,
          en: `"${s.term}" is ${s.figure.text} here but ${earlier.figure.text} at line ${line}.`,
        },
        related: [{ span: earlier.figure, message: { zh: `前文：${s.term} ${earlier.figure.text}${earlier.figure.unit}`, en: `earlier: ${earlier.figure.text}` } }],
      });
    }
  },
};
