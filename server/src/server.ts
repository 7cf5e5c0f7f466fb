// The language server: adapts the pure core to LSP. No analysis logic lives here.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, foldingRanges, outline, type Analysis } from './core';
import { toDiagnostic, toDocumentSymbols, toFoldingRanges } from './lsp/convert';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let locale: string | undefined;
let settings: ServerSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

interface CacheEntry {
  version: number;
  analysis: Analysis;
}
const cache = new Map<string, CacheEntry>();
const timers = new Map<string, NodeJS.Timeout>();

/** The analysis of the document's current version, computed once per version. */
function analysisOf(doc: TextDocument): Analysis {
  const cached = cache.get(doc.uri);
  if (cached && cached.version === doc.version) return cached.analysis;
  const analysis = analyze(doc.getText(), { format: settings.format, rules: settings.rules });
  cache.set(doc.uri, { version: doc.version, analysis });
  return analysis;
}

function publish(doc: TextDocument): void {
  try {
    const { model, findings } = analysisOf(doc);
    const diagnostics = findings.map((f) => toDiagnostic(model.source, doc.uri, f, locale));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  } catch (error) {
    connection.console.error(`jiaohe: analysis failed for ${doc.uri}: ${(error as Error).stack ?? error}`);
  }
}

function schedule(doc: TextDocument, delay: number): void {
  const pending = timers.get(doc.uri);
  if (pending) clearTimeout(pending);
  const uri = doc.uri;
  const run = () => {
    timers.delete(uri);
    // The document may have changed or closed meanwhile: always analyse the current version.
    const current = documents.get(uri);
    if (current) publish(current);
  };
  if (delay <= 0) run();
  else timers.set(uri, setTimeout(run, delay));
}

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [jiaohe] = await connection.workspace.getConfiguration([{ section: 'jiaohe' }]);
    settings = readSettings(jiaohe, settings);
  } catch (error) {
    connection.console.warn(`jiaohe: could not read settings: ${String(error)}`);
  }
}

function reanalyseAll(): void {
  cache.clear();
  for (const doc of documents.all()) schedule(doc, 0);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = params.locale;
  const init = params.initializationOptions as Record<string, unknown> | undefined;
  settings = readSettings(init?.settings ?? init, DEFAULT_SETTINGS);
  if (typeof init?.locale === 'string') locale = init.locale;
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: '校核 Jiaohe' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'jiaohe', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings().then(reanalyseAll);
});

connection.onDidChangeConfiguration((change) => {
  const section = (change.settings as Record<string, unknown> | undefined)?.jiaohe;
  if (section) settings = readSettings(section, settings);
  void refreshSettings().then(reanalyseAll);
});

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') schedule(e.document, settings.debounceMs);
});
documents.onDidSave((e) => {
  if (settings.run === 'onSave') schedule(e.document, 0);
});
documents.onDidClose((e) => {
  const pending = timers.get(e.document.uri);
  if (pending) clearTimeout(pending);
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const { model } = analysisOf(doc);
  if (!model.isReport) return [];
  return toDocumentSymbols(model.source, outline(model));
});

connection.onFoldingRanges((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const { model } = analysisOf(doc);
  if (!model.isReport) return [];
  return toFoldingRanges(foldingRanges(model));
});

// The server must never take the editor down: log and carry on.
process.on('uncaughtException', (error) => connection.console.error(`jiaohe: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`jiaohe: ${String(reason)}`));

documents.listen(connection);
connection.listen();
