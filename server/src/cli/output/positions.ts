import { localize, type Finding } from '../../core';
import { placeAt } from '../../import/load';
import type { FileOutcome } from '../check-file';
import { lineAt } from '../../core/text/source';

export interface Located {
  finding: Finding;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based line/column (UTF-16 columns, as LSP and SARIF count) from the file's line starts. */
export function locate(outcome: FileOutcome, f: Finding): Located {
  const at = (offset: number) => {
    const line = lineAt(outcome.lineStarts, offset);
    return { line: line + 1, column: offset - outcome.lineStarts[line] + 1 };
  };
  const s = at(f.span.start);
  const e = at(f.span.end);
  return { finding: f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** Where a finding stands in the original document (.docx/.html/.pdf), e.g. "表格三 第5行 第2列". */
export function sourcePlace(outcome: FileOutcome, f: Finding, lang: 'zh' | 'en'): string | undefined {
  if (outcome.places.length === 0) return undefined;
  const place = placeAt(outcome, f.span.start) ?? placeAt(outcome, Math.max(0, f.span.end - 1));
  return place && localize(place.where, lang);
}
