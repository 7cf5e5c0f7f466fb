// Core → LSP types. The only place that knows both.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
} from 'vscode-languageserver/node';
import { localize, type Finding, type OutlineSymbol, type Severity, type SourceText } from '../core';
import type { FoldingRange as CoreFolding } from '../core/features/outline';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule docs ship with the extension (docs/rules beside dist/), so the link works offline. */
export function ruleDocsUri(rule: string): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${rule}.md`)).toString();
}

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
