// Table 三 (收到和处理政府信息公开申请情况): rows mapped to the template rows of either format.
import type { LayoutLine } from '../../layout/lines';
import { labelCore, memoised, normalizedSurelyLongerThan, normalizeLabel, splitOrdinal } from '../../text/normalize';
import { FORMATS } from '../../templates';
import type { FormatId, GroupSpec, RowSpec } from '../../templates/types';
import type { HeaderCell, Table, TableRow, TextPiece } from '../types';
import { entryCells } from './cells';
import { hasFilledValue, scanEntries } from './entries';
import { isProseLabel, keyScore, normalizedLabel } from './label-match';
import { makeToken, type Token } from './tokens';

interface UnionRow {
  spec: RowSpec;
  /** Set when only one format has this row. */
  format?: FormatId;
}

/**
 * Rows of every format in template order, each once (the formats differ only in （六）). A row
 * that only an older format has goes before the next row it shares with the others.
 */
function unionRows(): UnionRow[] {
  const union: RowSpec[] = [];
  for (const f of FORMATS) {
    const own = f.tables.applications.rows;
    own.forEach((spec, idx) => {
      if (union.some((r) => r.id === spec.id)) return;
      const next = own.slice(idx + 1).find((r) => union.some((u) => u.id === r.id));
      union.splice(next ? union.findIndex((u) => u.id === next.id) : union.length, 0, spec);
    });
  }
  return union.map((spec) => {
    const having = FORMATS.filter((f) => f.tables.applications.rows.some((r) => r.id === spec.id));
    return { spec, format: having.length === 1 ? having[0].id : undefined };
  });
}

const UNION_ROWS = unionRows();
const UNION_GROUPS: GroupSpec[] = [];
for (const f of FORMATS) {
  for (const g of f.tables.applications.groups) if (!UNION_GROUPS.some((u) => u.id === g.id)) UNION_GROUPS.push(g);
}
/** The groups' keys normalised once (template data). */
const GROUP_KEYS = UNION_GROUPS.map((group) => ({ group, keys: group.keys.map((k) => normalizeLabel(k)) }));
const COLUMNS = FORMATS[0].tables.applications.columns;
/** Header words such as 总计 and 其他 are also row labels: before the first row only these rows count. */
const FIRST_ROWS = 3;

/**
 * A label's score against every union row, in order: worked out once per label text (the parser
 * asks again for each row it might be, and every report repeats the template's labels).
 */
const rowScores = memoised((text: string): Float64Array => {
  const { ordinal } = splitOrdinal(normalizeLabel(text));
  return Float64Array.from(UNION_ROWS, ({ spec }) => {
    const score = keyScore(text, spec.keys);
    // "3.其他" under （六）: the ordinal decides between short labels.
    return score > 0 && ordinal && spec.ordinal && normalizeLabel(spec.ordinal) !== ordinal ? score * 0.9 : score;
  });
});

/** Where table 三 starts: its header or its first row label, in a table-like line. */
export function isApplicationsAnchor(tokens: Token[]): boolean {
  return tokens.some((t) => {
    if (t.kind !== 'label' || normalizedSurelyLongerThan(t.text, 45)) return false;
    const n = normalizedLabel(t);
    if (n.length > 45) return false;
    return n.includes('本列数据的勾稽关系') || n === '申请人情况' || keyScore(t.text, UNION_ROWS[0].spec.keys) >= 0.9;
  });
}

function groupOf(text: string): GroupSpec | undefined {
  const core = labelCore(text);
  return GROUP_KEYS.find((g) => g.keys.includes(core))?.group;
}

/** Splits a fused "三、本年度办理结果 (一) 予以公开" into its group and the rest. */
function splitFusedGroup(token: Token): { group?: GroupSpec; rest?: Token } {
  const core = labelCore(token.text);
  for (const { group: g, keys } of GROUP_KEYS) {
    for (const key of keys) {
      if (core.startsWith(key) && core.length > key.length + 1) {
        // Find where the key ends in the original text by counting non-space characters.
        let seen = 0;
        let cut = 0;
        const afterOrdinal = token.text.length - token.text.replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])\s*/, '').length;
        for (let i = afterOrdinal; i < token.text.length; i++) {
          if (!/\s/.test(token.text[i])) seen++;
          if (seen === key.length) {
            cut = i + 1;
            break;
          }
        }
        while (cut < token.text.length && /\s/.test(token.text[cut])) cut++;
        return { group: g, rest: makeToken(token.text.slice(cut), token.start + cut, token.end, token.kind, token.line) };
      }
    }
  }
  return {};
}

