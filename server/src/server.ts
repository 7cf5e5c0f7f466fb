// The language server: adapts the pure core to LSP. No analysis logic lives here.
import {
  CodeActionKind,
  createConnection,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type TextEdit as LspTextEdit,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import { analysedPart, analyze, buildModel, fixAll, hoverAt, inlayHints, localize, requiredFormat, skeleton, summaryHtml, SUMMARY_CSS, type Analysis, type AnalyzeOptions, type InlayHint, type Position, type SourceText } from './core';
import { addIgnored, CONFIG_NAME, ConfigCache, findConfigFile, type LoadedConfig } from './config/jiaohe-json';
import { forgetSiblings } from './lsp/siblings';
import { editorOptions } from './lsp/options';
import { codeActions, FIX_ALL_KIND, IGNORE_COMMAND, type ActionRequest, type FixAllData } from './lsp/code-actions';
import { AnalysisWorker, LARGE_DOCUMENT_CHARS } from './lsp/offload';
import { documentSymbolsOf, foldingRangesOf, toDiagnostic, wholeTextEdit } from './lsp/convert';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';
import { DiagnosticDelivery } from './lsp/delivery';
import { serialisedAfter, serialisedAs, stdioConnection } from './lsp/stdio';
import { applyChanges, type DiagnosticChanges } from './lsp/diagnostic-changes';
import { importFile, NO_REPORT_FOUND, placeAt, type SourcePlace } from './import/load';
// The memo checks files on disk as the CLI does (import, config, cross-report rules).
import { checkFile, failedOutcome, type FileOutcome } from './cli/check-file';
import { addCrossReportFindings } from './cli/batch';
import { memoFile } from './cli/output/memo-load';
import { keepHeapNearLive } from './v8-tuning';

// Every keystroke leaves the previous analysis behind in the old generation: by default V8 let it grow
// to ~300 MB over 10 000 edits with ~25 MB live (see heap.ts for the price).
keepHeapNearLive();
// Over stdio the server writes its own messages (stdio.ts: a set of diagnostics, pushed or pulled, from bytes kept with it).
const overStdio = process.argv.includes('--stdio');
const connection = overStdio ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let locale: string | undefined;
let settings: ServerSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
/** The client fills in an action's edit on demand (codeAction/resolve): fix-all is then computed only when chosen. */
let canResolveEdits = false;
/** The client pulls diagnostics and can be told to pull them all again (after a settings change, say). */
let canRefreshDiagnostics = false;
const delivery = new DiagnosticDelivery((params) => void connection.sendDiagnostics(params));
/** Files of the workspace check, whose diagnostics were pushed: pulled ones take over when they open. */
const checkedOnDisk = new Set<string>();

interface CacheEntry {
  version: number;
  analysis: Analysis;
}
const cache = new Map<string, CacheEntry>();
const timers = new Map<string, NodeJS.Timeout>();

// .jiaohe.json per folder, read once until a watched-file event says it changed; a broken one is
// said once.
const warnedConfigErrors = new Set<string>();
const configs = new ConfigCache((loaded) => {
  if (!loaded.error || warnedConfigErrors.has(loaded.error)) return;
  warnedConfigErrors.add(loaded.error);
  void connection.window.showWarningMessage(`校核 Jiaohe: ${loaded.error}`);
});

// Documents extracted from a .docx/.html/.pdf (read-only, scheme jiaohe-import): their original
// file (for .jiaohe.json and last year's report) and where each stretch of text stands in it.
const IMPORT_SCHEME = 'jiaohe-import:';
type ImportedPlaces = { file: string; places: SourcePlace[] };
const imported = new Map<string, ImportedPlaces>();

/** The file on disk a document stands for: itself, or the original it was extracted from. */
function fileOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  return imported.get(uri)?.file;
}

function sourcePlaceOf(uri: string, offset: number): string | undefined {
  const source = imported.get(uri);
  const place = source && placeAt(source, offset);
  return place && localize(place.where, locale);
}

