// The cross-report rules as pure functions over facts: the CLI batch, worker threads and the
// editor (with the previous year's report found beside the file) all call these.
import type { FindingInput, Message } from '../checks/types';
import { Decimal } from '../numbers/decimal';
import { FORMATS, SECTION_NUMERALS, sectionSpec } from '../templates';
import type { ReportFacts, SectionFact } from './facts';
import { candidatePairs, estimatedSimilarityAtLeast, filledBins, jaccardAtLeast } from './minhash';

export interface OtherReport {
  /** How the other report is named to the user (its file name). */
  name: string;
  facts: ReportFacts;
}

/** Same body, the year before: names compared exactly (人民政府 and 政府办公室 are different bodies). */
export function isPreviousYear(current: ReportFacts, other: ReportFacts): boolean {
  return current.body !== null && current.body === other.body && current.year !== null && other.year === current.year - 1;
}

const COLUMN_NAMES = FORMATS[0].tables.applications.columns.map((c) => c.short);

export function crossYearFindings(current: ReportFacts, previous: OtherReport): FindingInput[] {
  const out: FindingInput[] = [];
  const prev = previous.facts;
  // 二、上年结转 of this year = 四、结转下年度继续办理 of last year, column by column.
  if (current.carried && prev.carryForward) {
    current.carried.forEach((cell, i) => {
      const before = prev.carryForward![i];
      if (cell.value === null || before.value === null) return;
      if (Decimal.parse(cell.value)!.equals(Decimal.parse(before.value)!)) return;
      out.push({
        span: cell.span,
        message: {
          zh: `“二、上年结转 · ${COLUMN_NAMES[i]}”为 ${cell.value}，但上一年度报告（${previous.name}）“四、结转下年度继续办理”为 ${before.value}。`,
          en: `"二、上年结转 · ${COLUMN_NAMES[i]}" is ${cell.value}, but last year's report (${previous.name}) carried ${before.value} forward.`,
        },
      });
    });
  }
  // 2021 format: 现行有效件数 ≈ last year's + 本年制发 − 本年废止.
  const n = current.normative;
  const p = prev.normative;
  if (n && p && n.inForce.value !== null && n.issued.value !== null && n.repealed.value !== null && p.inForce.value !== null) {
    const expected = Decimal.parse(p.inForce.value)!.add(Decimal.parse(n.issued.value)!).sub(Decimal.parse(n.repealed.value)!);
    if (!expected.equals(Decimal.parse(n.inForce.value)!)) {
      out.push({
        span: n.inForce.span,
        message: {
          zh: `行政规范性文件现行有效件数为 ${n.inForce.value}，按上一年度报告（${previous.name}）的 ${p.inForce.value} + 本年制发 ${n.issued.value} − 本年废止 ${n.repealed.value} 应为 ${expected}。`,
          en: `行政规范性文件 in force: ${n.inForce.value}; last year's report (${previous.name}) had ${p.inForce.value}, + ${n.issued.value} issued − ${n.repealed.value} repealed = ${expected}.`,
        },
      });
    }
  }
  return out;
}

/** Sections this short say too little for a similarity to mean copying ("无。"). */
const MIN_LENGTH = 80;
export const DUPLICATE_THRESHOLD = 0.8;
/** Standard errors of the estimate below the threshold that still get the exact count. */
const ESTIMATE_MARGIN = 4;

function duplicateMessage(number: number, similarity: number, other: OtherReport, lastYear: boolean): Message {
  const numeral = SECTION_NUMERALS[number - 1];
  const title = sectionSpec(number)?.title ?? '';
  const pct = Math.round(similarity * 100);
  const whose = lastYear ? { zh: '上一年度报告', en: "last year's report" } : { zh: '另一份报告', en: 'another report' };
  return {
    zh: `“${numeral}、${title}”与${whose.zh}（${other.name}）的同一部分相似度 ${pct}%，内容雷同。`,
    en: `Section ${numeral} (${title}) is ${pct}% similar to the same section of ${whose.en} (${other.name}): copied text.`,
  };
}

