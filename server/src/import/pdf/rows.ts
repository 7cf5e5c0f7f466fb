// Positioned text → lines and cells. PDF has no table structure, only glyph runs at coordinates:
// runs on one baseline form a line (y to rows), a wide horizontal gap separates cells (x gaps to
// cells), and prose lines that run to the right margin are joined back into their paragraph.

export interface Run {
  text: string;
  x: number;
  /** Baseline, growing upwards (PDF user space). */
  y: number;
  width: number;
  size: number;
}

export interface PdfLine {
  cells: string[];
  /** Baseline of its first visual line (user space, y up). */
  y: number;
  /** 1-based index of the first visual line it came from, on its page. */
  line: number;
  left: number;
  right: number;
  size: number;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** A gap wider than this many font sizes starts a new cell. */
const CELL_GAP = 1.2;
/** Page furniture: "- 3 -", "第 3 页 共 10 页", "3/10". */
const PAGE_NUMBER = /^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

function visualLines(runs: Run[]): Run[][] {
  const sorted = runs.filter((r) => r.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - run.y) <= 0.45 * Math.min(line[0].size, run.size)) line.push(run);
    else lines.push([run]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

interface Cell {
  text: string;
  left: number;
  right: number;
}

function cellsOf(line: Run[]): Cell[] {
  const cells: Cell[] = [];
  let current: Cell | undefined;
  let space = false;
  for (const run of line) {
    // A run of white space is a space between words, never a cell of its own.
    if (run.text.trim() === '') {
      space = true;
      continue;
    }
    const text = run.text.replace(/\s+/g, ' ');
    const gap = current ? run.x - current.right : 0;
    if (!current || gap > CELL_GAP * run.size) {
      if (current) cells.push(current);
      current = { text, left: run.x, right: run.x + run.width };
      space = false;
      continue;
    }
    const spaced = space || (gap > 0.2 * run.size && !CJK.test(current.text[current.text.length - 1]) && !CJK.test(text[0]));
    current.text += (spaced && !current.text.endsWith(' ') ? ' ' : '') + text;
    space = false;
    current.right = Math.max(current.right, run.x + run.width);
  }
  if (current) cells.push(current);
  return cells.map((c) => ({ ...c, text: c.text.trim() })).filter((c) => c.text !== '');
}

/**
 * A blank cell prints nothing, so a table row shows fewer cells than the table has columns. Within a
 * run of table lines the columns are where cells start (starts closer than about a character apart are one
 * column); each cell goes under the column it starts in, and the columns a row leaves empty before
 * its last cell become blank cells — what a paste of the same table gives.
 */
/** Cell starts within this many font sizes are one column (centred numbers start a little apart). */
const TOLERANCE = 1.2;

function alignColumns(table: Array<{ cells: Cell[]; size: number }>): string[][] {
  const size = Math.min(...table.map((l) => l.size));
  const starts = table.flatMap((l) => l.cells.map((c) => c.left)).sort((a, b) => a - b);
  const columns: number[] = [];
  for (const x of starts) if (columns.length === 0 || x - columns[columns.length - 1] > TOLERANCE * size) columns.push(x);
  const columnOf = (left: number) => {
    let k = 0;
    while (k + 1 < columns.length && columns[k + 1] <= left + TOLERANCE * size) k++;
    return k;
  };
  return table.map((line) => {
    const out: string[] = [];
    for (const cell of line.cells) {
      const column = Math.max(columnOf(cell.left), out.length);
      while (out.length < column) out.push('');
      out.push(cell.text);
    }
    return out;
  });
}

/** A line narrower than this many characters is no wrapped paragraph line (a heading, a label). */
const MIN_WRAPPED_WIDTH = 20;

const STARTS_BLOCK = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+|[#*])/;

/** Page numbers stand on the first or last line of a page; a bare number elsewhere is content. */
const isEdge = (i: number, count: number) => i === 0 || i === count - 1;

export function layoutPage(runs: Run[]): PdfLine[] {
  const visual = visualLines(runs)
    .map((line, i) => ({
      cells: cellsOf(line),
      line: i + 1,
      y: line[0].y,
      left: line[0].x,
      // White-space runs carry widths that have nothing to do with where the text ends.
      right: Math.max(...line.map((r) => (r.text.trim() === '' ? r.x : r.x + r.width))),
      size: Math.max(...line.map((r) => r.size)),
    }))
    .filter((l, i, all) => l.cells.length > 0 && !(isEdge(i, all.length) && l.cells.length === 1 && PAGE_NUMBER.test(l.cells[0].text)));
  // Runs of consecutive multi-cell lines are tables: align their columns.
  const lines: PdfLine[] = [];
  for (let i = 0; i < visual.length; ) {
    let j = i;
    while (j < visual.length && visual[j].cells.length > 1) j++;
    if (j > i) {
      const aligned = alignColumns(visual.slice(i, j));
      visual.slice(i, j).forEach((l, k) => lines.push({ ...l, cells: aligned[k] }));
      i = j;
    } else {
      lines.push({ ...visual[i], cells: [visual[i].cells[0].text] });
      i++;
    }
  }
  return joinWrappedProse(lines);
}

/** Prose lines that run to the right margin continue on the next line: join them into one paragraph. */
function joinWrappedProse(lines: PdfLine[]): PdfLine[] {
  const prose = lines.filter((l) => l.cells.length === 1);
  const margin = prose.length ? Math.max(...prose.map((l) => l.right)) : 0;
  const joined: PdfLine[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    // A wrapped line is a long one (a heading reaching the margin is not) that ends at the margin.
    const wraps = previous && previous.cells.length === 1 && line.cells.length === 1
      && previous.right - previous.left >= MIN_WRAPPED_WIDTH * previous.size
      && previous.right >= margin - 1.5 * previous.size && !STARTS_BLOCK.test(line.cells[0]);
    if (wraps) {
      const gap = CJK.test(previous.cells[0].slice(-1)) || CJK.test(line.cells[0][0]) ? '' : ' ';
      previous.cells[0] += gap + line.cells[0];
      previous.right = line.right;
    } else joined.push({ ...line, cells: [...line.cells] });
  }
  return joined;
}
