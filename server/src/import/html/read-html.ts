// .html → report text. A real HTML parser (htmlparser2); page chrome (navigation, headers, footers,
// scripts) dropped; the article found as the smallest element holding the statutory section
// headings; tables expanded from rowspan/colspan into rows of the cells that really stand there.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { SECTIONS } from '../../core/templates/sections';
import { joinPieces, tableCellPlace, TextBuilder, type BuiltCell } from '../builder';
import { BUDGETS, overBudget } from '../budgets';
import type { ImportedReport } from '../types';
import { decodeHtml } from './decode';

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'nav', 'footer', 'aside', 'form', 'select', 'button', 'object', 'svg', 'head', 'map']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'table', 'tr', 'hr', 'body', 'html', 'figure', 'figcaption', 'caption', 'address']);
const CHROME = /(^|[\s_-])(nav|navbar|menu|breadcrumb|crumb|footer|share|sidebar|toolbar|bdsharebuttonbox)([\s_-]|$)/i;

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const elementChildren = (e: Element) => e.children.filter(isElement);

function hidden(e: Element): boolean {
  if (DROPPED.has(e.name)) return true;
  if (/display\s*:\s*none/i.test(e.attribs.style ?? '')) return true;
  return CHROME.test(`${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`);
}

/** "div#zoom", "p[3]": a readable path step (index among same-named siblings). */
function step(e: Element): string {
  if (e.attribs.id) return `${e.name}#${e.attribs.id}`;
  const same = (e.parent && 'children' in e.parent ? e.parent.children : []).filter((s) => isElement(s) && s.name === e.name);
  const cls = e.attribs.class ? `.${e.attribs.class.trim().split(/\s+/)[0]}` : '';
  return same.length > 1 ? `${e.name}${cls}[${same.indexOf(e) + 1}]` : `${e.name}${cls}`;
}

function pathOf(e: Element): string {
  const steps: string[] = [];
  for (let n: Element | null = e; n && n.type === 'tag'; n = n.parent && n.parent.type === 'tag' ? (n.parent as Element) : null) {
    steps.unshift(step(n));
    if (n.attribs.id) break; // an id is unique: the path can start there
  }
  return steps.join(' > ');
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (isElement(node) && !hidden(node)) return node.name === 'br' ? '\n' : node.children.map(textOf).join('');
  return '';
}

