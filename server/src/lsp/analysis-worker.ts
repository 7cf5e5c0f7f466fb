// The language server's analysis thread for large documents (dist/analysis-worker.js): it keeps
// their latest analysis and answers for them — diagnostics, outline, folding, hovers, inlay hints,
// the summary — so the main thread stays free for every other document while one is analysed.
import { parentPort } from 'node:worker_threads';
import * as path from 'node:path';
import { analyze, foldingRanges, hoverAt, inlayHints, outline, requiredFormat, summaryHtml, type Analysis, type InlayMode } from '../core';
import { configFor } from '../config/jiaohe-json';
import { toDiagnostic, toDocumentSymbols, toFoldingRanges } from './convert';
import { editorOptions } from './options';
import { forgetSiblings } from './siblings';
import type { ServerSettings } from './settings';
import type { WorkerRequest } from './offload';

const analyses = new Map<string, { version: number; analysis: Analysis; settings: ServerSettings }>();
const configs = new Map<string, ReturnType<typeof configFor>>();

function configOf(file: string | undefined) {
  if (!file) return { config: {} };
  const dir = path.dirname(file);
  let loaded = configs.get(dir);
  if (!loaded) configs.set(dir, (loaded = configFor(file)));
  return loaded;
}

function handle(m: WorkerRequest): unknown {
  switch (m.op) {
    case 'analyse': {
      analyses.delete(m.uri); // the old model is garbage now: a lower peak
      const analysis = analyze(m.text, editorOptions(m.file, configOf(m.file), m.settings));
      analyses.set(m.uri, { version: m.version, analysis, settings: m.settings });
      const { model, findings } = analysis;
      return {
        version: m.version,
        diagnostics: findings.map((f) => toDiagnostic(model.source, m.uri, f, m.locale)),
        starts: findings.map((f) => f.span.start),
        symbols: model.isReport ? toDocumentSymbols(model.source, outline(model)) : [],
        folding: model.isReport ? toFoldingRanges(foldingRanges(model)) : [],
        status: {
          isReport: model.isReport,
          format: model.format,
          year: model.year?.value ?? null,
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
        },
      };
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
    case 'forget':
      analyses.delete(m.uri);
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
