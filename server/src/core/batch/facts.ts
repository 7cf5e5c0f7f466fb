// What other reports need to know about this one (cross-year checks, copy-paste detection),
// as plain data: serialisable, so worker threads and the editor's sibling-file cache can hold it.
// Shingles and signatures are typed arrays: a batch keeps them for every report until the end
// (as number arrays they were most of a 1000-report run's retained heap).
import type { ReportModel } from '../model/types';
import type { Span } from '../text/source';
import { cellRef } from '../templates/cell-refs';
import { slot } from '../evaluate/cells';
import { digest, shingles, signature } from './minhash';

export interface CellFact {
  /** Decimal as text, or null when blank, text or in an unbalanced row. */
  value: string | null;
  span: Span;
}

export interface SectionFact {
  number: number;
  heading: Span;
  /** Character shingles of the section's text (digits, spaces and punctuation removed), sorted. */
  shingles: Uint32Array;
  /** MinHash signature of the shingles (computed with the facts: on the worker that read the file). */
  signature: Uint32Array;
  /** A 32-bit hash of all the shingles: with the signature, tells an identical section at once. */
  digest: number;
  length: number;
}

export interface ReportFacts {
  /** The reporting body as named in the title ("四方台区人民政府"), spaces removed. */
  body: string | null;
  year: number | null;
  format: string | null;
  carried: CellFact[] | null;
  carryForward: CellFact[] | null;
  normative: { issued: CellFact; repealed: CellFact; inForce: CellFact } | null;
  sections: SectionFact[];
}

/** The body's name: the title up to its year ("偃师市人民政府办公室2020年…" → "偃师市人民政府办公室"). */
export function bodyName(title: string | undefined): string | null {
  if (!title) return null;
  // A web page's crawl labels its title ("标题:平潭综合实验区…"): the label is not the body's name.
  const plain = title.replace(/[\s#*]/g, '').replace(/^(?:文章)?(?:标题|题目|名称)[:：]/, '');
  const m = /^(.*?)(?:19|20)\d{2}\s*年/.exec(plain);
  const name = m?.[1].replace(/[（(][^（()）]*[)）]/g, '').trim();
  return name && name.length >= 2 ? name : null;
}

function rowFacts(model: ReportModel, row: string): CellFact[] | null {
  const table = model.tables.find((t) => t.kind === 'applications');
  const r = table?.rows.find((x) => x.spec?.id === row);
  if (!r || r.cells.length !== r.columns.length) return null;
  return r.columns.map((c) => {
    const s = slot(model, cellRef('applications', row, c.id));
    return { value: s.value?.toString() ?? null, span: { start: s.cell!.start, end: s.cell!.end } };
  });
}

function normativeFacts(model: ReportModel): ReportFacts['normative'] {
  const active = model.tables.find((t) => t.kind === 'active');
  const row = active?.rows.find((r) => r.spec?.id === 'normative' && r.format === '2021');
  if (!row || row.cells.length !== 3) return null;
  const fact = (i: number): CellFact => {
    const v = row.cells[i].value;
    return { value: v.kind === 'number' ? v.value.toString() : null, span: { start: row.cells[i].start, end: row.cells[i].end } };
  };
  return { issued: fact(0), repealed: fact(1), inForce: fact(2) };
}

/** Sections 一 and 五: the prose most often copied from another report or last year's. */
const PROSE_SECTIONS = [1, 5];

/** `sections: false` leaves out the sections' shingles and signatures (nothing to compare with). */
export function extractFacts(model: ReportModel, { sections: withSections = true } = {}): ReportFacts {
  const sections: SectionFact[] = [];
  for (const s of withSections ? model.sections : []) {
    if (!PROSE_SECTIONS.includes(s.number) || sections.some((x) => x.number === s.number)) continue;
    const text = model.source.text.slice(s.title.end, s.range.end);
    const sh = shingles(text);
    sections.push({ number: s.number, heading: { start: s.heading.start, end: s.heading.end }, shingles: sh.list, signature: signature(sh.list), digest: digest(sh.list), length: sh.length });
  }
  return {
    body: bodyName(model.title?.text),
    year: model.year?.value ?? null,
    format: model.format,
    carried: rowFacts(model, 'carried'),
    carryForward: rowFacts(model, 'carryForward'),
    normative: normativeFacts(model),
    sections,
  };
}