export function parseApplicationsTable(
  lines: readonly LayoutLine[],
  startLine: number,
  isStopLine: (line: LayoutLine) => boolean,
): Table {
  const headers: HeaderCell[] = [];
  const rows: TableRow[] = [];
  const groups = new Map<string, TextPiece>();
  let cursor = 0;
  let rowsStarted = false;
  let finished = false;

  const scan = scanEntries(lines, startLine, (line, tokens) => {
    if (line.index !== startLine && isStopLine(line)) return false;
    // (One pass over the line's labels, no array or object per line: every line of the table comes here.)
    let startsRows = false;
    for (const t of tokens) {
      if (t.kind !== 'label') continue;
      if (finished) return false;
      if (isProseLabel(t) && bestRow(t.text, 0).score < 0.6) return false;
      // Table 四 starts with a bare 行政复议 header.
      if (rowsStarted && normalizedLabel(t) === '行政复议') return false;
      if (!startsRows && bestRow(t.text, 0, true).score >= 0.6) startsRows = true;
    }
    if (startsRows) rowsStarted = true;
    return true;
  });

  /** Best template row for a label, from `from` on; before the first row only the first rows. */
  function bestRow(text: string, from: number, headerPhase = false): { index: number; score: number } {
    let index = -1;
    let score = 0;
    const until = headerPhase ? FIRST_ROWS : UNION_ROWS.length;
    const scores = rowScores(text);
    for (let i = from; i < until; i++) {
      if (scores[i] > score + 0.05) {
        index = i;
        score = scores[i];
      }
    }
    return { index, score };
  }

  let sawRows = false;
  let lastRow: TableRow | undefined;
  for (const entry of scan.entries) {
    let rowForValues: TableRow | undefined;
    const labels = entry.labels;
    labels.forEach((token, k) => {
      const isLast = k === labels.length - 1;
      // A full row of blank cells is cells too (a web page's 2019 （六）其他处理 with nothing in it).
      const hasValues = hasFilledValue(entry) || entry.values.length >= COLUMNS.length;
      // A bare ordinal ("（三）") carries nothing the next label does not.
      if (labelCore(token.text) === '') return;
      const group = groupOf(token.text);
      // （六）其他处理: a 2019 row when values follow it, a 2021 group label otherwise.
      const rowHere = bestRow(token.text, cursor, !sawRows);
      if (group && !(rowHere.score === 1 && isLast && hasValues)) {
        groups.set(group.id, { text: token.text, start: token.start, end: token.end });
        return;
      }
      const fused = splitFusedGroup(token);
      let labelToken = token;
      if (fused.group && fused.rest) {
        groups.set(fused.group.id, { text: token.text, start: token.start, end: token.end });
        labelToken = fused.rest;
      }
      const match = fused.rest ? bestRow(labelToken.text, cursor, !sawRows) : rowHere;
      if (match.score >= 0.6 && !(match.score < 0.9 && !isLast && lastRowWantsMore(lastRow, labelToken.text))) {
        const u = UNION_ROWS[match.index];
        const row: TableRow = {
          spec: u.spec,
          format: u.format,
          label: labelToken.text,
          labelSpan: { start: labelToken.start, end: labelToken.end },
          line: labelToken.line,
          cells: [],
          columns: COLUMNS,
        };
        rows.push(row);
        lastRow = row;
        rowForValues = row;
        sawRows = true;
        cursor = match.index + 1;
        if (u.spec.id === 'carryForward') finished = true;
        return;
      }
      if (!sawRows) {
        headers.push({ text: token.text, start: token.start, end: token.end, line: token.line });
        return;
      }
      // A fragment of a line-broken label ("秘密" after "1. 属于国家").
      const target = rowForValues ?? lastRow;
      if (target && !isProseLabel(token)) {
        target.label += token.text;
        return;
      }
    });
    if (entry.values.length > 0) {
      const target = rowForValues;
      if (target) target.cells = entryCells(entry, COLUMNS.length);
      else if (sawRows && hasFilledValue(entry)) {
        // Values without a recognisable label: keep them as an unknown row so nothing is lost.
        const first = entry.labels[0] ?? entry.values[0];
        const row: TableRow = {
          label: entry.labels.map((t) => t.text).join(''),
          labelSpan: { start: first.start, end: first.end },
          line: first.line,
          cells: entryCells(entry, COLUMNS.length),
          columns: COLUMNS,
        };
        rows.push(row);
      }
    }
  }

  const formats = new Set(rows.map((r) => r.format).filter((f): f is FormatId => f !== undefined));
  // A 2021 （六） group label without its 2019 row also says 2021.
  if (groups.has('other') && !rows.some((r) => r.spec?.id === 'other')) formats.add('2021');
  const format = formats.size === 2 ? 'mixed' : formats.size === 1 ? [...formats][0] : undefined;
  const first = lines[startLine];
  const last = lines[scan.lastLine];
  return {
    kind: 'applications',
    format,
    range: { start: first.start, end: last.end },
    line: startLine,
    headers,
    rows,
    groups,
  };
}

/** The previous row's label was cut by a line break and this fragment completes it. */
function lastRowWantsMore(row: TableRow | undefined, fragment: string): boolean {
  if (!row?.spec) return false;
  const joined = row.label + fragment;
  return keyScore(joined, row.spec.keys) > keyScore(row.label, row.spec.keys);
}
