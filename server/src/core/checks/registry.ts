// All checks, in the order their findings are listed for one place. Add a check here and give it
// a docs page under docs/rules/<id>.md (a test keeps the two in step).
import { contentDuplicate } from './content-duplicate';
import { documentTooLarge } from './document-too-large';
import { figureBreakdown } from './figure-breakdown';
import { figureCrossYear } from './figure-cross-year';
import { figureIdentity } from './figure-identity';
import { figurePeriod } from './figure-period';
import { figureRepeat } from './figure-repeat';
import { figureTextTable } from './figure-text-table';
import { figureUnit } from './figure-unit';
import { formatVersion } from './format-version';
import { sectionDuplicate } from './section-duplicate';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { sectionTitle } from './section-title';
import { tableBadValue } from './table-bad-value';
import { tableCellCount } from './table-cell-count';
import { tableEmptyCell } from './table-empty-cell';
import { tableHeader } from './table-header';
import { tableMissing } from './table-missing';
import { tableRowMissing } from './table-row-missing';
import { tableRunTogether } from './table-run-together';
import { tableUnknownRow } from './table-unknown-row';
import type { Check } from './types';

export const CHECKS: readonly Check[] = [
  documentTooLarge,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionTitle,
  formatVersion,
  tableMissing,
  tableRowMissing,
  tableCellCount,
  tableEmptyCell,
  tableBadValue,
  tableHeader,
  tableUnknownRow,
  tableRunTogether,
  figureIdentity,
  figureBreakdown,
  figureTextTable,
  figureRepeat,
  figurePeriod,
  figureUnit,
  figureCrossYear,
  contentDuplicate,
];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
