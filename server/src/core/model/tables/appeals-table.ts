// Table 四 (行政复议、行政诉讼): header words, then one row of 15 values.
import type { LayoutLine } from '../../layout/lines';
import { labelCore, memoised, normalizeLabel, similarity } from '../../text/normalize';
import { FORMATS } from '../../templates';
import type { HeaderCell, Table, TableRow } from '../types';
import { entryCells } from './cells';
import { hasFilledValue, scanEntries } from './entries';
import { isProseLabel, normalizedLabel } from './label-match';
import type { Token } from './tokens';

const SPEC = FORMATS[0].tables.appeals;

/** 行政复议 standing alone as a table header, with 行政诉讼 or an outcome header close after it. */
export function isAppealsAnchor(tokens: Token[], following: () => Token[]): boolean {
  const i = tokens.findIndex((t) => t.kind === 'label' && normalizedLabel(t) === '行政复议');
  if (i < 0) return false;
  // (The lines below are tokenised only for a bare 行政复议: prose that names it is most lines.)
  const near = [...tokens.slice(i + 1), ...following()].slice(0, 8);
  return near.some((t) => ['行政诉讼', '结果维持'].includes(normalizedLabel(t)));
}

/**
 * The template header a header word stands for (modulo spaces); closest one when altered. Worked
 * out once per word: every report repeats the template's headers.
 */
const headerFor = memoised((text: string): string | null => {
  const core = labelCore(text);
  let best: { header: string; score: number } | undefined;
  for (const h of SPEC.headers) {
    const s = similarity(core, normalizeLabel(h));
    if (!best || s > best.score) best = { header: h, score: s };
  }
  return best && best.score >= 0.5 ? best.header : null;
});
const expectedHeader = (text: string): string | undefined => headerFor(text) ?? undefined;

export function parseAppealsTable(
  lines: readonly LayoutLine[],
  startLine: number,
  isStopLine: (line: LayoutLine) => boolean,
): Table {
  let sawValues = false;
  const scan = scanEntries(lines, startLine, (line, tokens) => {
    if (line.index !== startLine && isStopLine(line)) return false;
    if (sawValues && tokens.some((t) => t.kind === 'label')) return false;
    if (tokens.some((t) => t.kind === 'label' && isProseLabel(t))) return false;
    if (tokens.some((t) => t.kind === 'value')) sawValues = true;
    return true;
  });
  const headers: HeaderCell[] = [];
  const rows: TableRow[] = [];
  for (const entry of scan.entries) {
    for (const t of entry.labels) {
      headers.push({ text: t.text, start: t.start, end: t.end, line: t.line, expected: expectedHeader(t.text) });
    }
    if (hasFilledValue(entry) && rows.length === 0) {
      const first = entry.values[0];
      rows.push({
        spec: SPEC.rows[0],
        label: '',
        labelSpan: { start: first.start, end: first.start },
        line: first.line,
        cells: entryCells(entry, SPEC.columns.length),
        columns: SPEC.columns,
      });
    }
  }
  return {
    kind: 'appeals',
    format: undefined,
    range: { start: lines[startLine].start, end: lines[scan.lastLine].end },
    line: startLine,
    headers,
    rows,
  };
}
