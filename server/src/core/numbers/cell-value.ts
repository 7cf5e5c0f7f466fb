// What a table cell holds. Blank, "/" and "—" are kept distinct from 0: a blank cell is its own
// finding, and an identity over it cannot be judged.
import { detached } from '../text/normalize';
import { Decimal } from './decimal';

export type CellValue =
  | { kind: 'number'; value: Decimal; explicitSign: boolean; unit?: string }
  | { kind: 'blank' }
  | { kind: 'dash'; mark: string }
  | { kind: 'text'; text: string };

export const AMOUNT_UNITS = ['亿元', '万元', '千元', '元'] as const;

const DASHES = new Set(['/', '／', '—', '——', '-', '－', '–', '―', '\\', '无', '空']);
const NUMBER = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|万元|千元|元|件|个|条|项|%)?$/;

// Cell texts repeat ("0" above all) and several readers parse the same cell: parsed once each.
// The values are frozen, as they are shared.
const parsed = new Map<string, CellValue>();
const PARSED_LIMIT = 10_000;

/**
 * "0" to "999" as written (no leading zero), the most common cells of all: found by their digits in
 * an array, not by hashing a fresh string in the memo. Filled on first use.
 */
const SMALL = new Array<CellValue | undefined>(1000);

function smallInteger(text: string): number {
  const n = text.length;
  if (n === 0 || n > 3) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === 0 && n > 1)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Parses a cell's text (already trimmed). Full-width digits and signs are accepted. */
export function parseCellValue(text: string): CellValue {
  if (text.length > 40) return readCellValue(text);
  const small = smallInteger(text);
  if (small >= 0) return (SMALL[small] ??= Object.freeze(readCellValue(String(small))));
  let value = parsed.get(text);
  if (value === undefined) {
    // Read from a copy: a value kept here must not hold on to the document the text was cut from.
    const key = detached(text);
    value = Object.freeze(readCellValue(key));
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(key, value);
  }
  return value;
}

function readCellValue(text: string): CellValue {
  if (text === '') return { kind: 'blank' };
  // NFKC only when needed (full-width digits and signs): most cells are plain ASCII.
  const ascii = /^[\x20-\x7e]*$/.test(text);
  const normalized = ascii ? text.trim() : text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (DASHES.has(normalized)) return { kind: 'dash', mark: normalized };
  const m = NUMBER.exec(normalized);
  if (!m) return { kind: 'text', text };
  const sign = m[1] === '−' ? '-' : m[1];
  const value = Decimal.parse(`${sign}${m[2]}${m[3] ?? ''}`);
  if (!value) return { kind: 'text', text };
  return { kind: 'number', value, explicitSign: sign !== '', unit: m[4] };
}

/** True when a field reads as a table value (a number, possibly with a unit, or a dash mark). */
export function looksLikeValue(text: string): boolean {
  // Fast refusal: a value starts with a digit, a sign or a dash mark.
  if (!/^[\d０-９+\-−－/／—–―\\]/.test(text)) return false;
  const v = parseCellValue(text);
  return v.kind === 'number' || (v.kind === 'dash' && text !== '无' && text !== '空');
}

/** A number before a unit word, for splitting "973.90 万元" and "0 0 0" alike. */
export function isValueWord(word: string): boolean {
  return looksLikeValue(word);
}

export function isUnitWord(word: string): boolean {
  return /^(亿元|万元|千元|元)$/.test(word);
}
