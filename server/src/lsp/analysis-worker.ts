// The language server's analysis thread for large documents (dist/analysis-worker.js): it keeps
// their latest analysis and answers for them — diagnostics, outline, folding, hovers, inlay hints,
// the summary — so the main thread stays free for every other document while one is analysed.
import { parentPort } from 'node:worker_threads';
import { analyze, fixAll, hoverAt, inlayHints, movedLines, requiredFormat, summaryHtml, type Analysis, type InlayMode, type SourceText } from '../core';
import { documentSymbolsOf, foldingRangesOf, sameDiagnostics, toDiagnostic, wholeTextEdit } from './convert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { codeActions } from './code-actions';
import { keptEnds, UNMOVED, type DiagnosticChanges } from './diagnostic-changes';
import { editorOptions } from './options';
import { ConfigCache } from '../config/jiaohe-json';
import { forgetSiblings } from './siblings';
import type { ServerSettings } from './settings';
import type { WorkerRequest } from './offload';

const analyses = new Map<string, { version: number; analysis: Analysis; settings: ServerSettings; file?: string }>();
/** Per document, the diagnostics last answered: a version's that says nothing new is answered "the same". */
const answered = new Map<string, { version: number; diagnostics: Diagnostic[]; starts?: number[] }>();

const sameStarts = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a === undefined || b === undefined ? a === b : a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What the main thread, which holds the set of version `holding`, needs to hold `diagnostics`
 * (`before`: the set last answered): undefined when it holds them already. A set with import
 * places (`starts`) always crosses whole: the main thread adds them to the messages.
 */
function changesOf(
  before: { version: number; diagnostics: Diagnostic[]; starts?: number[] } | undefined,
  holding: number | undefined,
  diagnostics: Diagnostic[],
  starts: number[] | undefined,
  previous: SourceText | undefined,
  source: SourceText,
): DiagnosticChanges | undefined {
  const whole = (): DiagnosticChanges => ({ head: 0, tail: 0, moved: UNMOVED, fresh: diagnostics.map((d) => JSON.stringify(d)) });
  if (before === undefined || before.version !== holding) return whole();
  if (starts !== undefined || before.starts !== undefined) return sameDiagnostics(before.diagnostics, diagnostics) && sameStarts(before.starts, starts) ? undefined : whole();
  const moved = previous ? movedLines(previous, source) : UNMOVED;
  const { head, tail } = keptEnds(before.diagnostics, diagnostics, moved);
  if (head === diagnostics.length && head === before.diagnostics.length) return undefined;
  const fresh = diagnostics.slice(head, diagnostics.length - tail).map((d) => JSON.stringify(d));
  return { base: before.version, head, tail, moved, fresh };
}

const configs = new ConfigCache();
const configOf = (file: string | undefined) => configs.of(file);

/** Fix-all's edit over the held analysis (the text it was made from, the options it was made with). */
function fixAllEdit(uri: string) {
  const held = analyses.get(uri)!;
  const source = held.analysis.model.source;
  return wholeTextEdit(source, fixAll(source.text, editorOptions(held.file, configOf(held.file), held.settings)).text);
}

function handle(m: WorkerRequest): unknown {
  switch (m.op) {
    case 'analyse': {
      // The old version's findings are garbage now (a lower peak); its model tells the new
      // analysis what the edit left as it was.
      const previous = analyses.get(m.uri)?.analysis.model;
      analyses.delete(m.uri);
      const analysis = analyze(m.text, { ...editorOptions(m.file, configOf(m.file), m.settings), wholeLength: m.wholeLength, previous });
      analyses.set(m.uri, { version: m.version, analysis, settings: m.settings, file: m.file });
      const { model, findings } = analysis;
      // Diagnostics cross as JSON texts (cloning hundreds of objects cost more than the text), and
      // only those that changed since the set the main thread holds (most keystrokes change none
      // of a large report's findings, and the rest one or two): compared as objects, so that what
      // stayed is not stringified. The outline and folding are made when asked for.
      const diagnostics = findings.map((f) => toDiagnostic(model.source, m.uri, f, m.locale));
      const starts = m.places ? findings.map((f) => f.span.start) : undefined;
      const before = answered.get(m.uri);
      answered.set(m.uri, { version: m.version, diagnostics, starts });
      const changes = changesOf(before, m.holding, diagnostics, starts, previous?.source, model.source);
      return {
        version: m.version,
        ...(changes && { diagnostics: changes, starts }),
        status: {
          isReport: model.isReport,
          format: model.format,
          year: model.year?.value ?? null,
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
        },
      };
    }
    case 'symbols': {
      const held = analyses.get(m.uri);
      return held && held.version === m.version ? documentSymbolsOf(held.analysis.model) : [];
    }
    case 'folding': {
      const held = analyses.get(m.uri);
      return held && held.version === m.version ? foldingRangesOf(held.analysis.model) : [];
    }
    case 'hover': {
      const held = analyses.get(m.uri);
      if (!held || held.version !== m.version) return null;
      const hover = hoverAt(held.analysis, m.offset, m.lang, requiredFormat(held.analysis.model, held.settings.format));
      return hover && { markdown: hover.markdown, start: hover.span.start, range: held.analysis.model.source.rangeOf(hover.span) };
    }
    case 'inlay': {
      const held = analyses.get(m.uri);
      if (!held || held.version !== m.version) return [];
      const { model } = held.analysis;
      return inlayHints(model, m.mode as InlayMode, requiredFormat(model, held.settings.format), m.range).map((h) => ({ ...h, position: model.source.positionAt(h.offset) }));
    }
    case 'summary': {
      const held = analyses.get(m.uri);
      return held ? summaryHtml(held.analysis, m.lang, requiredFormat(held.analysis.model, held.settings.format)) : '';
    }
    case 'codeActions': {
      const held = analyses.get(m.request.uri);
      if (!held || held.version !== m.request.version) return [];
      return codeActions(held.analysis, m.request, () => fixAllEdit(m.request.uri));
    }
    case 'fixAll': {
      const held = analyses.get(m.uri);
      return held && held.version === m.version ? (fixAllEdit(m.uri) ?? null) : null;
    }
    case 'forget':
      analyses.delete(m.uri);
      answered.delete(m.uri);
      return null;
    case 'forgetFiles':
      configs.clear();
      forgetSiblings();
      return null;
  }
}

parentPort!.on('message', (m: WorkerRequest & { id: number }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: handle(m) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: (error as Error).stack ?? String(error) });
  }
});
