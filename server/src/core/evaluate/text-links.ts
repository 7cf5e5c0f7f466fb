// Evaluates the declared prose ↔ table links (templates/text-links.ts) over the model.
import type { Figure, FigureLine, ReportModel } from '../model/types';
import { Decimal, sum } from '../numbers/decimal';
import { COMBINED_JOINERS, COMBINED_TAIL, TEXT_LINKS, UPHELD, UPHELD_STATEMENTS, ZERO_STATEMENTS, type TextLink, type UpheldStatement } from '../templates/text-links';
import { cellRef } from '../templates/cell-refs';
import type { CellRef, FormatTemplate } from '../templates/types';
import type { FormatId } from '../templates/types';
import type { Span } from '../text/source';
import { cached } from './cache';
import { identityTemplate, known, slot, type Slot } from './cells';
import type { EvaluatedIdentity } from './identities';
import { LineReadings } from './line-readings';
import { clauseBefore, countsAList, interval, lineText, sentenceStart, textAfter } from './prose';

export interface LinkResult {
  kind: 'quote' | 'percent' | 'zero' | 'upheld';
  name: { zh: string; en: string };
  span: Span;
  /** The prose figure, for quotes and percentages. */
  figure?: Figure;
  /** Table values the prose may mean (one per accepted reading). */
  expected: Decimal[];
  slots: Slot[];
  /** The one cell the prose most likely quotes, when that can be told (for a table-side fix). */
  primary?: Slot;
  holds: boolean;
}

/**
 * Of several one-cell readings, the one whose column header shares a word with the clause
 * ("制发…6件" → 本年制发件数); the only reading when there is one.
 */
function primarySlot(model: ReportModel, figure: Figure, readings: Slot[][]): Slot | undefined {
  if (readings.length === 1) return readings[0].length === 1 ? readings[0][0] : undefined;
  if (!readings.every((r) => r.length === 1)) return undefined;
  const clause = clauseBefore(model, figure);
  const hits = readings.filter(([s]) => {
    const header = s.row?.columns.find((c) => c.id === s.ref.column)?.header.replace(/（.*$/, '') ?? '';
    for (let i = 0; i + 2 <= header.length; i++) {
      const word = header.slice(i, i + 2);
      if (!/本年|数量|件数/.test(word) && clause.includes(word)) return true;
    }
    return false;
  });
  return hits.length === 1 ? hits[0][0] : undefined;
}

/** Cells taking part in a failing identity are not quoted against: the table is flagged already. */
function inFailingIdentity(slots: Slot[], identities: EvaluatedIdentity[]): boolean {
  // (References are one object per template cell: compared as objects.)
  const refs = new Set(slots.map((s) => s.ref));
  return identities.some((e) => e.status === 'fails' && (e.left.some((s) => refs.has(s.ref)) || e.right.some((s) => refs.has(s.ref))));
}

function matches(figure: Figure, value: Decimal): boolean {
  const { low, high } = interval(figure);
  const v = value.toNumber();
  return figure.approx === 'none' ? figure.value.equals(value) : v >= low && v <= high;
}

const JOINABLE = TEXT_LINKS.filter((l) => l.term);
const TERM = JOINABLE.map((l) => l.term!).join('|');
/** "予以公开及部分公开" + "42件": two or more joinable labels right before the figure. */
const COMBINED = new RegExp(`((?:${TERM})(?:(?:${COMBINED_JOINERS})(?:${TERM}))+)${COMBINED_TAIL}`);

const COMBINED_REACH = 40;

/** A figure that names several labels at once: its one reading is the sum of theirs. */
function combinedLink(figure: Figure, upTo: string, tpl: FormatTemplate): { link: TextLink; readings: CellRef[][] } | undefined {
  // The joined labels stand right before the figure: the regex reads only the last characters.
  const m = COMBINED.exec(upTo.slice(-COMBINED_REACH));
  if (!m) return undefined;
  const parts = JOINABLE.filter((l) => m[1].includes(l.term!) && !(l.not?.test(m[1]) ?? false));
  // Two of the table's own labels joined are context enough: no "申请" needed in the sentence.
  if (parts.length < 2 || !parts.every((l) => l.units.includes(figure.unit))) return undefined;
  const refs: CellRef[] = [];
  for (const l of parts) {
    const r = l.readings(tpl);
    if (r.length !== 1) return undefined;
    refs.push(...r[0]);
  }
  const link: TextLink = {
    ...parts[0],
    id: parts.map((l) => l.id).join('+'),
    name: { zh: parts.map((l) => l.name.zh).join('及'), en: parts.map((l) => l.name.en).join(' and ') },
  };
  return { link, readings: [refs] };
}

