// Where a template cell sits, in words ("（四）无法提供 · 1.本机关不掌握相关政府信息 × 自然人").
import type { ReportModel } from '../../model/types';
import { template } from '../../templates';
import type { CellRef } from '../../templates/types';
import type { Message } from '../types';

export function cellName(model: ReportModel, ref: CellRef): Message {
  const formats = ['2021', '2019'] as const;
  if (ref.table === 'appeals') {
    const col = template('2021').tables.appeals.columns.find((c) => c.id === ref.column);
    return { zh: `表四 ${col?.short ?? ref.column}`, en: `table 四 ${col?.short ?? ref.column}` };
  }
  if (ref.table === 'applications') {
    for (const f of formats) {
      const t = template(f).tables.applications;
      const row = t.rows.find((r) => r.id === ref.row);
      if (!row) continue;
      const group = row.group && row.group !== 'results' ? t.groups.find((g) => g.id === row.group) : undefined;
      const col = t.columns.find((c) => c.id === ref.column);
      const where = group ? `${group.label} · ${row.label}` : row.label;
      return { zh: `${where} × ${col?.short ?? ref.column}`, en: `${where} × ${col?.short ?? ref.column}` };
    }
  }
  const row = model.tables.find((t) => t.kind === ref.table)?.rows.find((r) => r.spec?.id === ref.row);
  const col = row?.columns.find((c) => c.id === ref.column);
  const label = row?.spec?.label ?? ref.row;
  return { zh: `${label} × ${col?.short ?? ref.column}`, en: `${label} × ${col?.short ?? ref.column}` };
}