function configOf(uri: string): LoadedConfig {
  return configs.of(fileOf(uri));
}

/** Editor settings, overridden by the report's .jiaohe.json (as the CLI reads it). */
function optionsFor(uri: string): AnalyzeOptions {
  return editorOptions(fileOf(uri), configOf(uri), settings);
}

/** The analysis of the document's current version, computed once per version. */
function analysisOf(doc: TextDocument): Analysis {
  const cached = cache.get(doc.uri);
  if (cached && cached.version === doc.version) return cached.analysis;
  // The old version's findings are garbage now (a lower peak); its model tells the new analysis
  // what the edit left as it was.
  const previous = cache.get(doc.uri)?.analysis.model;
  cache.delete(doc.uri);
  const analysis = analyze(doc.getText(), { ...optionsFor(doc.uri), previous });
  cache.set(doc.uri, { version: doc.version, analysis });
  return analysis;
}

// Large documents are analysed on a worker thread (lsp/analysis-worker.ts), which answers for them:
// a 1 MB report then never holds up requests about other documents. Of each document's versions
// only the newest waiting one is analysed.
interface LargeResult {
  version: number;
  /**
   * The diagnostics, as what changed since the set of the version the request said the main
   * thread holds (lsp/diagnostic-changes.ts); undefined when they are that set (most keystrokes
   * change none of a large report's findings).
   */
  diagnostics?: DiagnosticChanges;
  /** Where each finding starts, when asked for: places in an imported original are told by offset. */
  starts?: number[];
  status: { isReport: boolean; format: string | null; year: number | null; errors: number; warnings: number };
}
interface LargeState {
  result?: LargeResult;
  /** The diagnostics last published, the version they came with, and the import places they were said with. */
  published?: { version: number; diagnostics: Diagnostic[]; places: ImportedPlaces | undefined };
  running?: Promise<void>;
  again: boolean;
}
const large = new Map<string, LargeState>();
/** Analyses under way on the worker: meanwhile V8 grows the heap by its own measure (v8-tuning.ts). */
let analysing = 0;
const worker = new AnalysisWorker(
  (message) => connection.console.error(message),
  // Its analyses are gone: a request about a large document has it analysed again first.
  () => {
    for (const state of large.values()) state.result = undefined;
  },
);
const isLarge = (doc: TextDocument) => doc.getText().length > LARGE_DOCUMENT_CHARS;

function publishLarge(doc: TextDocument): Promise<void> {
  const uri = doc.uri;
  cache.delete(uri);
  let state = large.get(uri);
  if (!state) large.set(uri, (state = { again: false }));
  const s = state;
  if (s.running) {
    s.again = true;
    return s.running;
  }
  // Only the part the core analyses crosses to the worker (a 10 MB document is not copied whole per keystroke).
  s.running = worker
    .request<LargeResult>({ op: 'analyse', uri, version: doc.version, ...analysedPart(doc.getText()), file: fileOf(uri), settings, locale, holding: s.published?.version, places: imported.has(uri) })
    .then(
      (result) => {
        if (large.get(uri) !== s) return; // closed meanwhile
        s.result = result;
        const places = imported.get(uri);
        const changes = result.diagnostics;
        const diagnostics = largeDiagnostics(uri, result, s.published, places);
        if (!diagnostics) {
          s.published = undefined;
          s.again = true;
          return;
        }
        s.published = { version: result.version, diagnostics, places };
        // (Changes to the set held differ from it; a whole set may be the one delivered last.)
        delivery.deliver(uri, result.version, diagnostics, changes === undefined ? false : changes.base !== undefined ? true : undefined);
        void connection.sendNotification('jiaohe/status', { uri, version: result.version, ...result.status });
      },
      (error) => {
        connection.console.error(`jiaohe: analysis failed for ${uri}: ${String(error)}`);
        delivery.settle(uri);
      },
    )
    .finally(() => {
      if (--analysing === 0) keepHeapNearLive(true);
      s.running = undefined;
      if (!s.again) return;
      s.again = false;
      const current = documents.get(uri);
      if (current && large.get(uri) === s && isLarge(current)) void publishLarge(current);
    });
  // Counted once the request is made, so that its finally always follows (the worker reads the flag
  // when it next collects, not when it starts).
  if (analysing++ === 0) keepHeapNearLive(false);
  return s.running;
}

