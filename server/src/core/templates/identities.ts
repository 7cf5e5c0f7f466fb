// Builds the declared identities (勾稽关系) of a format from its table specs, so that the
// equations are written once here and evaluated by one engine (see checks/figure-identity).
import { APPEAL_BLOCKS, APPEAL_OUTCOME_IDS, APPLICANT_PART_COLUMNS } from './common';
import { cellRef } from './cell-refs';
import type { ApplicationsTableSpec, CellRef, IdentitySpec } from './types';

const app = (row: string, column: string): CellRef => cellRef('applications', row, column);

/** Rows that I2 adds up to （七）总计: every result row but the total itself. */
export function resultRowIds(table: ApplicationsTableSpec): string[] {
  return table.rows.filter((r) => r.group !== undefined && r.id !== 'total').map((r) => r.id);
}

export function buildIdentities(table: ApplicationsTableSpec): IdentitySpec[] {
  const identities: IdentitySpec[] = [];
  const columnName = (id: string) => table.columns.find((c) => c.id === id)?.short ?? id;
  const rowName = (id: string) => table.rows.find((r) => r.id === id)?.label ?? id;

  // I1: every row, 总计 = Σ applicant columns.
  for (const r of table.rows) {
    identities.push({
      id: `I1:${r.id}`,
      family: 'I1',
      name: { zh: `${rowName(r.id)} 行合计`, en: `row total of ${rowName(r.id)}` },
      left: [app(r.id, 'total')],
      right: APPLICANT_PART_COLUMNS.map((c) => app(r.id, c)),
    });
  }
  const results = resultRowIds(table);
  for (const c of table.columns) {
    // I2: （七）总计 = Σ result rows.
    identities.push({
      id: `I2:${c.id}`,
      family: 'I2',
      name: { zh: `（七）总计 · ${columnName(c.id)}`, en: `(七) total · ${columnName(c.id)}` },
      left: [app('total', c.id)],
      right: results.map((r) => app(r, c.id)),
    });
    // I3: 一 + 二 = （七）总计 + 四 (printed on the table itself).
    identities.push({
      id: `I3:${c.id}`,
      family: 'I3',
      name: { zh: `一+二=三+四 · ${columnName(c.id)}`, en: `一+二 = 三+四 · ${columnName(c.id)}` },
      left: [app('new', c.id), app('carried', c.id)],
      right: [app('total', c.id), app('carryForward', c.id)],
    });
  }
  // I4: each appeals block, 总计 = 维持 + 纠正 + 其他 + 尚未审结.
  for (const b of APPEAL_BLOCKS) {
    identities.push({
      id: `I4:${b.id}`,
      family: 'I4',
      name: { zh: `${b.name} 总计`, en: `${b.name} total` },
      left: [cellRef('appeals', 'values', `${b.id}.total`)],
      right: APPEAL_OUTCOME_IDS.filter((o) => o !== 'total').map((o) => cellRef('appeals', 'values', `${b.id}.${o}`)),
    });
  }
  return identities;
}
