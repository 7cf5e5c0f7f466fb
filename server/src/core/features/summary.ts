// The report summary a reviewer reads instead of prose: the three tables as real tables, every
// total cell green or red with the computed value beside it, and the findings grouped by section.
// Plain HTML (no scripts), used by the editor's summary view and the CLI's HTML review page.
import type { Analysis } from '../analyze';
import { sectionName, TABLE_NAMES } from '../checks/shared/names';
import type { Finding } from '../checks/types';
import { evaluateIdentities, type EvaluatedIdentity } from '../evaluate/identities';
import type { Table } from '../model/types';
import { template } from '../templates';
import type { FormatId } from '../templates/types';

type Lang = 'zh' | 'en';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Each total cell's verdict: the identities where it stands alone on the left. */
function totals(identities: EvaluatedIdentity[]): Map<number, { ok: boolean; computed: string }> {
  const out = new Map<number, { ok: boolean; computed: string }>();
  for (const e of identities) {
    if (e.status === 'unjudged' || e.left.length !== 1 || !e.left[0].cell) continue;
    const key = e.left[0].cell.start;
    const prev = out.get(key);
    const ok = e.status === 'holds' && (prev?.ok ?? true);
    out.set(key, { ok, computed: prev && !prev.ok ? prev.computed : e.rightSum!.toString() });
  }
  return out;
}

function tableHtml(table: Table, verdicts: Map<number, { ok: boolean; computed: string }>, lang: Lang): string {
  const columns = table.rows.find((r) => r.spec && r.columns.length > 0)?.columns ?? [];
  const rows: string[] = [];
  let block: string | undefined;
  for (const row of table.rows) {
    if (table.kind === 'active' && row.block !== block) {
      block = row.block;
      const heads = row.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
      rows.push(`<tr class="block"><th>第二十条第（${escapeHtml(block ?? '')}）项</th>${heads}</tr>`);
    }
    // The first row of a group carries the group's label (（三）不予公开 · 1.属于国家秘密).
    const group = row.spec?.group && row.spec.group !== 'results' ? template('2021').tables.applications.groups.find((g) => g.id === row.spec!.group) : undefined;
    const firstOfGroup = group && row.spec?.ordinal === '1';
    const label = escapeHtml(`${firstOfGroup ? `${group.label} · ` : ''}${row.spec?.label ?? row.label}`);
    const unbalanced = row.cells.length !== row.columns.length;
    const cells = row.cells.map((c) => {
      const v = verdicts.get(c.start);
      const text = c.text === '' ? '□' : escapeHtml(c.text);
      if (!v) return `<td${c.value.kind !== 'number' ? ' class="blank"' : ''}>${text}</td>`;
      return v.ok ? `<td class="ok">${text}</td>` : `<td class="bad">${text} <span class="computed">= ${escapeHtml(v.computed)}</span></td>`;
    });
    const note = unbalanced ? `<td class="note">${lang === 'zh' ? `${row.cells.length}/${row.columns.length} 格` : `${row.cells.length}/${row.columns.length} cells`}</td>` : '';
    rows.push(`<tr${unbalanced ? ' class="unbalanced"' : ''}><th>${label}</th>${cells.join('')}${note}</tr>`);
  }
  const head = table.kind === 'active' ? '' : `<tr><th></th>${columns.map((c) => `<th>${escapeHtml(c.short)}</th>`).join('')}</tr>`;
  return `<h3>${escapeHtml(TABLE_NAMES[table.kind][lang])}${table.format ? ` <small>${table.format === 'mixed' ? '2019/2021' : table.format}</small>` : ''}</h3>\n<table class="report-table ${table.kind}">${head}${rows.join('\n')}</table>`;
}

function findingsHtml(analysis: Analysis, findings: readonly Finding[], lang: Lang): string {
  const { model } = analysis;
  const groups = new Map<string, Finding[]>();
  const sectionOf = (f: Finding) => {
    const s = [...model.sections].reverse().find((x) => x.heading.start <= f.span.start);
    return s ? sectionName(s.number)[lang] : lang === 'zh' ? '标题与开头' : 'Title and opening';
  };
  for (const f of findings) {
    const key = sectionOf(f);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  if (findings.length === 0) return `<p class="clean">${lang === 'zh' ? '未发现问题。' : 'No findings.'}</p>`;
  const parts = [...groups.entries()].map(([section, list]) => {
    const items = list.map((f) => {
      const line = model.source.positionAt(f.span.start).line + 1;
      return `<li class="${f.severity}"><span class="where">${lang === 'zh' ? `第 ${line} 行` : `line ${line}`}</span> <code>${f.rule}</code> ${escapeHtml(f.message[lang])}</li>`;
    });
    return `<h4>${escapeHtml(section)} <small>(${list.length})</small></h4>\n<ul class="findings">${items.join('\n')}</ul>`;
  });
  return parts.join('\n');
}

export const SUMMARY_CSS = `
table.report-table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
table.report-table th, table.report-table td { border: 1px solid #8884; padding: 2px 6px; text-align: right; white-space: nowrap; }
table.report-table th { text-align: left; font-weight: normal; max-width: 28em; white-space: normal; }
table.report-table tr.block th { font-weight: bold; background: #8881; }
td.ok { background: #2e7d3233; }
td.bad { background: #c6282844; font-weight: bold; }
td.blank { background: #f9a82533; }
tr.unbalanced th { text-decoration: underline wavy #c62828; }
td.note { color: #c62828; border: none; }
span.computed { font-weight: normal; color: #c62828; }
ul.findings { padding-left: 1.2em; }
ul.findings li.error::marker { color: #c62828; }
ul.findings li.warning::marker { color: #f9a825; }
span.where { color: #888; }
`;

/** An HTML fragment (no <html>): header, the three tables, the findings by section. */
export function summaryHtml(analysis: Analysis, lang: Lang, required: FormatId | null): string {
  const { model, findings } = analysis;
  if (!model.isReport) return `<p>${lang === 'zh' ? '此文件不是政府信息公开工作年度报告。' : 'This file is not an annual report.'}</p>`;
  const verdicts = totals(evaluateIdentities(model, required));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const header = `<h2>${escapeHtml(model.title?.text ?? (lang === 'zh' ? '（无标题）' : '(untitled)'))}</h2>
<p class="meta">${lang === 'zh' ? '格式' : 'Format'}: ${model.format ?? '?'} · ${lang === 'zh' ? '年度' : 'Year'}: ${model.year?.value ?? '?'} · ${lang === 'zh' ? `错误 ${errors}，警告 ${warnings}` : `${errors} errors, ${warnings} warnings`}</p>`;
  const tables = model.tables.map((t) => tableHtml(t, verdicts, lang)).join('\n');
  return `${header}\n${tables || `<p>${lang === 'zh' ? '未找到表格。' : 'No tables found.'}</p>`}\n<h3>${lang === 'zh' ? '问题' : 'Findings'}</h3>\n${findingsHtml(analysis, findings, lang)}`;
}
