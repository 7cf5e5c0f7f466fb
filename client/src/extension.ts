// The VS Code client: starts the language server and adds the UI around it (status bar, commands,
// summary view). No analysis happens here; all of it is asked of the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { convertToText, IMPORT_SCHEME, ImportedDocuments, openDocument } from './documents';
import { serverEnvironment } from './server-process';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

interface Status {
  uri: string;
  isReport: boolean;
  format: string | null;
  year: number | null;
  errors: number;
  warnings: number;
}

const REPORT_LANGUAGES = ['plaintext', 'markdown', 'jiaohe'];

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // (The client adds these to its own environment for the server's process.)
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...REPORT_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: IMPORT_SCHEME, language: 'jiaohe' },
    ],
    outputChannel: output,
    synchronize: {
      configurationSection: 'jiaohe',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.jiaohe.json'),
    },
    initializationOptions: {
      locale: vscode.env.language,
      settings: vscode.workspace.getConfiguration('jiaohe'),
    },
  };
  return new LanguageClient('jiaohe', '校核 Jiaohe', serverOptions, clientOptions);
}

/** Format, year and counts of the active report; hidden for anything else. */
class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jiaohe.status', vscode.StatusBarAlignment.Left, 100);
  private readonly byUri = new Map<string, Status>();

  constructor() {
    this.item.name = vscode.l10n.t('Jiaohe report status');
    this.item.command = 'workbench.actions.view.problems';
  }

  update(status: Status) {
    this.byUri.set(status.uri, status);
    this.refresh();
  }

  /** What the item shows now ('' when hidden): for the extension's API (tests). */
  get shown(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  refresh() {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc ? this.byUri.get(doc.uri.toString()) : undefined;
    if (!status || !status.isReport) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const format = status.format ? vscode.l10n.t('{0} format', status.format) : vscode.l10n.t('format unknown');
    const year = status.year ? vscode.l10n.t('{0} report', String(status.year)) : vscode.l10n.t('year unknown');
    this.item.text = `$(checklist) ${year} · ${format} · $(error) ${status.errors} $(warning) ${status.warnings}`;
    this.item.tooltip = vscode.l10n.t('Jiaohe: {0} errors, {1} warnings. Click to open the Problems panel.', status.errors, status.warnings);
    this.item.show();
    this.visible = true;
  }

  dispose() {
    this.item.dispose();
  }
}

