// The extension as a user meets it, through the vscode API only: diagnostics on the real reports,
// editing, the outline, hovers, quick-fixes, fix-all on save, the skeleton command, the status bar
// and settings. The workspace (seeds, a non-report note) is laid out by the host's driver.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/core';
import { FIXTURES } from '../../helpers/fixtures';
import { test } from './harness';
import { diagnosticsWhere, eventually, ruleOf } from './wait';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** A new file in the workspace with this text, opened. */
async function scratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile('scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return open(uri);
}

const hasRule = (rule: string) => (d: readonly vscode.Diagnostic[]) => d.some((x) => ruleOf(x) === rule);

const SEEDS = ['000', '001', '002', '003', '004'];

test('each real report shows exactly the findings of the core: rule, range and severity', async () => {
  for (const id of SEEDS) {
    const editor = await open(workspaceFile('seeds', id, `report-${id}.txt`));
    const doc = editor.document;
    const expected = analyze(doc.getText()).findings.map((f) => ({
      rule: f.rule,
      severity: SEVERITY[f.severity],
      range: [doc.positionAt(f.span.start), doc.positionAt(f.span.end)].map((p) => `${p.line}:${p.character}`).join('-'),
    }));
    assert.ok(expected.length > 0, `seed ${id} has findings`);
    const seen = await diagnosticsWhere(doc.uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
    const actual = seen.map((d) => ({ rule: ruleOf(d), severity: d.severity, range: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}` }));
    const key = (x: { rule: string; range: string }) => `${x.range} ${x.rule}`;
    assert.deepEqual([...actual].sort((a, b) => key(a).localeCompare(key(b))), [...expected].sort((a, b) => key(a).localeCompare(key(b))), `seed ${id}`);
  }
});

test('a text file that is not a report gets no diagnostics', async () => {
  const editor = await open(workspaceFile('notes.txt'));
  // Give the server a report to answer first, so silence on the note is an answer, not a delay.
  const report = await scratch('probe.txt', FIXTURES['wrong total']());
  await diagnosticsWhere(report.document.uri, hasRule('figure-identity'), 'the probe report');
  assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
});

test('typing an edit that breaks a total adds the finding, and undo clears it', async () => {
  const text = analyzeClean();
  const editor = await scratch('typing.txt', text);
  await diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'figure-identity'), 'a clean start');
  const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('（七）总计'));
  const character = editor.document.lineAt(line).text.lastIndexOf('\t') + 1;
  await editor.edit((b) => b.insert(new vscode.Position(line, character), '9'));
  await diagnosticsWhere(editor.document.uri, hasRule('figure-identity'), 'figure-identity after the edit');
  await vscode.commands.executeCommand('undo');
  await diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'figure-identity'), 'no figure-identity after undo');
});

/** The wrong-total fixture with its total put right: no figure findings. */
function analyzeClean(): string {
  const text = FIXTURES['wrong total']()
    .split('\n')
    .map((l) => (l.startsWith('（七）总计') ? l.replace(/18(\s*)$/, '17$1') : l))
    .join('\n');
  assert.ok(!analyze(text).findings.some((f) => f.rule === 'figure-identity'), 'the clean fixture is clean');
  return text;
}

test('the outline lists the six statutory sections', async () => {
  const editor = await open(workspaceFile('seeds', '000', 'report-000.txt'));
  const symbols = await eventually(async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    return s && s.length >= 6 ? s : undefined;
  }, 'document symbols');
  assert.deepEqual(symbols.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
});

test('hover on a total shows its breakdown', async () => {
  const editor = await scratch('hover.txt', FIXTURES['wrong total']());
  await diagnosticsWhere(editor.document.uri, hasRule('figure-identity'), 'the wrong total');
  const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('（七）总计'));
  const character = editor.document.lineAt(line).text.lastIndexOf('18');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, character));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  assert.match(text, /（七）总计/);
  assert.match(text, /= 17/);
});

test('the quick-fix for a broken total repairs it', async () => {
  const editor = await scratch('quickfix.txt', FIXTURES['wrong total']());
  const [finding] = (await diagnosticsWhere(editor.document.uri, hasRule('figure-identity'), 'the wrong total')).filter((d) => ruleOf(d) === 'figure-identity');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.isPreferred && a.edit);
  assert.ok(fix, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  await diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'figure-identity'), 'the finding gone');
  assert.ok(!analyze(editor.document.getText()).findings.some((f) => f.rule === 'figure-identity'), 'the text is repaired');
  await editor.document.save();
});

test('fix-all on save repairs the report', async () => {
  const editor = await scratch('onsave.txt', FIXTURES['wrong total']());
  await diagnosticsWhere(editor.document.uri, hasRule('figure-identity'), 'the wrong total');
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
  assert.ok(await editor.document.save());
  const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
  assert.ok(!analyze(saved).findings.some((f) => f.rule === 'figure-identity'), 'the saved file has the fixed total');
});

test('the skeleton command inserts a report with no structure findings', async () => {
  const editor = await scratch('skeleton.txt', '');
  await vscode.commands.executeCommand('jiaohe.insertSkeleton', { format: '2021', year: 2024 });
  const text = editor.document.getText();
  assert.match(text, /2024年政府信息公开工作年度报告/);
  const structure = analyze(text).findings.filter((f) => /^(section|table)-/.test(f.rule));
  assert.deepEqual(structure, []);
  await editor.document.save();
  await diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => /^(section|table)-/.test(ruleOf(x))), 'no structure findings');
});

test('the status bar shows year, format and counts; a rule switched off in the settings disappears', async () => {
  const api = vscode.extensions.getExtension<{ statusText(): string }>('jiaohe.jiaohe')?.exports;
  assert.ok(api, 'the extension exports its API');
  const editor = await scratch('status.txt', FIXTURES['wrong total']());
  await diagnosticsWhere(editor.document.uri, hasRule('figure-identity'), 'the wrong total');
  const shown = await eventually(() => (/2020/.test(api.statusText()) ? api.statusText() : undefined), 'the status bar');
  assert.match(shown, /2019/);
  assert.match(shown, /\$\(error\) [1-9]/);
  const rules = vscode.workspace.getConfiguration('jiaohe');
  await rules.update('rules', { 'figure-identity': 'off' }, vscode.ConfigurationTarget.Workspace);
  try {
    await diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'figure-identity'), 'figure-identity switched off');
  } finally {
    await rules.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await diagnosticsWhere(editor.document.uri, hasRule('figure-identity'), 'figure-identity back on');
});

test('a Word report opens read-only with its findings placed in the original, and converts to a text draft', async () => {
  const original = workspaceFile('word', 'report.docx');
  const before = await vscode.workspace.fs.readFile(original);
  await vscode.commands.executeCommand('jiaohe.openDocument', original);
  const editor = await eventually(() => {
    const e = vscode.window.activeTextEditor;
    return e?.document.uri.scheme === 'jiaohe-import' ? e : undefined;
  }, 'the extracted document');
  assert.equal(editor.document.languageId, 'jiaohe');
  const seen = await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'table-cell-count'), 'findings on the Word report');
  assert.ok(seen.some((d) => /\[(table \d+, row \d+, cell \d+|表格.+ 第\d+行 第\d+列)\]$/.test(d.message)), seen.map((d) => d.message).join('\n'));
  assert.deepEqual(seen.map(ruleOf).sort(), analyze(editor.document.getText()).findings.map((f) => f.rule).sort());

  await vscode.commands.executeCommand('jiaohe.convertToText', original);
  const draft = workspaceFile('word', 'report.txt');
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(draft));
  assert.equal(text, editor.document.getText());
  assert.deepEqual(await vscode.workspace.fs.readFile(original), before, 'the original is untouched');
  // Converting again never overwrites the first draft.
  await vscode.commands.executeCommand('jiaohe.convertToText', original);
  await vscode.workspace.fs.stat(workspaceFile('word', 'report (2).txt'));
});

test('a PDF report opens with the findings of its text, placed on its pages', async () => {
  const original = workspaceFile('pdf', 'report.pdf');
  try {
    await vscode.workspace.fs.stat(original);
  } catch {
    console.log('skipped: no PDF in the workspace (no CJK font to write one: apt-get install fonts-droid-fallback)');
    return;
  }
  await vscode.commands.executeCommand('jiaohe.openDocument', original);
  const editor = await eventually(() => {
    const e = vscode.window.activeTextEditor;
    return e?.document.uri.scheme === 'jiaohe-import' && e.document.uri.path.endsWith('.pdf') ? e : undefined;
  }, 'the extracted PDF');
  const seen = await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'format-version'), 'findings on the PDF report');
  assert.ok(seen.some((d) => /\[(page \d+, line \d+|第\d+页 第\d+行)\]$/.test(d.message)), seen.map((d) => d.message).join('\n'));
  assert.deepEqual(seen.map(ruleOf).sort(), analyze(editor.document.getText()).findings.map((f) => f.rule).sort());
});
