// Writes the extracted text: one paragraph a line; a table row whose cells the source gives (a Word
// or HTML table, a ruled PDF table) a line with each cell between bars ("| 规章 | 0 | 0 | 0 |"), so
// that every cell, a blank one too, stays a cell; columns the source only lays out (tab stops, gaps
// between words on a PDF line) a line of tab-separated fields, read as a paste is — where an empty
// field may be a merged column. Every line and cell remembers its source place.
import type { Message } from '../core';
import type { ImportedReport, SourceKind, SourcePlace } from './types';

export interface BuiltCell {
  text: string;
  where: Message;
}

/** Cell and paragraph text on one line: no tabs or line breaks inside, spaces folded. */
export function flatten(text: string): string {
  return text.replace(/[\t\r\n\u000b\f\u2028\u2029]+/g, ' ').replace(/[ \u00a0]{2,}/g, ' ').trim();
}

/** Joins the pieces of one cell or line: no space between CJK characters, one between words. */
export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    const cjkJoint = /[\u3000-\u9fff\uff00-\uffef]$/.test(out) || /^[\u3000-\u9fff\uff00-\uffef]/.test(piece);
    out += out && !cjkJoint ? ' ' + piece : piece;
  }
  return out;
}

export class TextBuilder {
  private readonly lines: string[] = [];
  private readonly places: SourcePlace[] = [];
  private offset = 0;
  readonly notes: Message[] = [];

  constructor(private readonly kind: SourceKind) {}

  paragraph(text: string, where: Message): void {
    const line = flatten(text);
    if (line) this.places.push({ start: this.offset, end: this.offset + line.length, where });
    this.push(line);
  }

  /** Fields laid out in columns (tab stops, gaps): tab-separated, as a paste. */
  fields(cells: BuiltCell[]): void {
    if (cells.every((c) => flatten(c.text) === '')) return;
    const parts: string[] = [];
    let at = this.offset;
    cells.forEach((cell, i) => {
      if (i > 0) at += 1;
      const text = flatten(cell.text);
      this.places.push({ start: at, end: at + text.length, where: cell.where });
      parts.push(text);
      at += text.length;
    });
    this.push(parts.join('\t'));
  }

  /** A table row: its cells as they stand, each between bars (a blank cell stays a blank cell). */
  row(cells: BuiltCell[]): void {
    if (cells.every((c) => flatten(c.text) === '')) return;
    let line = '|';
    for (const cell of cells) {
      // A bar inside a cell is written escaped, as in a Markdown table.
      const text = flatten(cell.text).replace(/\|/g, '\\|');
      line += ' ';
      const start = this.offset + line.length;
      this.places.push({ start, end: start + text.length, where: cell.where });
      line += text + ' |';
    }
    this.push(line);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.push('');
  }

  note(message: Message): void {
    if (!this.notes.some((n) => n.en === message.en)) this.notes.push(message);
  }

  build(): ImportedReport {
    return { kind: this.kind, text: this.lines.join('\n') + '\n', places: this.places, notes: this.notes };
  }

  private push(line: string) {
    this.lines.push(line);
    this.offset += line.length + 1;
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (table numbers in Chinese place names). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  return String(n);
}

export function tableCellPlace(table: number, row: number, column: number, detail?: string): Message {
  const suffix = detail ? ` (${detail})` : '';
  return {
    zh: `表格${chineseNumber(table)} 第${row}行 第${column}列${detail ? `（${detail}）` : ''}`,
    en: `table ${table}, row ${row}, cell ${column}${suffix}`,
  };
}

/** The place that holds an offset of the extracted text, if any. */
export function placeAt(report: Pick<ImportedReport, 'places'>, offset: number): SourcePlace | undefined {
  const places = report.places;
  let lo = 0;
  let hi = places.length - 1;
  let best: SourcePlace | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid].start <= offset) {
      best = places[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // A finding at the end of a cell (or on an empty cell) still belongs to it.
  return best && offset <= best.end ? best : undefined;
}
