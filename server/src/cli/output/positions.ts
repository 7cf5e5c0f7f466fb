import type { Finding } from '../../core';
import type { FileOutcome } from '../check-file';

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
    let lo = 0;
    let hi = outcome.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (outcome.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - outcome.lineStarts[lo] + 1 };
  };
  const s = at(f.span.start);
  const e = at(f.span.end);
  return { finding: f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