/** Folds HTML white space; a line break between two Chinese characters vanishes, as the eye reads it. */
function fold(text: string): string {
  return text
    .replace(/([\u3000-\u9fff\uff00-\uffef])[ \t\r\n\u00a0]*\n[ \t\r\n\u00a0]*(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1')
    .replace(/[ \t\r\n\u00a0]+/g, ' ');
}

const HEADINGS = SECTIONS.flatMap((s) => [s.title, ...s.variants].map((t) => ({ number: s.number, title: t })));

/** The smallest element that holds as many statutory section headings as the page has. */
function contentRoot(root: Element): Element {
  const hits = new Map<Element, Set<number>>();
  const visit = (e: Element): Set<number> => {
    const found = new Set<number>();
    for (const c of e.children) {
      if (c.type === 'text') {
        // A heading starts its text ("一、总体情况…"); an intro sentence listing the parts does not count.
        const t = c.data.replace(/\s+/g, '').replace(/^[一二三四五六七八九十]+[、.．]/, '');
        for (const h of HEADINGS) if (t.startsWith(h.title)) found.add(h.number);
      } else if (isElement(c) && !hidden(c)) for (const n of visit(c)) found.add(n);
    }
    hits.set(e, found);
    return found;
  };
  const best = visit(root).size;
  if (best < 2) return root;
  let node = root;
  for (;;) {
    const inner = elementChildren(node).find((c) => (hits.get(c)?.size ?? 0) === best);
    if (!inner) return node;
    node = inner;
  }
}

interface Context {
  out: TextBuilder;
  tables: number;
}

function isLayoutTable(table: Element): boolean {
  const rows = tableRows(table);
  return rows.some((row) => cellsOf(row).some((cell) => containsTable(cell))) || rows.every((row) => cellsOf(row).length <= 1);
}

function containsTable(e: Element): boolean {
  return elementChildren(e).some((c) => c.name === 'table' || containsTable(c));
}

/** The table's own rows (through thead/tbody/tfoot), not those of tables nested in its cells. */
function tableRows(table: Element): Element[] {
  return elementChildren(table).flatMap((c) => (c.name === 'tr' ? [c] : ['thead', 'tbody', 'tfoot'].includes(c.name) ? elementChildren(c).filter((r) => r.name === 'tr') : []));
}

const cellsOf = (row: Element) => elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th');

function span(e: Element, attribute: string): number {
  const n = Number.parseInt(e.attribs[attribute] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

function dataTable(table: Element, context: Context): void {
  const index = ++context.tables;
  let slots = 0;
  const path = pathOf(table);
  // Columns still covered by a rowspan from a row above: how many rows they stay covered.
  const covered: number[] = [];
  context.out.blank();
  tableRows(table).forEach((row, r) => {
    const cells: BuiltCell[] = [];
    let column = 0;
    for (const cell of cellsOf(row)) {
      while ((covered[column] ?? 0) > 0) column++;
      cells.push({ text: joinPieces(fold(textOf(cell)).split('\n')), where: tableCellPlace(index, r + 1, column + 1, path) });
      const rows = span(cell, 'rowspan');
      const columns = span(cell, 'colspan');
      // Counted before they are walked: a few cells spanning thousands of columns stop here.
      if (column + columns > BUDGETS.tableColumns) throw overBudget('tableColumns');
      for (let k = 0; k < columns; k++) covered[column + k] = Math.max(covered[column + k] ?? 0, rows);
      column += columns;
    }
    slots += Math.max(column, covered.length);
    if (slots > BUDGETS.tableCells) throw overBudget('tableCells');
    // This row is done: every rowspan covers one row fewer.
    for (let k = 0; k < covered.length; k++) if (covered[k]) covered[k]--;
    context.out.row(cells);
  });
  context.out.blank();
}

/** Renders block content: consecutive inline text forms one line, placed at its block's path. */
function render(container: Element, context: Context): void {
  let pending: string[] = [];
  const flush = () => {
    const text = fold(pending.join(''));
    pending = [];
    for (const line of text.split('\n')) {
      if (line.trim()) context.out.paragraph(line, { zh: pathOf(container), en: pathOf(container) });
    }
  };
  for (const node of container.children) {
    if (node.type === 'text') pending.push(node.data);
    else if (!isElement(node) || hidden(node)) continue;
    else if (node.name === 'br') pending.push('\n');
    else if (node.name === 'table') {
      flush();
      if (isLayoutTable(node)) for (const row of tableRows(node)) for (const cell of cellsOf(row)) render(cell, context);
      else dataTable(node, context);
    } else if (BLOCKS.has(node.name)) {
      flush();
      render(node, context);
    } else if (containsBlock(node)) {
      flush();
      render(node, context);
    } else pending.push(textOf(node));
  }
  flush();
}

function containsBlock(e: Element): boolean {
  return elementChildren(e).some((c) => BLOCKS.has(c.name) || containsBlock(c));
}

/** The report's title when the page shows it outside the article (a heading above it). */
function titleOutside(root: Element, article: Element): Element | undefined {
  let found: Element | undefined;
  const visit = (e: Element) => {
    if (found || e === article || hidden(e)) return;
    const text = fold(textOf(e)).trim();
    if (text.length < 80 && /政府信息公开.{0,10}年度?报告/.test(text) && !elementChildren(e).some((c) => fold(textOf(c)).trim() === text)) {
      found = e;
      return;
    }
    elementChildren(e).forEach(visit);
  };
  visit(root);
  return found;
}

/**
 * The page's size and depth, walked without recursion before anything else walks it: the readers
 * below recurse, which is safe only once the depth is known to be bounded.
 */
function withinBudgets(roots: ChildNode[]): void {
  const stack: Array<{ node: ChildNode; depth: number }> = roots.map((node) => ({ node, depth: 1 }));
  let count = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isElement(node)) continue;
    if (++count > BUDGETS.htmlElements) throw overBudget('htmlElements');
    if (depth > BUDGETS.depth) throw overBudget('depth');
    for (const c of node.children) stack.push({ node: c, depth: depth + 1 });
  }
}

export function readHtml(bytes: Uint8Array): ImportedReport {
  const { text, encoding } = decodeHtml(bytes);
  const document = parseDocument(text, { decodeEntities: true, lowerCaseTags: true });
  withinBudgets(document.children);
  const html = document.children.filter(isElement).find((e) => e.name === 'html');
  const body = (html && elementChildren(html).find((e) => e.name === 'body')) ?? html ?? ({ type: 'tag', name: 'body', attribs: {}, children: document.children, parent: null } as unknown as Element);
  const article = contentRoot(body);
  const context: Context = { out: new TextBuilder('html'), tables: 0 };
  const title = article === body ? undefined : titleOutside(body, article);
  if (title) context.out.paragraph(fold(textOf(title)), { zh: pathOf(title), en: pathOf(title) });
  render(article, context);
  if (encoding !== 'UTF-8') context.out.note({ zh: `按 ${encoding} 解码`, en: `decoded as ${encoding}` });
  return context.out.build();
}