/**
 * The similarity of two sections when it may reach the threshold (undefined when it cannot), each
 * pair worked out once: in a batch both reports of a pair ask for it. What one side worked out is
 * kept for the other side only, and forgotten once it has asked.
 */
export class SectionSimilarities {
  private readonly waiting = new Map<SectionFact, Map<SectionFact, number | undefined>>();

  of(a: SectionFact, b: SectionFact): number | undefined {
    const mine = this.waiting.get(a);
    if (mine?.has(b)) {
      const value = mine.get(b);
      mine.delete(b);
      if (mine.size === 0) this.waiting.delete(a);
      return value;
    }
    const value = similarityAtLeastThreshold(a, b);
    let theirs = this.waiting.get(b);
    if (!theirs) this.waiting.set(b, (theirs = new Map()));
    theirs.set(a, value);
    return value;
  }
}

function similarityAtLeastThreshold(a: SectionFact, b: SectionFact): number | undefined {
  // The signatures estimate the similarity in 256 steps; the exact count (thousands of steps)
  // only for sections that may be copies: an estimate within four standard errors of the
  // threshold (for the shorter section's number of filled bins).
  const samples = filledBins(Math.min(a.shingles.length, b.shingles.length));
  const floor = DUPLICATE_THRESHOLD - ESTIMATE_MARGIN * Math.sqrt((DUPLICATE_THRESHOLD * (1 - DUPLICATE_THRESHOLD)) / samples);
  const estimate = estimatedSimilarityAtLeast(a.signature, b.signature, floor);
  if (estimate === undefined) return undefined;
  // The same minimums, the same count and the same hash of every shingle: the same section
  // (reports that share a paragraph word for word are common in one city's folder).
  if (estimate === 1 && a.shingles.length === b.shingles.length && a.digest === b.digest) return 1;
  return jaccardAtLeast(a.shingles, b.shingles, DUPLICATE_THRESHOLD);
}

/** Sections 一 and 五 of `current` that are near-identical to the same section of another report. */
export function duplicateFindings(current: ReportFacts, others: OtherReport[], similarities = new SectionSimilarities()): FindingInput[] {
  const out: FindingInput[] = [];
  for (const section of current.sections) {
    if (section.length < MIN_LENGTH) continue;
    let best: { similarity: number; other: OtherReport } | undefined;
    for (const other of others) {
      const theirs = other.facts.sections.find((s) => s.number === section.number);
      if (!theirs || theirs.length < MIN_LENGTH) continue;
      const similarity = similarities.of(section, theirs);
      if (similarity === undefined) continue;
      if (!best || similarity > best.similarity) best = { similarity, other };
      if (similarity === 1) break; // nothing can be closer
    }
    if (best) {
      out.push({ span: section.heading, message: duplicateMessage(section.number, best.similarity, best.other, isPreviousYear(current, best.other.facts)) });
    }
  }
  return out;
}

/**
 * For a batch: the other reports each report's sections may copy, found by MinHash + LSH
 * (candidates only, never every pair), plus last year's report of the same body when present.
 */
export function duplicateCandidates(reports: ReadonlyArray<OtherReport>): Map<number, Set<number>> {
  const candidates = new Map<number, Set<number>>();
  const add = (a: number, b: number) => {
    if (!candidates.has(a)) candidates.set(a, new Set());
    candidates.get(a)!.add(b);
  };
  for (const number of [1, 5]) {
    const items: Array<{ report: number; sig: Uint32Array }> = [];
    reports.forEach((r, i) => {
      const s = r.facts.sections.find((x) => x.number === number);
      if (s && s.length >= MIN_LENGTH) items.push({ report: i, sig: s.signature });
    });
    for (const [x, y] of candidatePairs(items.map((i) => i.sig))) {
      add(items[x].report, items[y].report);
      add(items[y].report, items[x].report);
    }
  }
  return candidates;
}