/** Of several readings, those a qualifier in the clause names ("现行有效…" → 现行有效件数). */
function qualifiedReadings(model: ReportModel, figure: Figure, link: TextLink, readings: CellRef[][], tpl: FormatTemplate): CellRef[][] {
  if (!link.qualifiers || readings.length < 2) return readings;
  const clause = clauseBefore(model, figure);
  const q = link.qualifiers.find((x) => x.pattern.test(clause));
  if (!q) return readings;
  const header = (ref: CellRef) =>
    tpl.tables.active.blocks.flatMap((b) => b.columns).find((c) => c.id === ref.column)?.header ?? '';
  const named = readings.filter((r) => r.length === 1 && q.header.test(header(r[0])));
  return named.length > 0 ? named : readings;
}

/** How far back in its paragraph a figure's sentence may take the context a link asks for. */
const CONTEXT_REACH = 300;

/** The links that read each unit, in their declared order (template data); its keys are every unit some link reads. */
const LINKS_BY_UNIT = new Map<string, TextLink[]>();
for (const l of TEXT_LINKS) {
  for (const unit of new Set(l.units)) {
    let links = LINKS_BY_UNIT.get(unit);
    if (!links) LINKS_BY_UNIT.set(unit, (links = []));
    links.push(l);
  }
}

function linkFor(figure: Figure, clause: string, upTo: string, paragraph: () => string): TextLink | undefined {
  return LINKS_BY_UNIT.get(figure.unit)?.find(
    (l) =>
      l.cue.test(clause) &&
      !(l.not?.test(clause) ?? false) &&
      (!l.context || l.context.test(upTo) || l.context.test(paragraph())),
  );
}

export function evaluateTextLinks(model: ReportModel, required: FormatId | null, identities: EvaluatedIdentity[]): LinkResult[] {
  return cached(model, `links:${required}`, () => withoutDoubtfulCells(evaluateTextLinksIgnoringIdentities(model, required), identities));
}

/**
 * The same links judged as if every identity held: what the prose says of cells that a failing
 * identity puts in doubt (a fix to such a cell must not contradict it).
 */
export function evaluateTextLinksIgnoringIdentities(model: ReportModel, required: FormatId | null): LinkResult[] {
  return cached(model, `links-all:${required}`, () => evaluate(model, required));
}

/**
 * Links over a cell that a failing identity puts in doubt are not judged: the identity is the
 * finding (one wrong number reported once). A percentage and a "结果维持" go with the count they
 * follow.
 */
function withoutDoubtfulCells(links: LinkResult[], identities: EvaluatedIdentity[]): LinkResult[] {
  const kept: LinkResult[] = [];
  let quoteKept = false;
  for (const link of links) {
    const clear: boolean = !inFailingIdentity(link.slots, identities);
    const keep: boolean = link.kind === 'percent' ? quoteKept : link.kind === 'upheld' ? quoteKept && clear : clear;
    if (link.kind === 'quote') quoteKept = keep;
    if (keep) kept.push(link);
  }
  return kept;
}

/** What a figure's own line says it quotes, read from the line alone (see `LineReadings`). */
interface QuoteReading {
  /** The figure's index among its line's figures. */
  at: number;
  link: TextLink;
  readings: CellRef[][];
  /** The line's next figure is this count's share ("予以公开12件，占52.2%"). */
  share: boolean;
  /** "结果维持" after the count, relative to the line's start. */
  upheld?: { statement: UpheldStatement; start: number; length: number };
}

/** One memo per format: the readings a link takes depend on the template. */
const QUOTES = new Map<FormatTemplate, LineReadings<QuoteReading[]>>();

function readQuotes(model: ReportModel, line: FigureLine, tpl: FormatTemplate): QuoteReading[] {
  const quotes: QuoteReading[] = [];
  const lineStart = model.lines.startOf(line.line);
  for (let at = 0; at < line.count; at++) {
    const figure = model.figures[line.first + at];
    // A figure in a unit no link reads ("2020年", "第3页") is not looked at further.
    if (!LINKS_BY_UNIT.has(figure.unit)) continue;
    // The sentence up to the figure, read once for both kinds of link.
    const from = sentenceStart(model, figure.line, figure.start);
    const upTo = model.source.text.slice(from, figure.start);
    // The context may be set by the paragraph's sentences before ("共受理申请859件。…无法提供265件").
    const paragraph = () => model.source.text.slice(Math.max(lineStart, from - CONTEXT_REACH), from);
    const combined = combinedLink(figure, upTo, tpl);
    // A figure that counts a list ("规章、规范性文件等112件") is no quote of one term's cell.
    const link = combined?.link ?? (countsAList(model, figure) ? undefined : linkFor(figure, clauseBefore(model, figure), upTo, paragraph));
    if (!link) continue;
    const readings = combined?.readings ?? qualifiedReadings(model, figure, link, link.readings(tpl), tpl);
    const next = at + 1 < line.count ? model.figures[line.first + at + 1] : undefined;
    const between = next ? model.source.text.slice(figure.whole.end, next.whole.start) : '';
    const share = next?.unit === '%' && /^[^。；，]{0,2}[，,]?\s*占/.test(between) && link.id !== 'received';
    // "行政复议1件，结果维持": the other outcomes of those blocks are 0.
    const statement = UPHELD_STATEMENTS.find((u) => u.after === link.id);
    const m = statement ? UPHELD.exec(textAfter(model, figure)) : null;
    const upheld = statement && m ? { statement, start: figure.whole.end + m[0].length - m[1].length - lineStart, length: m[1].length } : undefined;
    quotes.push({ at, link, readings, share, upheld });
  }
  return quotes;
}