/** A webview with the active report's tables (totals coloured) and findings, kept up to date. */
class SummaryView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;

  async show(uri: vscode.Uri) {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('jiaohe.summary', vscode.l10n.t('Report summary'), vscode.ViewColumn.Beside, {
        enableScripts: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.render();
  }

  async render() {
    if (!this.panel || !this.uri || !client) return;
    try {
      const { html, css } = await client.sendRequest<{ html: string; css: string }>('jiaohe/summary', { uri: this.uri.toString() });
      this.panel.title = `${vscode.l10n.t('Report summary')} — ${path.basename(this.uri.fsPath)}`;
      this.panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><style>${css}</style></head><body>${html}</body></html>`;
    } catch (error) {
      output?.warn(`summary: ${String(error)}`);
    }
  }

  follows(uri: string) {
    return this.panel !== undefined && this.uri?.toString() === uri;
  }

  dispose() {
    this.panel?.dispose();
  }
}

/** Asks the format and the year, unless given (keybindings, tasks and tests pass them). */
async function insertSkeleton(given?: { format?: '2019' | '2021'; year?: number }) {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a text or Markdown file to insert the report skeleton into.'));
    return;
  }
  if (given?.format && given.year) {
    const { text } = await client.sendRequest<{ text: string }>('jiaohe/skeleton', { format: given.format, year: given.year });
    await editor.edit((b) => b.insert(editor.selection.active, text));
    return;
  }
  const format = await vscode.window.showQuickPick(
    [
      { label: '2021', description: vscode.l10n.t('2021 format (国办公开办函〔2021〕30号), report years 2021 onwards') },
      { label: '2019', description: vscode.l10n.t('2019 format (国办公开办函〔2019〕60号), report years 2019 and 2020') },
    ],
    { placeHolder: vscode.l10n.t('Which format?') },
  );
  if (!format) return;
  const lastYear = new Date().getFullYear() - 1;
  const year = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Report year'),
    value: String(format.label === '2019' ? Math.min(lastYear, 2020) : Math.max(lastYear, 2021)),
    validateInput: (v) => (/^(19|20|21)\d{2}$/.test(v.trim()) ? undefined : vscode.l10n.t('A four-digit year, e.g. {0}', String(lastYear))),
  });
  if (!year) return;
  const { text } = await client.sendRequest<{ text: string }>('jiaohe/skeleton', { format: format.label, year: Number(year.trim()) });
  await editor.edit((b) => b.insert(editor.selection.active, text));
}

async function checkWorkspace() {
  if (!client) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the reports in the workspace'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{txt,md,markdown}', '**/{node_modules,.git}/**', 10_000, token);
      let reports = 0;
      const batch = 20;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += batch) {
        const uris = files.slice(i, i + batch).map((u) => u.toString());
        const result = await client!.sendRequest<{ reports: number }>('jiaohe/checkFiles', { uris });
        reports += result.reports;
        progress.report({ increment: (batch / files.length) * 100, message: `${Math.min(i + batch, files.length)}/${files.length}` });
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Jiaohe checked {0} files: {1} reports. See the Problems panel.', files.length, reports));
    },
  );
}

interface MemoResult {
  error?: string;
  output?: string;
  reports?: number;
  unreadable?: number;
  errors?: number;
  warnings?: number;
}

/**
 * The reviewer's memo (审核意见) as a Word document, for the reports in a folder (from the
 * Explorer) or in the whole workspace — the same as `jiaohe check … --format memo`.
 */
async function writeMemo(folder?: vscode.Uri) {
  if (!client) return;
  const base = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!base) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder of reports to write the review memo for.'));
    return;
  }
  const pattern = new vscode.RelativePattern(base, '**/*.{txt,md,markdown,docx,html,htm,pdf}');
  const files = await vscode.workspace.findFiles(pattern, '**/{node_modules,.git}/**', 10_000);
  if (files.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No report files found in {0}.', base.fsPath));
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(base, vscode.l10n.t('review-memo.docx')),
    filters: { Word: ['docx'] },
    saveLabel: vscode.l10n.t('Write the memo'),
  });
  if (!target) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the review memo for {0} files', files.length) },
    () => client!.sendRequest<MemoResult>('jiaohe/writeMemo', { uris: files.map((u) => u.toString()), output: target.toString() }),
  );
  if (result.error) {
    void vscode.window.showErrorMessage(`校核 Jiaohe: ${result.error}`);
    return;
  }
  const open = vscode.l10n.t('Open');
  const message = vscode.l10n.t('Review memo written: {0} reports, {1} errors, {2} warnings ({3} files could not be read).', result.reports ?? 0, result.errors ?? 0, result.warnings ?? 0, result.unreadable ?? 0);
  if ((await vscode.window.showInformationMessage(message, open)) === open) await vscode.env.openExternal(target);
}

/** What the extension offers other extensions (and the end-to-end tests). */
export interface JiaoheApi {
  /** The status bar text for the active editor ('' when hidden). */
  statusText(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<JiaoheApi> {
  output = vscode.window.createOutputChannel('校核 Jiaohe', { log: true });
  const status = new StatusBar();
  const summary = new SummaryView();
  context.subscriptions.push(output, status, summary);
  client = createClient(context);
  const imports = new ImportedDocuments(() => client);

  const wire = (c: LanguageClient) => {
    c.onNotification('jiaohe/status', (s: Status) => {
      status.update(s);
      if (summary.follows(s.uri)) void summary.render();
    });
  };
  wire(client);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      status.refresh();
      if (editor && REPORT_LANGUAGES.includes(editor.document.languageId) && !summary.follows(editor.document.uri.toString())) {
        void summary.render();
      }
    }),
    vscode.commands.registerCommand('jiaohe.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('jiaohe.restartServer', async () => {
      try {
        if (client) await client.restart();
        output?.info('Server restarted.');
      } catch (error) {
        void vscode.window.showErrorMessage(`校核 Jiaohe: ${String(error)}`);
      }
    }),
    vscode.commands.registerCommand('jiaohe.treatAsReport', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, 'jiaohe');
    }),
    vscode.commands.registerCommand('jiaohe.insertSkeleton', (args?: { format?: '2019' | '2021'; year?: number }) => insertSkeleton(args)),
    vscode.commands.registerCommand('jiaohe.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('jiaohe.writeMemo', (folder?: vscode.Uri) => writeMemo(folder)),
    vscode.workspace.registerTextDocumentContentProvider(IMPORT_SCHEME, imports),
    vscode.commands.registerCommand('jiaohe.openDocument', (uri?: vscode.Uri) => openDocument(imports, uri)),
    vscode.commands.registerCommand('jiaohe.convertToText', (uri?: vscode.Uri) => convertToText(imports, uri)),
    vscode.commands.registerCommand('jiaohe.showSummary', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await summary.show(doc.uri);
    }),
  );
  try {
    await client.start();
  } catch (error) {
    output.error(`Could not start the language server: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Jiaohe: the language server did not start. See the output channel.'));
  }
  return { statusText: () => status.shown };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
