// The ruling lines a PDF draws: the borders of its tables. PDF.js gives a page's drawing as an
// operator list; the paths that are painted (stroked, or filled as thin bars) and run straight
// across or down are kept, in the page's user space (the current transform applied).

export interface Segment {
  /** 'h': y fixed, from x1 to x2; 'v': x fixed, from y1 to y2 (x1 === x2). */
  dir: 'h' | 'v';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The operator codes used here (pdfjs-dist's OPS, stable across its versions). */
export interface DrawCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  rectangle?: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  /** Painting operators: stroke, fill and their combinations (not endPath, which only clips). */
  paints: number[];
  strokes: number[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Straightness tolerance and the widest filled bar that is still a line, in points. */
const STRAIGHT = 0.6;
const BAR = 2.5;
/** A page drawing more path points than this is a picture, not a table: its rulings are not read. */
export const MAX_PATH_POINTS = 200_000;

function segmentOf(a: [number, number], b: [number, number]): Segment | undefined {
  const [x1, y1] = a;
  const [x2, y2] = b;
  if (Math.abs(y1 - y2) <= STRAIGHT && Math.abs(x1 - x2) > STRAIGHT) {
    const y = (y1 + y2) / 2;
    return { dir: 'h', x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: y, y2: y };
  }
  if (Math.abs(x1 - x2) <= STRAIGHT && Math.abs(y1 - y2) > STRAIGHT) {
    const x = (x1 + x2) / 2;
    return { dir: 'v', x1: x, x2: x, y1: Math.min(y1, y2), y2: Math.max(y1, y2) };
  }
  return undefined;
}

/** A filled axis-aligned rectangle thin enough to be a drawn line, as that line. */
function barOf(points: Array<[number, number]>): Segment | undefined {
  if (points.length < 4 || points.length > 5) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const bottom = Math.min(...ys);
  const top = Math.max(...ys);
  const w = right - left;
  const h = top - bottom;
  if (h <= BAR && w > BAR) return { dir: 'h', x1: left, x2: right, y1: (top + bottom) / 2, y2: (top + bottom) / 2 };
  if (w <= BAR && h > BAR) return { dir: 'v', x1: (left + right) / 2, x2: (left + right) / 2, y1: bottom, y2: top };
  return undefined;
}

/** Every straight painted line of a page. Walks the operator list once; no recursion. */
export function rulingsOf(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, codes: DrawCodes): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let points = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === codes.save) stack.push(ctm);
    else if (fn === codes.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === codes.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === codes.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>) as Matrix);
    } else if (fn === codes.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === codes.constructPath && args) {
      const paint = args[0] as number;
      if (!codes.paints.includes(paint)) continue;
      const data = (args[1] as ArrayLike<unknown>)?.[0] as ArrayLike<number> | undefined;
      if (!data || typeof data !== 'object') continue;
      points += data.length;
      if (points > MAX_PATH_POINTS) return [];
      const stroked = codes.strokes.includes(paint);
      let sub: Array<[number, number]> = [];
      const flush = () => {
        if (!stroked) {
          const bar = barOf(sub);
          if (bar) out.push(bar);
        }
        sub = [];
      };
      for (let k = 0; k < data.length; ) {
        const op = data[k];
        if (op === 0) {
          flush();
          sub.push(apply(ctm, data[k + 1], data[k + 2]));
          k += 3;
        } else if (op === 1) {
          const p = apply(ctm, data[k + 1], data[k + 2]);
          if (stroked && sub.length > 0) {
            const s = segmentOf(sub[sub.length - 1], p);
            if (s) out.push(s);
          }
          sub.push(p);
          k += 3;
        } else if (op === 2) k += 7;
        else if (op === 3) k += 5;
        else if (op === 4) {
          if (stroked && sub.length > 1) {
            const s = segmentOf(sub[sub.length - 1], sub[0]);
            if (s) out.push(s);
          }
          k += 1;
        } else break;
      }
      flush();
    }
  }
  return out;
}
