// Tables rebuilt from the lines a PDF draws around its cells (a "lattice"). Where a table is ruled,
// its cells are the boxes between the rulings: a wrapped header ("商 业 企" / "业") is one cell, a
// vertically merged label (本年度办理结果, （三）不予公开) is one cell that spans its rows, a cell
// with nothing printed in it is a blank cell in its column, and no column is made from a gap. Each
// table comes out as rows of cells the way the .docx reader gives them: a merged cell's text in its
// first row, '' below it; a cell spanning columns once.
import type { Run } from './rows';
import type { Segment } from './rulings';

export interface LatticeCell {
  /** '' for a blank cell, and for the rows of a merged cell below its first. */
  text: string;
  left: number;
  right: number;
  /** How many rows the (merged) cell spans, and whether this row is its first. */
  rowSpan: number;
  first: boolean;
  /** For the rows of a merged cell below its first: the cell in that first row. */
  origin?: LatticeCell;
}

export interface LatticeTable {
  /** Top and bottom of the table (user space, y up). */
  top: number;
  bottom: number;
  rows: LatticeCell[][];
}

/** Coordinates closer than this are one ruling line. */
const SAME = 1.6;

const CJK_CHAR = /[\u3000-\u9fff\uff00-\uffef]/;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - group[group.length - 1] > SAME) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const touches = (h: Segment, v: Segment) =>
  v.x1 >= h.x1 - SAME && v.x1 <= h.x2 + SAME && h.y1 >= v.y1 - SAME && h.y1 <= v.y2 + SAME;

/** Groups of rulings that cross or meet: each group is one drawn table. */
function components(segments: Segment[]): Segment[][] {
  const hs = segments.filter((s) => s.dir === 'h');
  const vs = segments.filter((s) => s.dir === 'v');
  const uf = new UnionFind(segments.length);
  const index = new Map(segments.map((s, i) => [s, i]));
  // Sorted by x, a vertical meets only the horizontals whose span reaches it.
  for (const h of hs) for (const v of vs) if (touches(h, v)) uf.union(index.get(h)!, index.get(v)!);
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });
  return [...groups.values()];
}

interface Grid {
  xs: number[];
  /** Top to bottom. */
  ys: number[];
  /** For each grid cell (row-major), the merged cell it belongs to. */
  cellOf: number[];
  cols: number;
  rows: number;
}

function covers(segments: Segment[], dir: 'h' | 'v', at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return segments.some((s) =>
    s.dir === dir &&
    (dir === 'v' ? Math.abs(s.x1 - at) <= SAME && s.y1 <= mid && s.y2 >= mid : Math.abs(s.y1 - at) <= SAME && s.x1 <= mid && s.x2 >= mid),
  );
}

function gridOf(group: Segment[]): Grid | undefined {
  const xs = cluster(group.filter((s) => s.dir === 'v').map((s) => s.x1));
  const ys = cluster(group.filter((s) => s.dir === 'h').map((s) => s.y1)).reverse();
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 2 || rows < 1) return undefined;
  const uf = new UnionFind(cols * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      // No ruling between this box and the one to its right / below: one merged cell.
      if (i + 1 < cols && !covers(group, 'v', xs[i + 1], ys[j + 1], ys[j])) uf.union(j * cols + i, j * cols + i + 1);
      if (j + 1 < rows && !covers(group, 'h', ys[j + 1], xs[i], xs[i + 1])) uf.union(j * cols + i, (j + 1) * cols + i);
    }
  }
  const cellOf = Array.from({ length: cols * rows }, (_, k) => uf.find(k));
  return { xs, ys, cellOf, cols, rows };
}

function locate(grid: Grid, x: number, y: number): number | undefined {
  const { xs, ys } = grid;
  if (x < xs[0] || x > xs[xs.length - 1] || y > ys[0] || y < ys[ys.length - 1]) return undefined;
  let i = 0;
  while (i + 1 < grid.cols && x >= xs[i + 1]) i++;
  let j = 0;
  while (j + 1 < grid.rows && y <= ys[j + 1]) j++;
  return grid.cellOf[j * grid.cols + i];
}

