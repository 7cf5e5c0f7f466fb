// Code actions from an analysis: fix-all, each finding's quick-fixes and "ignore this finding".
// Built the same on the main thread and on the analysis worker (large documents).
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { fingerprint, localize, type Analysis } from '../core';
import { CONFIG_NAME } from '../config/jiaohe-json';
import { toDiagnostic, toTextEdits } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.jiaohe`;
export const IGNORE_COMMAND = 'jiaohe.ignoreFinding';

export interface FixAllData {
  uri: string;
  version: number;
}

export interface ActionRequest {
  uri: string;
  version: number;
  /** The range asked about, as offsets. */
  start: number;
  end: number;
  only?: string[];
  locale?: string;
  /** The client fills in fix-all's edit on demand (codeAction/resolve). */
  canResolve: boolean;
}

export function codeActions(analysis: Analysis, request: ActionRequest, fixAllEdit: () => LspTextEdit | undefined): CodeAction[] {
  const { model, findings } = analysis;
  const { uri, locale } = request;
  const zh = !!locale && locale.toLowerCase().startsWith('zh');
  const wants = (kind: string) => !request.only || request.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  // Fix-all: one edit with every preferred fix (repeated until nothing changes, so a second run is
  // a no-op). Nothing to offer without a preferred fix. Editors ask for actions on every cursor
  // move: where the client can resolve, the edit (analyses of the whole text) waits until chosen.
  if (wants(FIX_ALL_KIND) && findings.some((f) => f.fixes.some((x) => x.preferred))) {
    const title = zh ? '校核：修复全部可自动修复的问题' : 'Jiaohe: fix all auto-fixable problems';
    if (request.canResolve) {
      const data: FixAllData = { uri, version: request.version };
      actions.push({ title, kind: FIX_ALL_KIND, data });
    } else {
      const edit = fixAllEdit();
      if (edit) actions.push({ title, kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } });
    }
  }
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of findings) {
      if (f.span.end < request.start || f.span.start > request.end) continue;
      const diagnostic = toDiagnostic(model.source, uri, f, locale);
      for (const fix of f.fixes) {
        actions.push({
          title: localize(fix.title, locale),
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.preferred,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: toTextEdits(model.source, fix.edits) } },
        });
      }
      if (uri.startsWith('file:')) {
        actions.push({
          title: zh ? `忽略此问题（记入 ${CONFIG_NAME}）` : `Ignore this finding (record it in ${CONFIG_NAME})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'ignore', command: IGNORE_COMMAND, arguments: [uri, fingerprint(f, model.source)] },
        });
      }
    }
  }
  return actions;
}
