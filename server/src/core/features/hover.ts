// Hover: where a cell sits, its value and every identity it takes part in (computed, ✓/✗); the
// breakdown of a total; the table value behind a prose figure; a summary of a section.
import type { Analysis } from '../analyze';
import { cellName } from '../checks/shared/cell-names';
import { sectionName, TABLE_NAMES } from '../checks/shared/names';
import type { Message } from '../checks/types';
import { evaluateBreakdowns } from '../evaluate/breakdowns';
import { evaluateIdentities, type EvaluatedIdentity } from '../evaluate/identities';
import { evaluateTextLinks } from '../evaluate/text-links';
import type { Cell, Table, TableRow } from '../model/types';
import type { Span } from '../text/source';
import type { FormatId } from '../templates/types';
import { blankReading } from '../evaluate/blanks';
import { cellRef } from '../templates/cell-refs';

export interface HoverResult {
  /** Markdown in the requested language. */
  markdown: string;
  span: Span;
}

type Lang = 'zh' | 'en';
const pick = (m: Message, lang: Lang) => m[lang];
const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end && span.end > span.start;

function findCell(tables: readonly Table[], offset: number): { table: Table; row: TableRow; cell: Cell; index: number } | undefined {
  for (const table of tables) {
    if (offset < table.range.start || offset > table.range.end) continue;
    for (const row of table.rows) {
      const index = row.cells.findIndex((c) => contains(c, offset));
      if (index >= 0) return { table, row, cell: row.cells[index], index };
    }
  }
  return undefined;
}

function status(e: EvaluatedIdentity): string {
  return e.status === 'holds' ? '✓' : e.status === 'fails' ? '✗' : '?';
}

function formulaCell(e: EvaluatedIdentity): string {
  if (e.status === 'unjudged') return e.left.map((s) => s.cell?.text || '□').join(' + ') + ' = ' + e.right.map((s) => s.cell?.text || '□').join(' + ');
  const side = (slots: EvaluatedIdentity['left'], total: string) => (slots.length === 1 ? total : `${slots.map((s) => s.value).join(' + ')} = ${total}`);
  return `${side(e.left, e.leftSum!.toString())} ${e.status === 'holds' ? '=' : '≠'} ${side(e.right, e.rightSum!.toString())}`;
}

function identityTable(ids: EvaluatedIdentity[], lang: Lang): string {
  const head = lang === 'zh' ? '| 勾稽关系 | 算式 | |\n|---|---|:-:|' : '| identity | computed | |\n|---|---|:-:|';
  return [head, ...ids.map((e) => `| ${pick(e.spec.name, lang)} | ${formulaCell(e)} | ${status(e)} |`)].join('\n');
}

