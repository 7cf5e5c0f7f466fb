// One self-contained review page: every report with its format, year and counts (sortable by
// errors), and per report the three tables with totals coloured and the findings in order.
import { escapeHtml, localize, SUMMARY_CSS } from '../../core';
import type { FileOutcome } from '../check-file';
import { locate } from './positions';

const PAGE_CSS = `
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
table.overview { border-collapse: collapse; margin-bottom: 2em; }
table.overview th, table.overview td { border: 1px solid #ccc; padding: 3px 8px; }
table.overview th { background: #eee; cursor: pointer; user-select: none; white-space: nowrap; }
table.overview td.num { text-align: right; }
table.overview tr.has-errors td.errors { color: #c62828; font-weight: bold; }
section.report { border-top: 2px solid #999; margin-top: 2em; padding-top: 0.5em; }
.unreadable { color: #c62828; }
${SUMMARY_CSS}`;

/**
 * The page carries report text from outside: nothing in it may run or load. Only its own style
 * and script, by their hashes (no inline handlers, no other source, no network).
 */
// node:crypto is loaded when a page is written, not by every run of the CLI (~3 ms at start-up).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sha256 = (text: string) => `'sha256-${(require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const cspMeta = (script: string, style: string) =>
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src data:; base-uri 'none'; form-action 'none'">`;

// Sorting by a column: a few lines of script, no dependency; the page works without it.
const SORT_SCRIPT = `
document.querySelectorAll('table.overview th[data-sort]').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var body = th.closest('table').querySelector('tbody');
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = th.dataset.sort === 'number';
    var dir = th.dataset.dir === 'desc' ? 1 : -1;
    th.dataset.dir = dir === 1 ? 'asc' : 'desc';
    rows.sort(function (a, b) {
      var x = a.cells[th.cellIndex].textContent, y = b.cells[th.cellIndex].textContent;
      return numeric ? dir * (Number(x) - Number(y)) : dir * x.localeCompare(y);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});`;

const CSP = cspMeta(SORT_SCRIPT, PAGE_CSS);

export function toHtml(outcomes: FileOutcome[], lang: 'zh' | 'en', seconds: number): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const count = (o: FileOutcome, s: string) => o.findings.filter((f) => f.severity === s).length;
  // Worst first: the reviewer sends those back.
  const order = outcomes.map((o, i) => ({ o, i })).sort((a, b) => count(b.o, 'error') - count(a.o, 'error') || a.i - b.i);
  const rows = order.map(({ o, i }) => {
    const errors = count(o, 'error');
    return `<tr class="${errors ? 'has-errors' : ''}"><td><a href="#r${i}">${escapeHtml(o.file)}</a></td><td>${escapeHtml(o.title ?? '')}</td><td>${o.format ?? ''}</td><td class="num">${o.year ?? ''}</td><td class="num errors">${errors}</td><td class="num">${count(o, 'warning')}</td></tr>`;
  });
  const sections = outcomes.map((o, i) => {
    if (o.error) return `<section class="report" id="r${i}"><h2>${escapeHtml(o.file)}</h2><p class="unreadable">${escapeHtml(o.error)}</p></section>`;
    const list = o.findings
      .map((f) => {
        const l = locate(o, f);
        return `<li class="${f.severity}"><span class="where">${t(`第 ${l.line} 行`, `line ${l.line}`)}</span> <code>${f.rule}</code> ${escapeHtml(localize(f.message, lang))}</li>`;
      })
      .join('\n');
    return `<section class="report" id="r${i}">
<p><a href="#top">↑ ${t('返回列表', 'back to the list')}</a> · <code>${escapeHtml(o.file)}</code></p>
${o.summary ?? ''}
<h3>${t('全部问题（按位置）', 'All findings, in order')}</h3>
<ul class="findings">${list || `<li>${t('未发现问题。', 'No findings.')}</li>`}</ul>
</section>`;
  });
  const errors = outcomes.reduce((a, o) => a + count(o, 'error'), 0);
  const warnings = outcomes.reduce((a, o) => a + count(o, 'warning'), 0);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">${CSP}<title>${t('年报审核', 'Annual report review')}</title><style>${PAGE_CSS}</style></head>
<body><h1 id="top">${t('政府信息公开工作年度报告 审核', 'Annual report review')}</h1>
<p class="meta">${t(`${outcomes.length} 份文件，错误 ${errors}，警告 ${warnings}，用时 ${seconds.toFixed(1)} 秒`, `${outcomes.length} files, ${errors} errors, ${warnings} warnings in ${seconds.toFixed(1)} s`)}</p>
<table class="overview"><thead><tr><th data-sort="text">${t('文件', 'File')}</th><th data-sort="text">${t('标题', 'Title')}</th><th data-sort="text">${t('格式', 'Format')}</th><th data-sort="number">${t('年度', 'Year')}</th><th data-sort="number">${t('错误', 'Errors')}</th><th data-sort="number">${t('警告', 'Warnings')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${sections.join('\n')}
<script>${SORT_SCRIPT}</script>
</body></html>
`;
}