/**
 * The set a worker's result stands for, made from what it sent and the set held (`held`);
 * undefined when it was said of a set the main thread no longer holds as it was — gone, another
 * version's, said with other import places, or shorter than what the changes keep — and the whole
 * set must be asked for again.
 */
function largeDiagnostics(uri: string, result: LargeResult, held: LargeState['published'], places: ImportedPlaces | undefined): Diagnostic[] | undefined {
  const changes = result.diagnostics;
  if (changes === undefined) return held && held.places === places ? held.diagnostics : undefined;
  // The set the changes apply to (none for a whole set).
  let base: Diagnostic[] | undefined;
  if (changes.base !== undefined) {
    if (!held || held.places !== places || held.version !== changes.base || held.diagnostics.length < changes.head + changes.tail) return undefined;
    base = held.diagnostics;
  }
  const fresh = JSON.parse(`[${changes.fresh.join(',')}]`) as Diagnostic[];
  const starts = result.starts;
  // Places in an imported original are added to the messages (such a set crosses whole).
  if (starts) {
    return fresh.map((d, i) => {
      const where = sourcePlaceOf(uri, starts[i]);
      return where ? { ...d, message: `${d.message} [${where}]` } : d;
    });
  }
  if (!base) return overStdio ? serialisedAs(fresh, changes.fresh) : fresh;
  const set = applyChanges(base, changes, fresh);
  return overStdio ? serialisedAfter(set, base, changes.head, changes.fresh, changes.tail) : set;
}

/** The worker's result for the document's current version (waiting for the analysis under way). */
async function largeResult(doc: TextDocument): Promise<LargeResult | undefined> {
  for (let i = 0; i < 3; i++) {
    const state = large.get(doc.uri);
    if (state?.result?.version === doc.version) return state.result;
    await (state?.running ?? publishLarge(doc));
  }
  return large.get(doc.uri)?.result;
}

