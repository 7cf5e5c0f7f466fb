// The import stage: a file as it arrives (.docx, .html, .pdf, text in any common encoding) becomes
// the report text the model reads, with the source's own table structure kept as tab-separated
// cells, and a map from every paragraph and cell back to its place in the original.
import type { Message } from '../core';

export type SourceKind = 'text' | 'docx' | 'html' | 'pdf';

/** A stretch of the extracted text and where it stands in the original file. */
export interface SourcePlace {
  start: number;
  end: number;
  /** "表格三 第5行 第2列" / "table 3, row 5, cell 2"; "第12段"; "第3页". */
  where: Message;
}

export interface ImportedReport {
  kind: SourceKind;
  text: string;
  /** Sorted by start, not overlapping. Empty for plain text (the text is the original). */
  places: SourcePlace[];
  /** What the reader should know: the encoding used, pages without text, tables repaired. */
  notes: Message[];
  /** Text only: the encoding it was decoded from, and whether it had a UTF-8 BOM. */
  encoding?: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
  bom?: boolean;
}

export type ImportResult = { report: ImportedReport; error?: undefined } | { report?: undefined; error: Message };

/** Raised inside a reader for input it cannot read; turned into an ImportResult error. */
export class ImportError extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}