/** A cell's runs as text: top line first, each line left to right, no spaces between CJK characters. */
export function cellText(runs: Run[]): string {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - r.y) <= 0.45 * Math.min(line[0].size, r.size)) line.push(r);
    else lines.push([r]);
  }
  let text = '';
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let right = -Infinity;
    for (const r of line) {
      const piece = r.text.replace(/\s+/g, ' ');
      const last = text[text.length - 1] ?? '';
      const gap = r.x - right;
      if (text !== '' && right !== -Infinity && gap > 0.2 * r.size && !CJK_CHAR.test(last) && !CJK_CHAR.test(piece[0] ?? '')) text += ' ';
      text += piece;
      right = r.x + r.width;
    }
    // A wrapped line continues the cell's text (Chinese needs no space; other text gets one).
    text += '\n';
  }
  return text
    .replace(/\n+$/, '')
    .replace(/([^\n])\n(?=[^\n])/g, (_m, a: string, offset: number, all: string) => (CJK_CHAR.test(a) || CJK_CHAR.test(all[offset + 2] ?? '') ? a : `${a} `))
    .replace(/([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1')
    .trim();
}

/**
 * The ruled tables of a page, and the runs outside them. A run belongs to the cell its centre
 * falls in.
 */
export function latticeTables(runs: Run[], segments: Segment[]): { tables: LatticeTable[]; rest: Run[] } {
  const grids = components(segments).map(gridOf).filter((g): g is Grid => g !== undefined);
  if (grids.length === 0) return { tables: [], rest: runs };
  const byGrid = grids.map(() => new Map<number, Run[]>());
  const rest: Run[] = [];
  for (const run of runs) {
    if (run.text.trim() === '') continue;
    const cx = run.x + run.width / 2;
    const cy = run.y + 0.35 * run.size;
    let placed = false;
    for (let g = 0; g < grids.length && !placed; g++) {
      const cell = locate(grids[g], cx, cy);
      if (cell === undefined) continue;
      const list = byGrid[g].get(cell);
      if (list) list.push(run);
      else byGrid[g].set(cell, [run]);
      placed = true;
    }
    if (!placed) rest.push(run);
  }
  const tables = grids.map((grid, g) => {
    const rows: LatticeCell[][] = [];
    const texts = new Map([...byGrid[g]].map(([cell, list]) => [cell, cellText(list)]));
    // Each merged cell's last column and how many rows it spans.
    const spans = new Map<number, { right: number; rows: Set<number> }>();
    grid.cellOf.forEach((cell, k) => {
      const s = spans.get(cell) ?? { right: 0, rows: new Set<number>() };
      s.right = Math.max(s.right, k % grid.cols);
      s.rows.add(Math.floor(k / grid.cols));
      spans.set(cell, s);
    });
    const firstOf = new Map<number, LatticeCell>();
    for (let j = 0; j < grid.rows; j++) {
      const row: LatticeCell[] = [];
      for (let i = 0; i < grid.cols; i++) {
        const cell = grid.cellOf[j * grid.cols + i];
        // A cell spanning columns is one cell; a cell spanning rows gives its text to its first row.
        if (i > 0 && grid.cellOf[j * grid.cols + i - 1] === cell) continue;
        const first = j === 0 || grid.cellOf[(j - 1) * grid.cols + i] !== cell;
        const span = spans.get(cell)!;
        const out: LatticeCell = { text: first ? (texts.get(cell) ?? '') : '', left: grid.xs[i], right: grid.xs[span.right + 1], rowSpan: span.rows.size, first, origin: first ? undefined : firstOf.get(cell) };
        if (first) firstOf.set(cell, out);
        row.push(out);
      }
      if (row.some((c) => c.text !== '')) rows.push(row);
    }
    return { top: grid.ys[0], bottom: grid.ys[grid.ys.length - 1], rows };
  });
  return { tables: tables.filter((t) => t.rows.length > 0), rest };
}

const NUMBER_LIKE = /^[\d\s.,，%+\-—/]*$/;
/** Labels in these tables start with their ordinal; a fragment continuing one does not. */
const STARTS_LABEL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

/**
 * A merged cell that a page break cut in two ("（四）无" at the foot of one page, "法提供" at the
 * head of the next, where the same cell goes on over two more rows): the continuation's text is
 * given back to the cell it continues. Only label text, never numbers, and never a piece that starts
 * with an ordinal of its own (that is a new cell).
 */
export function joinAcrossPageBreak(last: LatticeCell[], next: LatticeCell[]): void {
  for (const cell of next) {
    if (cell.text === '' || !cell.first || cell.rowSpan < 2 || NUMBER_LIKE.test(cell.text) || STARTS_LABEL.test(cell.text)) continue;
    const above = last.find((c) => Math.abs(c.left - cell.left) < 2 && Math.abs(c.right - cell.right) < 2);
    const target = above?.first ? above : above?.origin;
    if (!target || target.text === '' || NUMBER_LIKE.test(target.text)) continue;
    target.text += cell.text;
    cell.text = '';
  }
}