export function hoverAt(analysis: Analysis, offset: number, lang: Lang, required: FormatId | null): HoverResult | undefined {
  const { model, findings } = analysis;
  if (!model.isReport) return undefined;
  const found = findCell(model.tables, offset);
  if (found) {
    const { table, row, cell, index } = found;
    const column = row.columns[index];
    const identities = evaluateIdentities(model, required);
    const mine = row.spec && column
      ? identities.filter((e) => [...e.left, ...e.right].some((s) => s.ref.row === row.spec!.id && s.ref.column === column.id && s.ref.table === table.kind))
      : [];
    const where = row.spec && column && row.cells.length === row.columns.length
      ? pick(cellName(model, cellRef(table.kind, row.spec.id, column.id)), lang)
      : `${row.spec?.label ?? row.label} · ${lang === 'zh' ? `第 ${index + 1} 格` : `cell ${index + 1}`}`;
    const reading = !cell.text ? blankReading(model, table, null) : undefined;
    const derived = reading?.derived.get(cell);
    const readAs = !reading
      ? ''
      : derived
        ? lang === 'zh' ? `（空着的合计：按勾稽关系为各部分之和 ${derived}，核对时按此计）` : ` (a total left blank: by the identities the sum of its parts, ${derived}, and checked as such)`
        : lang === 'zh' ? '（本表空格按勾稽关系均为 0，核对时按 0 计）' : ' (blank cells of this table are 0 by the identities and checked as 0)';
    const lines = [`**${pick(TABLE_NAMES[table.kind], lang)}** · ${where}`, '', `${lang === 'zh' ? '值' : 'Value'}: \`${cell.text || (lang === 'zh' ? '（空）' : '(blank)')}\`${readAs}`];
    if (row.cells.length !== row.columns.length) {
      lines.push('', lang === 'zh' ? `此行有 ${row.cells.length} 个数值，模板为 ${row.columns.length} 个：各格对应哪一列无法确定。` : `This row has ${row.cells.length} values for ${row.columns.length} columns: which is which cannot be told.`);
    }
    // A total: its breakdown, part by part.
    const asTotal = mine.find((e) => e.left.length === 1 && e.left[0].ref.row === row.spec?.id && e.left[0].ref.column === column?.id && e.status !== 'unjudged');
    if (asTotal) {
      lines.push('', lang === 'zh' ? `**构成**（${pick(asTotal.spec.name, lang)}）` : `**Breakdown** (${pick(asTotal.spec.name, lang)})`, '');
      const parts = asTotal.right.filter((s) => s.value && !s.value.isZero());
      for (const s of parts) lines.push(`- ${pick(cellName(model, s.ref), lang)}: ${s.value}`);
      const zeros = asTotal.right.length - parts.length;
      if (zeros > 0) lines.push(lang === 'zh' ? `- 其余 ${zeros} 项: 0` : `- the other ${zeros}: 0`);
      lines.push(`- **${lang === 'zh' ? '合计' : 'Sum'}: ${asTotal.rightSum}**${asTotal.status === 'fails' ? (lang === 'zh' ? `（表中为 ${asTotal.leftSum}）` : ` (the table says ${asTotal.leftSum})`) : ''}`);
    }
    if (mine.length > 0) lines.push('', identityTable(mine, lang));
    // 二、上年结转 beside last year's 四、结转下年度继续办理, when last year's report is known.
    const previous = analysis.context?.previous;
    if (previous && row.spec?.id === 'carried' && row.cells.length === row.columns.length) {
      const before = previous.facts.carryForward?.[index]?.value;
      if (before !== undefined && before !== null) {
        const same = cell.value.kind === 'number' && cell.value.value.toString() === before;
        lines.push(
          '',
          lang === 'zh'
            ? `上一年度报告（${previous.name}）“四、结转下年度继续办理”：${before} ${same ? '✓' : '✗'}`
            : `Last year's report (${previous.name}), 四、结转下年度继续办理: ${before} ${same ? '✓' : '✗'}`,
        );
      }
    }
    return { markdown: lines.join('\n'), span: cell.end > cell.start ? cell : { start: cell.start, end: cell.start } };
  }

  const figure = model.figures.find((f) => contains(f, offset));
  if (figure) {
    const identities = evaluateIdentities(model, required);
    const link = evaluateTextLinks(model, required, identities).find((r) => r.figure === figure);
    const breakdown = evaluateBreakdowns(model).find((b) => b.total === figure);
    const lines: string[] = [];
    if (link) {
      lines.push(`**${pick(link.name, lang)}**: ${figure.text}${figure.unit === '%' ? '%' : ''} ${link.holds ? '✓' : '✗'}`, '');
      lines.push(lang === 'zh' ? `表格：${link.expected.join(' 或 ')}` : `Table: ${link.expected.join(' or ')}`);
      for (const s of link.slots) if (s.cell) lines.push(`- ${pick(cellName(model, s.ref), lang)} = ${s.cell.text}`);
    }
    if (breakdown) {
      if (lines.length > 0) lines.push('');
      lines.push(`**${lang === 'zh' ? '其中各项' : 'Parts'}** ${breakdown.status === 'holds' ? '✓' : '✗'}`, '');
      for (const p of breakdown.parts) lines.push(`- ${p.text}${p.approx !== 'none' ? '~' : ''}`);
      lines.push(`- **${lang === 'zh' ? '合计' : 'Sum'}: ${breakdown.partsSum}${figure.unit}**（${lang === 'zh' ? '总数' : 'total'} ${figure.text}${figure.unit}）`);
    }
    if (lines.length === 0) return undefined;
    return { markdown: lines.join('\n'), span: figure };
  }

  const section = model.sections.find((s) => contains(s.heading, offset));
  if (section) {
    const inside = model.tables.filter((t) => t.range.start >= section.range.start && t.range.end <= section.range.end);
    const count = findings.filter((f) => f.span.start >= section.range.start && f.span.start <= section.range.end);
    const errors = count.filter((f) => f.severity === 'error').length;
    const tables = inside.map((t) => `${pick(TABLE_NAMES[t.kind], lang)}${t.format ? ` ${t.format === 'mixed' ? '2019/2021' : t.format}` : ''} · ${t.rows.length}${lang === 'zh' ? ' 行' : ' rows'}`);
    const summary = lang === 'zh'
      ? `**${pick(sectionName(section.number), 'zh')}**：${section.children.length} 个小标题${tables.length ? `；${tables.join('；')}` : ''}；${count.length} 项问题（${errors} 项错误）`
      : `**${pick(sectionName(section.number), 'en')}**: ${section.children.length} sub-headings${tables.length ? `; ${tables.join('; ')}` : ''}; ${count.length} findings (${errors} errors)`;
    return { markdown: summary, span: section.heading };
  }
  return undefined;
}
