// Word, PDF and web-page reports in the editor: the server extracts the text (the same import stage
// as the CLI); it is shown read-only under the jiaohe-import scheme with all findings, hovers and
// the outline, and can be saved as an editable text draft beside the original.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const IMPORT_SCHEME = 'jiaohe-import';
const DOCUMENT_EXTENSIONS = ['docx', 'pdf', 'html', 'htm'];

interface Imported {
  text?: string;
  notes?: string[];
  error?: string;
}

/** The extracted text of the original file behind a jiaohe-import URI. */
export class ImportedDocuments implements vscode.TextDocumentContentProvider {
  private readonly results = new Map<string, Imported>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  static uriFor(original: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: IMPORT_SCHEME, path: original.path });
  }

  async load(original: vscode.Uri): Promise<Imported> {
    const client = this.client();
    if (!client) return { error: vscode.l10n.t('The language server is not running.') };
    const target = ImportedDocuments.uriFor(original).toString();
    const result = await client.sendRequest<Imported>('jiaohe/importFile', { uri: original.toString(), target });
    this.results.set(target, result);
    return result;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    // Opened by the command (already loaded), or again after a reload of the window.
    const result = this.results.get(key) ?? (await this.load(vscode.Uri.file(uri.path)));
    return result.text ?? '';
  }
}

async function pickDocument(given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given && given.scheme === 'file') return given;
  if (given && given.scheme === IMPORT_SCHEME) return vscode.Uri.file(given.path);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!given && active?.scheme === IMPORT_SCHEME) return vscode.Uri.file(active.path);
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('Word, PDF or web page')]: DOCUMENT_EXTENSIONS },
    title: vscode.l10n.t('Open a Word, PDF or web report'),
  });
  return picked?.[0];
}

/** The chosen document's extracted text; undefined (after saying why) when it cannot be read. */
async function extract(provider: ImportedDocuments, given: vscode.Uri | undefined): Promise<{ original: vscode.Uri; text: string } | undefined> {
  const original = await pickDocument(given);
  if (!original) return undefined;
  const result = await provider.load(original);
  if (result.error !== undefined || result.text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Jiaohe cannot read {0}: {1}', original.fsPath, result.error ?? ''));
    return undefined;
  }
  for (const note of result.notes ?? []) void vscode.window.showInformationMessage(`${original.fsPath}: ${note}`);
  return { original, text: result.text };
}

async function showAsReport(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'jiaohe');
  await vscode.window.showTextDocument(doc, { preview: false });
}

export async function openDocument(provider: ImportedDocuments, given?: vscode.Uri): Promise<void> {
  const extracted = await extract(provider, given);
  if (extracted) await showAsReport(ImportedDocuments.uriFor(extracted.original));
}

/** `报告.docx` → `报告.txt`, or `报告 (2).txt` when that exists: nothing is ever overwritten. */
async function freeTextName(original: vscode.Uri): Promise<vscode.Uri> {
  const base = original.path.replace(/\.[^./]+$/, '');
  for (let n = 1; ; n++) {
    const candidate = original.with({ path: n === 1 ? `${base}.txt` : `${base} (${n}).txt` });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

export async function convertToText(provider: ImportedDocuments, given?: vscode.Uri): Promise<void> {
  const extracted = await extract(provider, given);
  if (!extracted) return;
  const target = await freeTextName(extracted.original);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(extracted.text));
  await showAsReport(target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved an editable text draft: {0}', target.fsPath));
}
