// Table 二 (主动公开政府信息情况): blocks captioned 第二十条第（X）项, each a header row and data rows.
import type { LayoutLine } from '../../layout/lines';
import { labelCore, memoised, normalizeLabel, similarity } from '../../text/normalize';
import { FORMATS } from '../../templates';
import type { BlockSpec, FormatId } from '../../templates/types';
import type { ActiveBlock, HeaderCell, Table, TableRow } from '../types';
import { entryCells } from './cells';
import { filledLength, hasFilledValue, scanEntries, type Entry } from './entries';
import { isProseLabel, keyScore, normalizedLabel } from './label-match';
import type { Token } from './tokens';

const CAPTION = /第二十条第\s*[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*项/;

const BLOCK_SPECS = new Map<string, Array<{ format: FormatId; spec: BlockSpec }>>();

/** Each format's block `id` (read from the templates once per id). */
function blockSpecs(id: string): Array<{ format: FormatId; spec: BlockSpec }> {
  let specs = BLOCK_SPECS.get(id);
  if (!specs) {
    specs = FORMATS.flatMap((f) => f.tables.active.blocks.filter((b) => b.id === id).map((spec) => ({ format: f.id, spec })));
    BLOCK_SPECS.set(id, specs);
  }
  return specs;
}

/** Every block id any format knows, for blocks whose caption is missing. */
const ALL_BLOCK_IDS = [...new Set(FORMATS.flatMap((f) => f.tables.active.blocks.map((b) => b.id)))];

function rowScore(text: string, id: string): number {
  let best = 0;
  for (const { spec } of blockSpecs(id)) for (const r of spec.rows) best = Math.max(best, keyScore(text, r.keys));
  return best;
}

const CHINESE_COUNT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** "采购总金额（单位：万元，保留4位小数）" → 万元, 4 decimals. */
export function unitNote(text: string): HeaderCell['unit'] {
  const n = text.normalize('NFKC');
  const unit = /单位\s*[:：]?\s*(亿元|万元|千元|元)/.exec(n)?.[1];
  if (!unit) return undefined;
  const d = /保留\s*(\d+|[一二两三四五六])\s*位小数/.exec(n)?.[1];
  const decimals = d === undefined ? undefined : /\d/.test(d) ? Number(d) : CHINESE_COUNT[d];
  return { unit, decimals };
}

export function isActiveAnchor(tokens: Token[]): boolean {
  // (A caption has 条 in it whatever its spacing or bracket width: other labels are not normalised.)
  return tokens.some((t) => t.kind === 'label' && t.text.length < 30 && t.text.includes('条') && CAPTION.test(normalizedLabel(t)));
}

interface RawBlock {
  id?: string;
  caption?: Token;
  headers: Token[];
  entries: Array<{ label: Token; entry: Entry }>;
  line: number;
}

/** A header word's best similarity to a block's column headers, once per word and block (template data). */
const HEADER_SCORES = new WeakMap<BlockSpec, (text: string) => number>();
function headerScores(spec: BlockSpec): (text: string) => number {
  let score = HEADER_SCORES.get(spec);
  if (!score) {
    score = memoised((text) => Math.max(0, ...spec.columns.map((col) => similarity(labelCore(text), normalizeLabel(col.header)))));
    HEADER_SCORES.set(spec, score);
  }
  return score;
}

/** Picks the format whose headers and row labels this block resembles most. */
function judgeFormat(raw: RawBlock, id: string): { format?: FormatId; spec?: BlockSpec } {
  const candidates = blockSpecs(id);
  if (candidates.length === 0) return {};
  let best = candidates[0];
  let bestScore = -1;
  for (const c of candidates) {
    let score = 0;
    const headerScore = headerScores(c.spec);
    for (const h of raw.headers) score += headerScore(h.text);
    for (const { label } of raw.entries) {
      const core = labelCore(label.text);
      if (c.spec.rows.some((r) => core === normalizeLabel(r.label))) score += 1;
    }
    // Cell counts are evidence too: 2021 blocks 五/六/八 have one column.
    const counts = raw.entries.map(({ entry }) => filledLength(entry));
    if (counts.length > 0 && counts.every((n) => n === c.spec.columns.length)) score += 0.5;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return { format: best.format, spec: best.spec };
}

export function parseActiveTable(
  lines: readonly LayoutLine[],
  startLine: number,
  isStopLine: (line: LayoutLine, tokens: Token[]) => boolean,
): Table {
  const raws: RawBlock[] = [];
  let current: RawBlock | undefined;
  const scan = scanEntries(lines, startLine, (line, tokens) => {
    if (line.index !== startLine && isStopLine(line, tokens)) return false;
    return !tokens.some((t) => t.kind === 'label' && isProseLabel(t));
  });

  for (const entry of scan.entries) {
    let rowLabel: Token | undefined;
    for (const token of entry.labels) {
      const caption = CAPTION.exec(normalizedLabel(token));
      if (caption) {
        current = { id: caption[1], caption: token, headers: [], entries: [], line: token.line };
        raws.push(current);
        continue;
      }
      const id = current?.id ?? ALL_BLOCK_IDS.find((b) => rowScore(token.text, b) >= 0.9);
      if (id && rowScore(token.text, id) >= 0.9) {
        if (!current) {
          current = { id, headers: [], entries: [], line: token.line };
          raws.push(current);
        }
        rowLabel = token;
        continue;
      }
      if (!current) {
        current = { headers: [], entries: [], line: token.line };
        raws.push(current);
      }
      // 信息内容 opens the header row; the rest are column headers.
      if (normalizedLabel(token) !== '信息内容') current.headers.push(token);
    }
    if (current && (rowLabel || hasFilledValue(entry))) {
      const label = rowLabel ?? entry.labels[entry.labels.length - 1] ?? entry.values[0];
      current.entries.push({ label, entry });
    }
  }

  const blocks: ActiveBlock[] = raws.map((raw) => {
    const id = raw.id ?? ALL_BLOCK_IDS.find((b) => raw.entries.some(({ label }) => rowScore(label.text, b) >= 0.9)) ?? '?';
    const { format, spec } = judgeFormat(raw, id);
    const headers: HeaderCell[] = raw.headers.map((h, i) => ({
      text: h.text,
      start: h.start,
      end: h.end,
      line: h.line,
      expected: spec?.columns[i]?.header,
      unit: unitNote(h.text),
    }));
    const rows: TableRow[] = raw.entries.map(({ label, entry }) => {
      // A row the judged format lacks may still be the other format's (a mixed table).
      const own = spec?.rows.find((r) => keyScore(label.text, r.keys) >= 0.9);
      const other = own ? undefined : blockSpecs(id).find(({ spec: s }) => s.rows.some((r) => keyScore(label.text, r.keys) >= 0.9));
      const rowSpec = own ?? other?.spec.rows.find((r) => keyScore(label.text, r.keys) >= 0.9);
      const columns = (own ? spec?.columns : other?.spec.columns) ?? [];
      return {
        spec: rowSpec,
        format: own ? format : other?.format,
        block: id,
        label: label.kind === 'label' ? label.text : '',
        labelSpan: { start: label.start, end: label.end },
        line: label.line,
        cells: entryCells(entry, columns.length),
        columns,
      };
    });
    return {
      id,
      format,
      spec,
      caption: raw.caption ? { text: raw.caption.text, start: raw.caption.start, end: raw.caption.end } : undefined,
      headers,
      rows,
      line: raw.line,
    };
  });

  const formats = new Set(blocks.flatMap((b) => b.rows.map((r) => r.format)).filter((f): f is FormatId => !!f));
  for (const b of blocks) if (b.format && blockSpecs(b.id).length === 1) formats.add(b.format);
  const first = lines[startLine];
  const last = lines[scan.lastLine];
  return {
    kind: 'active',
    format: formats.size === 2 ? 'mixed' : formats.size === 1 ? [...formats][0] : undefined,
    range: { start: first.start, end: last.end },
    line: startLine,
    headers: blocks.flatMap((b) => b.headers),
    rows: blocks.flatMap((b) => b.rows),
    blocks,
  };
}

