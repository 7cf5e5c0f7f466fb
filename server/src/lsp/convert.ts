// Core → LSP types. The only place that knows both.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { commonPrefix, commonSuffix, foldingRanges, localize, outline, type Finding, type OutlineSymbol, type ReportModel, type Severity, type SourceText, type TextEdit } from '../core';
import type { FoldingRange as CoreFolding } from '../core/features/outline';
import { sameMovedDiagnostic, UNMOVED } from './diagnostic-changes';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule docs ship with the extension (docs/rules beside dist/), so the link works offline. */
export function ruleDocsUri(rule: string): string {
  // Asked once per diagnostic on every publish: built once per rule.
  let uri = docsUris.get(rule);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${rule}.md`)).toString();
    docsUris.set(rule, uri);
  }
  return uri;
}
const docsUris = new Map<string, string>();

export function toDiagnostic(source: SourceText, uri: string, f: Finding, locale: string | undefined): Diagnostic {
  return {
    range: source.rangeOf(f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocsUri(f.rule) },
    source: 'jiaohe',
    message: localize(f.message, locale),
    relatedInformation: f.related.map((r) => ({
      location: { uri, range: source.rangeOf(r.span) },
      message: localize(r.message, locale),
    })),
  };
}

/** Whether two lists made by toDiagnostic say the same (every field toDiagnostic sets). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameMovedDiagnostic(a[i], b[i], UNMOVED)) return false;
  return true;
}

const KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Module,
  subheading: SymbolKind.Namespace,
  table: SymbolKind.Struct,
};

export function toDocumentSymbols(source: SourceText, symbols: OutlineSymbol[]): DocumentSymbol[] {
  return symbols.map((s) => ({
    name: s.name,
    detail: s.detail,
    kind: KIND[s.kind],
    range: source.rangeOf(s.range),
    selectionRange: source.rangeOf(s.selection),
    children: toDocumentSymbols(source, s.children),
  }));
}

export function toFoldingRanges(ranges: CoreFolding[]): FoldingRange[] {
  return ranges.map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: 'region' }));
}

/** A report's outline as LSP symbols, and its folding ranges (none for a file that is not a report). */
export function documentSymbolsOf(model: ReportModel): DocumentSymbol[] {
  return model.isReport ? toDocumentSymbols(model.source, outline(model)) : [];
}

export function foldingRangesOf(model: ReportModel): FoldingRange[] {
  return model.isReport ? toFoldingRanges(foldingRanges(model)) : [];
}

/** Core edits (offsets) → LSP text edits for one document. */
export function toTextEdits(source: SourceText, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: source.rangeOf(e.span), newText: e.newText }));
}

/** The smallest single edit turning `before` into `after`: common prefix and suffix kept. */
export function wholeTextEdit(source: SourceText, after: string): LspTextEdit | undefined {
  const before = source.text;
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, shorter);
  const end = commonSuffix(before, after, shorter - start);
  return { range: source.rangeOf({ start, end: before.length - end }), newText: after.slice(start, after.length - end) };
}