function publish(doc: TextDocument): void {
  if (isLarge(doc)) {
    void publishLarge(doc);
    return;
  }
  if (large.delete(doc.uri)) worker.tell({ op: 'forget', uri: doc.uri });
  try {
    const { model, findings } = analysisOf(doc);
    const diagnostics = findings.map((f) => {
      const diagnostic = toDiagnostic(model.source, doc.uri, f, locale);
      // In an extracted document, say where the finding stands in the original (表格三 第5行 第2列).
      const where = sourcePlaceOf(doc.uri, f.span.start);
      if (where) diagnostic.message += ` [${where}]`;
      return diagnostic;
    });
    delivery.deliver(doc.uri, doc.version, diagnostics);
    void connection.sendNotification('jiaohe/status', {
      uri: doc.uri,
      version: doc.version,
      isReport: model.isReport,
      format: model.format,
      year: model.year?.value ?? null,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
  } catch (error) {
    connection.console.error(`jiaohe: analysis failed for ${doc.uri}: ${(error as Error).stack ?? error}`);
    delivery.settle(doc.uri);
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

/** A client that pulls learns of diagnostics no edit of its own brought only when told to pull again. */
function refreshPulled(): void {
  if (delivery.pull && canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
}

function reanalyseAll(): void {
  cache.clear();
  worker.tell({ op: 'forgetFiles' });
  for (const doc of documents.all()) schedule(doc, 0);
  refreshPulled();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = params.locale;
  const init = params.initializationOptions as Record<string, unknown> | undefined;
  settings = readSettings(init?.settings ?? init, DEFAULT_SETTINGS);
  if (typeof init?.locale === 'string') locale = init.locale;
  // (The tests' option: a worker stopped sooner than WORKER_IDLE_MS.)
  if (typeof init?.workerIdleMs === 'number' && init.workerIdleMs > 0) worker.idleMs = init.workerIdleMs;
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canResolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  delivery.pull = !!params.capabilities.textDocument?.diagnostic;
  canRefreshDiagnostics = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: '校核 Jiaohe' },
      foldingRangeProvider: true,
      hoverProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [IGNORE_COMMAND] },
      // (A report's findings depend on its own text: other open documents change none of them.)
      ...(delivery.pull ? { diagnosticProvider: { identifier: 'jiaohe', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'jiaohe', version: '0.1.0' },
  };
});

/**
 * Pulls the settings and re-analyses open documents only if they changed: a 10 MB report opened
 * at start-up was otherwise analysed twice (on open, and again when the unchanged settings came).
 */
function refreshThenReanalyse(before: string): void {
  void refreshSettings().then(() => {
    if (JSON.stringify(settings) !== before) reanalyseAll();
  });
}

connection.onInitialized(() => refreshThenReanalyse(JSON.stringify(settings)));

connection.onDidChangeConfiguration((change) => {
  const before = JSON.stringify(settings);
  const section = (change.settings as Record<string, unknown> | undefined)?.jiaohe;
  if (section) settings = readSettings(section, settings);
  refreshThenReanalyse(before);
});

documents.onDidOpen((e) => {
  // The workspace check's pushed diagnostics would stand beside the pulled ones.
  if (delivery.pull && checkedOnDisk.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  schedule(e.document, 0);
});
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') schedule(e.document, settings.debounceMs);
});
documents.onDidSave((e) => {
  if (settings.run !== 'onSave') return;
  schedule(e.document, 0);
  refreshPulled();
});
documents.onDidClose((e) => {
  const pending = timers.get(e.document.uri);
  if (pending) clearTimeout(pending);
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  if (large.delete(e.document.uri)) worker.tell({ op: 'forget', uri: e.document.uri });
  imported.delete(e.document.uri);
  // (A client that pulls drops a closed document's diagnostics itself.)
  if (delivery.pull) delivery.forget(e.document.uri);
  else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** An analysis of the document is due or under way. */
const analysisPending = (uri: string) => timers.has(uri) || large.get(uri)?.running !== undefined;

// Pulled diagnostics: those of the current version, once its analysis (debounced, or on the
// worker) is done; in "onSave" mode those of the last save.
connection.languages.diagnostics.on(async (params) => {
  const uri = params.textDocument.uri;
  // (Bounded: a document typed into without pause is answered with its latest analysis.)
  for (let i = 0; i < 20; i++) {
    const doc = documents.get(uri);
    if (!doc) break;
    if (delivery.heldVersion(uri) === doc.version) break;
    if (!analysisPending(uri)) {
      if (delivery.heldVersion(uri) !== undefined) break;
      schedule(doc, 0);
      if (!analysisPending(uri)) break;
    }
    await delivery.next(uri);
  }
  return delivery.report(uri, params.previousResultId);
});

connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  if (isLarge(doc)) {
    const held = await largeResult(doc);
    return held ? worker.request<DocumentSymbol[]>({ op: 'symbols', uri: doc.uri, version: held.version }) : [];
  }
  return documentSymbolsOf(analysisOf(doc).model);
});

connection.onFoldingRanges(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  if (isLarge(doc)) {
    const held = await largeResult(doc);
    return held ? worker.request<FoldingRange[]>({ op: 'folding', uri: doc.uri, version: held.version }) : [];
  }
  return foldingRangesOf(analysisOf(doc).model);
});

const lang = () => (locale && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en');

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  let hover: { markdown: string; start: number; range: ReturnType<SourceText['rangeOf']> } | null;
  if (isLarge(doc)) {
    await largeResult(doc);
    hover = await worker.request({ op: 'hover', uri: doc.uri, version: doc.version, offset: doc.offsetAt(params.position), lang: lang() });
  } else {
    const analysis = analysisOf(doc);
    const found = hoverAt(analysis, doc.offsetAt(params.position), lang(), requiredFormat(analysis.model, settings.format));
    hover = found ? { markdown: found.markdown, start: found.span.start, range: analysis.model.source.rangeOf(found.span) } : null;
  }
  if (!hover) return null;
  const where = sourcePlaceOf(doc.uri, hover.start);
  const source = where ? `\n\n${lang() === 'zh' ? '原文位置' : 'In the original'}: ${where}` : '';
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown + source }, range: hover.range };
});

