// Which files the import stage reads, and how: by the file name's extension.
import type { SourceKind } from './types';

const KINDS: Record<string, SourceKind> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

/** Said of a .docx/.html/.pdf whose text holds no annual report (a wrong page, a cover letter). */
export const NO_REPORT_FOUND = {
  zh: '没有找到年报内容（不是政府信息公开工作年度报告？）',
  en: 'no annual report found in it (not a government information-disclosure annual report?)',
};

/** Every file name extension the importers read. */
export const IMPORT_EXTENSIONS = Object.keys(KINDS);

export function kindOf(fileName: string): SourceKind | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : KINDS[fileName.slice(dot).toLowerCase()];
}