function evaluate(model: ReportModel, required: FormatId | null): LinkResult[] {
  const tpl = identityTemplate(model, required);
  const results: LinkResult[] = [];
  const hasTable = (kind: string) => model.tables.some((t) => t.kind === kind);
  const total = slot(model, cellRef('applications', 'total', 'total'));
  let quotes = QUOTES.get(tpl);
  if (!quotes) QUOTES.set(tpl, (quotes = new LineReadings()));

  for (const line of model.figureLines) {
    const lineStart = model.lines.startOf(line.line);
    for (const { at, link, readings, share, upheld } of quotes.get(line, () => readQuotes(model, line, tpl))) {
      const i = line.first + at;
      const figure = model.figures[i];
      if (readings.length === 0 || !readings.every((r) => r.length > 0 && hasTable(r[0].table))) continue;
      const slotsByReading = readings.map((r) => r.map((ref) => slot(model, ref)));
      const usable = slotsByReading.filter(known);
      if (usable.length !== slotsByReading.length) continue;
      const expected = usable.map((s) => sum(s.map((x) => x.value!)));
      const holds = expected.some((v) => matches(figure, v));
      results.push({
        kind: 'quote',
        name: link.name,
        span: figure,
        figure,
        expected,
        slots: usable.flat(),
        primary: primarySlot(model, figure, usable),
        holds,
      });

      // "予以公开12件，占52.2%": the share of （七）总计 — judged only when the count itself is right,
      // or one wrong count would be reported twice.
      const next = share && holds ? model.figures[i + 1] : undefined;
      if (next && total.value && !total.value.isZero() && usable.length === 1) {
        const exact = (expected[0].toNumber() / total.value.toNumber()) * 100;
        const decimals = next.value.decimals;
        const shown = next.value.toNumber();
        // Rounded or cut off at the shown decimals (35/805 = 4.348…% is written 4.35% or 4.34%).
        const unit = 10 ** -decimals;
        const shareHolds = Math.abs(shown - exact) <= 0.5 * unit + 1e-9 || (exact >= shown - 1e-9 && exact < shown + unit);
        results.push({
          kind: 'percent',
          name: link.name,
          span: next,
          figure: next,
          expected: [Decimal.parse(exact.toFixed(decimals))!],
          slots: [...usable[0], total],
          holds: shareHolds,
        });
      }

      if (upheld && hasTable('appeals')) {
        const slots = upheld.statement.blocks.flatMap((b) =>
          ['corrected', 'otherResult', 'pending'].map((o) => slot(model, cellRef('appeals', 'values', `${b}.${o}`))),
        );
        if (known(slots)) {
          const start = lineStart + upheld.start;
          results.push({
            kind: 'upheld',
            name: { zh: `${link.name.zh}“结果维持”`, en: `${link.name.en} "all upheld"` },
            span: { start, end: start + upheld.length },
            expected: [Decimal.ZERO],
            slots,
            holds: slots.every((s) => s.value!.isZero()),
          });
        }
      }
    }
  }

  // "未收到申请" / "没有行政复议或行政诉讼": the table is all zero.
  for (const statement of ZERO_STATEMENTS) {
    const cells = statement.cells(tpl);
    if (!hasTable(cells[0].table)) continue;
    for (let i = 0; i < model.lines.length; i++) {
      if (model.tableLines.has(i)) continue;
      const { text, start } = lineText(model, i);
      const m = statement.pattern.exec(text);
      if (!m || model.lines.at(i).kind !== 'text') continue;
      const slots = cells.map((ref) => slot(model, ref));
      if (!known(slots)) break;
      results.push({
        kind: 'zero',
        name: statement.name,
        span: { start: start + m.index, end: start + m.index + m[0].length },
        expected: [Decimal.ZERO],
        slots,
        holds: slots.every((s) => s.value!.isZero()),
      });
      break;
    }
  }
  return results;
}