connection.languages.inlayHint.on(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const range = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
  let hints: Array<InlayHint & { position: Position }>;
  if (isLarge(doc)) {
    await largeResult(doc);
    hints = await worker.request({ op: 'inlay', uri: doc.uri, version: doc.version, range, mode: settings.inlayHints.totals });
  } else {
    const { model } = analysisOf(doc);
    hints = inlayHints(model, settings.inlayHints.totals, requiredFormat(model, settings.format), range).map((h) => ({ ...h, position: model.source.positionAt(h.offset) }));
  }
  return hints.map((h) => ({
    position: h.position,
    label: ` ${h.label}`,
    tooltip: h.mismatch ? (lang() === 'zh' ? '按构成计算的合计，与所填数值不一致' : 'The computed sum, which differs from the stated value') : undefined,
    paddingLeft: true,
  }));
});

function fixAllEdit(doc: TextDocument) {
  return wholeTextEdit(analysisOf(doc).model.source, fixAll(doc.getText(), optionsFor(doc.uri)).text);
}

connection.onCodeActionResolve(async (action) => {
  const data = action.data as FixAllData | undefined;
  const doc = data && documents.get(data.uri);
  // A document changed since the action was offered gets no edit: the editor asks again.
  if (action.kind !== FIX_ALL_KIND || !doc || doc.version !== data.version) return action;
  let edit: LspTextEdit | undefined;
  if (isLarge(doc)) {
    await largeResult(doc);
    edit = (await worker.request<LspTextEdit | null>({ op: 'fixAll', uri: doc.uri, version: doc.version })) ?? undefined;
  } else edit = fixAllEdit(doc);
  return edit ? { ...action, edit: { changes: { [doc.uri]: [edit] } } } : action;
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const request: ActionRequest = {
    uri: doc.uri,
    version: doc.version,
    start: doc.offsetAt(params.range.start),
    end: doc.offsetAt(params.range.end),
    only: params.context.only,
    locale,
    canResolve: canResolveEdits,
  };
  if (isLarge(doc)) {
    await largeResult(doc);
    return worker.request<CodeAction[]>({ op: 'codeActions', request });
  }
  return codeActions(analysisOf(doc), request, () => fixAllEdit(doc));
});

connection.onExecuteCommand((params) => {
  if (params.command !== IGNORE_COMMAND) return;
  const [uri, print] = (params.arguments ?? []) as [string, string];
  if (typeof uri !== 'string' || typeof print !== 'string' || !uri.startsWith('file:')) return;
  const file = fileURLToPath(uri);
  // The nearest existing .jiaohe.json, else a new one beside the report.
  const target = findConfigFile(path.dirname(file)) ?? path.join(path.dirname(file), CONFIG_NAME);
  try {
    addIgnored(target, print);
  } catch (error) {
    void connection.window.showErrorMessage(`校核 Jiaohe: ${target}: ${String(error)}`);
    return;
  }
  configs.clear();
  reanalyseAll();
});

// The report summary (tables with totals coloured, findings by section) for the summary view.
connection.onRequest('jiaohe/summary', async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return { html: '', css: SUMMARY_CSS };
  if (isLarge(doc)) {
    await largeResult(doc);
    return { html: await worker.request<string>({ op: 'summary', uri: doc.uri, lang: lang() }), css: SUMMARY_CSS };
  }
  const analysis = analysisOf(doc);
  return { html: summaryHtml(analysis, lang(), requiredFormat(analysis.model, settings.format)), css: SUMMARY_CSS };
});

