// A header (or table 三/二 row label) altered from the template: 本年增 for 本年增/减, 只记 for 只计.
// Spaces, bracket width and a unit note such as （单位：万元，保留4位小数） are not alterations.
import type { HeaderCell, Table, TableRow } from '../model/types';
import { looseCore, memoised, similarity } from '../text/normalize';
import { FORMATS } from '../templates';
import type { RowSpec } from '../templates/types';
import { TABLE_NAMES } from './shared/names';
import type { Check, CheckContext } from './types';

/** Comparable form: no spaces, punctuation or ordinal, no unit note in brackets. */
const key = memoised((text: string): string => looseCore(text.replace(/[(（]\s*单位[^)）]*[)）]/g, '')));

const KNOWN_HEADERS: Record<Table['kind'], string[]> = {
  active: [...new Set(FORMATS.flatMap((f) => f.tables.active.blocks.flatMap((b) => b.columns.map((c) => c.header))))],
  applications: [...new Set(FORMATS.flatMap((f) => f.tables.applications.headers))],
  appeals: [...new Set(FORMATS.flatMap((f) => f.tables.appeals.headers))],
};

/** Something worked out once per table kind from its known headers (template data). */
function perKind<T>(of: (headers: string[]) => T): Record<Table['kind'], T> {
  return { active: of(KNOWN_HEADERS.active), applications: of(KNOWN_HEADERS.applications), appeals: of(KNOWN_HEADERS.appeals) };
}

/** The known headers' comparable forms, as the word list and as a set. */
const KNOWN_WORDS = perKind((headers) => headers.map(key).filter((w) => w !== ''));
const KNOWN_KEY_SETS = perKind((headers) => new Set(headers.map(key)));

/** The template header a header cell stands for: the one given by position, else the closest. */
function expectedFor(table: Table, h: HeaderCell): string | undefined {
  const own = key(h.text);
  const candidates = h.expected ? [h.expected] : KNOWN_HEADERS[table.kind];
  if (candidates.some((c) => key(c) === own)) return undefined;
  // Any other known header written exactly (columns in another order) is not an alteration.
  if (KNOWN_KEY_SETS[table.kind].has(own)) return undefined;
  let best: { text: string; score: number } | undefined;
  for (const c of candidates) {
    const s = similarity(own, key(c));
    if (!best || s > best.score) best = { text: c, score: s };
  }
  return best && best.score >= 0.5 ? best.text : undefined;
}

function reportAltered(ctx: CheckContext, table: Table, span: { start: number; end: number }, found: string, standard: string, canFix: boolean) {
  ctx.report({
    span,
    message: {
      zh: `${TABLE_NAMES[table.kind].zh}的“${found}”与模板不一致，标准写法为“${standard}”。`,
      en: `${TABLE_NAMES[table.kind].en}: "${found}" differs from the template; the standard wording is "${standard}".`,
    },
    fixes: canFix
      ? [{ title: { zh: `改为“${standard}”`, en: `Use "${standard}"` }, edits: [{ span, newText: standard }], preferred: true }]
      : [],
  });
}

/** A template row's label and keys in comparable form (template data: worked out once per row). */
const ROW_KEYS = new WeakMap<RowSpec, { label: string; keys: Set<string> }>();
function rowKeys(spec: RowSpec): { label: string; keys: Set<string> } {
  let found = ROW_KEYS.get(spec);
  if (!found) ROW_KEYS.set(spec, (found = { label: key(spec.label), keys: new Set(spec.keys.map(key)) }));
  return found;
}

/** A row label altered beyond spacing; fused group prefixes ("三、（一）予以公开") are fine. */
function rowLabelAltered(row: TableRow): boolean {
  if (!row.spec || row.label === '') return false;
  const own = key(row.label);
  const standard = rowKeys(row.spec);
  return !(own === standard.label || own.endsWith(standard.label) || standard.keys.has(own));
}

/**
 * The header cells, read in order, are the template's header words and nothing else: wrapped over
 * several cells ("(本列数据的勾稽关系为：…等于第" / "三项加第四项之和)申请人情况") or run together
 * ("自然人 法人或其他组织") by the layout, none is altered.
 */
function onlyKnownWords(table: Table): boolean {
  const text = table.headers.map((h) => key(h.text)).join('');
  if (text === '' || table.headers.length < 2) return false;
  const words = KNOWN_WORDS[table.kind];
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!reachable[i]) continue;
    for (const w of words) if (text.startsWith(w, i)) reachable[i + w.length] = true;
  }
  return reachable[text.length];
}

/**
 * A header cell that is one part of a known header wrapped over two rows of the copy ("商业" over
 * "企业", each in its own row's cell): with a cell of a neighbouring row it makes the word.
 */
function wrappedPart(table: Table, h: HeaderCell): boolean {
  const own = key(h.text);
  if (own === '') return false;
  const words = KNOWN_KEY_SETS[table.kind];
  return table.headers.some(
    (g) => g !== h && g.line !== h.line && Math.abs(g.line - h.line) <= 2 && (words.has(own + key(g.text)) || words.has(key(g.text) + own)),
  );
}

export const tableHeader: Check = {
  id: 'table-header',
  description: { zh: '表头或行名与模板不一致', en: 'A table header altered from the template' },
  defaultSeverity: 'warning',
  fixable: true,
  run(ctx) {
    const { source } = ctx.model;
    for (const table of ctx.model.tables) {
      const headersIntact = onlyKnownWords(table);
      for (const h of table.headers) {
        if (headersIntact) break;
        if (wrappedPart(table, h)) continue;
        const standard = expectedFor(table, h);
        if (standard) reportAltered(ctx, table, h, h.text, standard, true);
      }
      if (table.kind === 'appeals') continue;
      for (const row of table.rows) {
        if (!rowLabelAltered(row)) continue;
        // A label joined from line-broken fragments is not one span: name it, do not rewrite it.
        const single = source.slice(row.labelSpan) === row.label;
        reportAltered(ctx, table, row.labelSpan, row.label, row.spec!.label, single);
      }
    }
  },
};
