// The declared format knowledge: the one place the parser, checks, hovers and fixes read it from.
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';
import type { FormatId, FormatTemplate } from './types';

export * from './types';
export { SECTIONS, SECTION_NUMERALS, sectionSpec } from './sections';
export { APPLICANT_PART_COLUMNS, APPEAL_BLOCKS, APPEAL_OUTCOME_IDS } from './common';

/** Newest first; add a future format here. */
export const FORMATS: readonly FormatTemplate[] = [FORMAT_2021, FORMAT_2019];

export function template(id: FormatId): FormatTemplate {
  const found = FORMATS.find((f) => f.id === id);
  if (!found) throw new Error(`unknown format ${id}`);
  return found;
}

/** The format a report of `year` must use; 'pre-2019' before the 2019 notice. */
export function formatForYear(year: number): FormatId | 'pre-2019' {
  for (const f of FORMATS) if (year >= f.years.from && year <= f.years.to) return f.id;
  return 'pre-2019';
}