// The statutory outline with empty tables, for the skeleton command.
connection.onRequest('jiaohe/skeleton', (params: { format: '2019' | '2021'; year: number; body?: string }) => {
  const year = Number.isInteger(params.year) && params.year > 1990 && params.year < 2200 ? params.year : new Date().getFullYear() - 1;
  return { text: skeleton({ format: params.format === '2019' ? '2019' : '2021', year, body: params.body }) };
});

// A .docx, .html or .pdf report as text (the editor shows it read-only under `target`).
connection.onRequest('jiaohe/importFile', async (params: { uri: string; target?: string }) => {
  if (typeof params?.uri !== 'string' || !params.uri.startsWith('file:')) return { error: 'not a file on disk' };
  const file = fileURLToPath(params.uri);
  const result = await importFile(file);
  if (!result.report) return { error: localize(result.error, locale) };
  if (typeof params.target === 'string' && params.target.startsWith(IMPORT_SCHEME)) {
    imported.set(params.target, { file, places: result.report.places });
  }
  const notes = result.report.notes.map((n) => localize(n, locale));
  // (Only whether it is a report: the analysis comes when the editor opens the text.)
  if (!buildModel(result.report.text).isReport) notes.push(localize(NO_REPORT_FOUND, locale));
  return { text: result.report.text, kind: result.report.kind, notes };
});

// Workspace check: reports on disk that are not open get their diagnostics too.
connection.onRequest('jiaohe/checkFiles', (params: { uris: string[] }) => {
  let reports = 0;
  for (const uri of params.uris ?? []) {
    if (documents.get(uri) || !uri.startsWith('file:')) continue;
    try {
      const text = fs.readFileSync(fileURLToPath(uri), 'utf8').replace(/^\uFEFF/, '');
      const { model, findings } = analyze(text, optionsFor(uri));
      if (!model.isReport) continue;
      reports++;
      checkedOnDisk.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(model.source, uri, f, locale)) });
    } catch (error) {
      connection.console.warn(`jiaohe: cannot check ${uri}: ${String(error)}`);
    }
  }
  return { reports };
});

// The reviewer's memo (审核意见) for report files on disk: the CLI's --format memo, from the editor.
// Files are checked one at a time with a turn of the event loop between them, so the editor's
// requests about open documents are answered meanwhile.
connection.onRequest('jiaohe/writeMemo', async (params: { uris: string[]; output: string }) => {
  const files = (params?.uris ?? []).filter((u) => typeof u === 'string' && u.startsWith('file:')).map((u) => fileURLToPath(u));
  if (typeof params?.output !== 'string' || !params.output.startsWith('file:')) return { error: 'no file to write the memo to' };
  const output = fileURLToPath(params.output);
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    await new Promise((resolve) => setImmediate(resolve));
    const outcome = await checkFile(file, { reportFormat: settings.format, fix: false, lang: lang(), places: true }).catch((error: unknown) => failedOutcome(file, String(error)));
    // A workspace holds notes and READMEs beside the reports: the memo answers for reports only.
    if (outcome.error || outcome.isReport) outcomes.push(outcome);
  }
  addCrossReportFindings(outcomes);
  try {
    fs.writeFileSync(output, await memoFile(outcomes, lang(), new Date()));
  } catch (error) {
    return { error: `${output}: ${String(error)}` };
  }
  const count = (severity: string) => outcomes.reduce((n, o) => n + o.findings.filter((f) => f.severity === severity).length, 0);
  return { output, reports: outcomes.filter((o) => !o.error).length, unreadable: outcomes.filter((o) => o.error).length, errors: count('error'), warnings: count('warning') };
});

connection.onDidChangeWatchedFiles(() => {
  configs.clear();
  forgetSiblings();
  warnedConfigErrors.clear();
  reanalyseAll();
});

// The server must never take the editor down: log and carry on.
process.on('uncaughtException', (error) => connection.console.error(`jiaohe: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`jiaohe: ${String(reason)}`));

documents.listen(connection);
connection.listen();
