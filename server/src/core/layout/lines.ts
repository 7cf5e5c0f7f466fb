// Layout: every line of the text with its fields (tab- or pipe-separated cells) and its content
// without Markdown decoration. Nothing here knows about reports.
import type { SourceText, Span } from '../text/source';

export interface Field extends Span {
  /** Trimmed text; '' for an empty field (then start === end). */
  text: string;
}

export type LineKind = 'blank' | 'rule' | 'text';

export interface LayoutLine {
  index: number;
  start: number;
  end: number;
  kind: LineKind;
  /** Cells when the line is tab- or pipe-separated, else one field: the whole content. */
  fields: Field[];
  /** The line had tabs or was a pipe-table row. */
  separated: boolean;
  /** The line without leading/trailing space, '#', '>', list markers and wrapping '**'. */
  content: Field;
  /** Markdown heading level (1–6) when the line starts with '#'. */
  headingLevel?: number;
}

const WHITESPACE = /[\s\u3000\uFEFF]/;

function trimField(text: string, start: number, end: number): Field {
  while (start < end && WHITESPACE.test(text[start])) start++;
  while (end > start && WHITESPACE.test(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end };
}

function stripDecoration(text: string, field: Field): { content: Field; headingLevel?: number } {
  let { start, end } = field;
  let headingLevel: number | undefined;
  const heading = /^(#{1,6})[ \t]+/.exec(text.slice(start, end));
  if (heading) {
    headingLevel = heading[1].length;
    start += heading[0].length;
    // A closing sequence of #s after a space ("## 标题 ##"), trimmed by hand: a regex with $ here
    // would backtrack quadratically on a long run of spaces.
    let e = end;
    while (e > start && text[e - 1] === '#') e--;
    if (e < end && e > start && (text[e - 1] === ' ' || text[e - 1] === '\t')) end = e;
  } else {
    const marker = /^(?:>\s*|[-*+][ \t]+(?!\S*\*\*$))/.exec(text.slice(start, end));
    if (marker) start += marker[0].length;
  }
  // Wrapping emphasis: **标题** or __标题__ (possibly both ends only).
  for (const mark of ['**', '__']) {
    const inner = text.slice(start, end);
    if (inner.startsWith(mark) && inner.endsWith(mark) && inner.length > 2 * mark.length) {
      start += mark.length;
      end -= mark.length;
    }
  }
  return { content: trimField(text, start, end), headingLevel };
}

function isRule(fields: Field[]): boolean {
  const nonEmpty = fields.filter((f) => f.text !== '');
  return nonEmpty.length > 0 && nonEmpty.every((f) => /^:?-{3,}:?$/.test(f.text));
}

function splitFields(text: string, start: number, end: number): { fields: Field[]; separated: boolean } {
  const raw = text.slice(start, end);
  const trimmed = raw.trim();
  if (trimmed.startsWith('|') && trimmed.length > 1 && trimmed.indexOf('|', 1) > 0) {
    const fields: Field[] = [];
    let cellStart = start + raw.indexOf('|') + 1;
    const last = start + raw.lastIndexOf('|');
    for (let i = cellStart; i <= last; i++) {
      if (text[i] === '|' && text[i - 1] !== '\\') {
        fields.push(trimField(text, cellStart, i));
        cellStart = i + 1;
      }
    }
    if (last < end && text.slice(last + 1, end).trim() !== '') fields.push(trimField(text, last + 1, end));
    return { fields, separated: true };
  }
  if (raw.includes('\t')) {
    const fields: Field[] = [];
    let cellStart = start;
    for (let i = start; i <= end; i++) {
      if (i === end || text[i] === '\t') {
        fields.push(trimField(text, cellStart, i));
        cellStart = i + 1;
      }
    }
    return { fields, separated: true };
  }
  return { fields: [trimField(text, start, end)], separated: false };
}

export function layoutLines(source: SourceText): LayoutLine[] {
  const { text } = source;
  const lines: LayoutLine[] = [];
  for (let index = 0; index < source.lineCount; index++) {
    const start = source.lineStarts[index];
    const end = source.lineEnds[index];
    const whole = trimField(text, start, end);
    const { fields, separated } = splitFields(text, start, end);
    let kind: LineKind = whole.text === '' ? 'blank' : 'text';
    if (kind === 'text' && (isRule(fields) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(whole.text))) kind = 'rule';
    const { content, headingLevel } = stripDecoration(text, whole);
    lines.push({ index, start, end, kind, fields, separated, content, headingLevel });
  }
  return lines;
}
