// A mandated table, or a block of table 二, is absent.
import { sectionSpec } from '../templates';
import type { TableKind } from '../templates/types';
import { TABLE_NAMES } from './shared/names';
import { isPre2019, requiredTemplate } from './shared/scope';
import type { Check } from './types';

const KINDS: TableKind[] = ['active', 'applications', 'appeals'];

export const tableMissing: Check = {
  id: 'table-missing',
  description: { zh: '缺少法定表格或表格区块', en: 'A mandated table or block is missing' },
  defaultSeverity: 'error',
  fixable: false,
  run(ctx) {
    if (isPre2019(ctx)) return;
    const { model } = ctx;
    for (const kind of KINDS) {
      const table = model.tables.find((t) => t.kind === kind);
      if (table) continue;
      // Reported on the heading of the section that should hold it, when that exists.
      const sectionNumber = [2, 3, 4].find((n) => sectionSpec(n)?.table === kind)!;
      const section = model.sections.find((s) => s.number === sectionNumber);
      const span = section ? section.heading : { start: 0, end: 0 };
      ctx.report({
        span,
        message: {
          zh: `缺少${TABLE_NAMES[kind].zh}。`,
          en: `Missing ${TABLE_NAMES[kind].en}.`,
        },
      });
    }
    const active = model.tables.find((t) => t.kind === 'active');
    const spec = requiredTemplate(ctx)?.tables.active ?? undefined;
    if (!active || !spec) return;
    const found = new Set((active.blocks ?? []).map((b) => b.id));
    for (const block of spec.blocks) {
      if (found.has(block.id)) continue;
      const at = active.range.end;
      ctx.report({
        span: { start: at, end: at },
        message: {
          zh: `${TABLE_NAMES.active.zh}缺少“${block.caption}”区块（${block.rows.map((r) => r.label).join('、')}）。`,
          en: `${TABLE_NAMES.active.en} lacks the block ${block.caption} (${block.rows.map((r) => r.label).join(', ')}).`,
        },
      });
    }
  },
};
