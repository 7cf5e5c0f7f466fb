// Pulled diagnostics (LSP 3.17 textDocument/diagnostic), as VS Code asks for them: the set of the
// current version, "unchanged" while the findings stay where they were, and a refresh when
// something other than an edit changes them.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { analyze, localize } from '../../server/src/core';
import { LARGE_DOCUMENT_CHARS } from '../../server/src/lsp/offload';
import { FIXTURES } from '../helpers/fixtures';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { tempDir } from '../helpers/temp';

type Full = { kind: 'full'; resultId?: string; items: Diagnostic[] };

/** What the core finds, as the editor shows it. */
function direct(text: string, rules: Record<string, 'off'> = {}) {
  const { model, findings } = analyze(text, { rules });
  return findings.map((f) => ({ code: f.rule, range: model.source.rangeOf(f.span), message: localize(f.message, 'en') }));
}
const shown = (items: Diagnostic[]) => items.map((d) => ({ code: d.code, range: d.range, message: d.message }));

async function startPulling(settings: Record<string, unknown> = {}): Promise<{ server: TestServer; refreshes: () => number }> {
  const server = await startServer(settings, [], { diagnostic: { dynamicRegistration: false } }, { diagnostics: { refreshSupport: true } });
  let refreshes = 0;
  server.connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return null;
  });
  return { server, refreshes: () => refreshes };
}

function pull(server: TestServer, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>;
}

function full(report: DocumentDiagnosticReport): Full {
  assert.equal(report.kind, 'full', 'a full report');
  return report as Full;
}

/** Replaces the first `from` after `after` in `text` and says so as an LSP change. */
function edit(text: string, from: string, to: string, after = '') {
  const at = text.indexOf(from, text.indexOf(after) + after.length);
  assert.ok(at >= 0, `${from} in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return {
    text: before + to + text.slice(at + from.length),
    change: { range: { start: { line, character }, end: { line, character: character + from.length } }, text: to },
  };
}

/**
 * Opens the report with a wrong total, pulls its set (which flags the total), then sends the edit
 * that puts the total right: the text after it, and the first set.
 */
async function openThenFixTotal(server: TestServer, uri: string): Promise<{ first: Full; fixed: string }> {
  const text = FIXTURES['wrong total']();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const first = full(await pull(server, uri));
  assert.ok(first.items.some((d) => d.code === 'figure-identity'));
  const step = edit(text, '12\t18', '12\t17', '（七）总计');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [step.change] });
  return { first, fixed: step.text };
}

/** Waits (up to 2 s) until the server has asked the client to pull again more than `before` times. */
async function refreshedAfter(refreshes: () => number, before: number): Promise<void> {
  for (let i = 0; i < 100 && refreshes() === before; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(refreshes(), before + 1, 'the client is asked to pull again');
}

describe('pulled diagnostics', () => {
  let server: TestServer;
  let refreshes: () => number;
  before(async () => {
    ({ server, refreshes } = await startPulling());
  });
  after(async () => {
    await server.stop();
  });

  async function open(uri: string, text: string) {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  }
  async function change(uri: string, version: number, step: ReturnType<typeof edit>) {
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [step.change] });
  }

  it('are offered to a client that pulls, which gets no pushed ones', async () => {
    assert.deepEqual(server.capabilities.diagnosticProvider, { identifier: 'jiaohe', interFileDependencies: false, workspaceDiagnostics: false });
    const uri = fileUri('pull-offered.txt');
    const text = FIXTURES['wrong total']();
    await open(uri, text);
    const report = full(await pull(server, uri));
    assert.ok(report.resultId, 'a result id to ask with next time');
    assert.deepEqual(shown(report.items), direct(text));
    assert.ok(report.items.some((d) => d.code === 'figure-identity'));
    assert.equal(server.pushes.get(uri), undefined, 'nothing pushed');
  });

  for (const [name, padding] of [['a report', ''], ['a large report (analysed on the worker)', '\n' + '本年度继续做好政务公开工作。\n'.repeat(8_000)]] as const) {
    it(`of ${name}: "unchanged" while the findings stay, the new set when they move`, async () => {
      const uri = fileUri(`pull-${padding ? 'large' : 'small'}.txt`);
      let text = FIXTURES['wrong total']() + padding;
      assert.equal(text.length > LARGE_DOCUMENT_CHARS, padding !== '');
      await open(uri, text);
      const first = full(await pull(server, uri));
      assert.deepEqual(shown(first.items), direct(text));
      assert.deepEqual(await pull(server, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

      // Typed into the overview, after every finding's line: no finding moves.
      let step = edit(text, '（请填写。）', '（请填写本年度工作。）', '五、存在的主要问题');
      assert.deepEqual(direct(step.text), direct(text), 'the edit moves no finding');
      await change(uri, 2, step);
      text = step.text;
      assert.deepEqual(await pull(server, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

      // A line above every finding: they all move down.
      step = edit(text, '本报告', '\n本报告');
      await change(uri, 3, step);
      text = step.text;
      const moved = full(await pull(server, uri, first.resultId));
      assert.notEqual(moved.resultId, first.resultId);
      assert.deepEqual(shown(moved.items), direct(text));

      // The wrong total put right: the identity's finding goes.
      step = edit(text, '12\t18', '12\t17', '（七）总计');
      await change(uri, 4, step);
      text = step.text;
      const fixed = full(await pull(server, uri, moved.resultId));
      assert.notEqual(fixed.resultId, moved.resultId);
      assert.deepEqual(shown(fixed.items), direct(text));
      assert.ok(!fixed.items.some((d) => d.code === 'figure-identity'));
      assert.equal(server.pushes.get(uri), undefined, 'nothing pushed');

      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual(await pull(server, uri, fixed.resultId), { kind: 'full', items: [] });
    });
  }

  it("take over from the workspace check's pushed ones when the report opens", async () => {
    const file = path.join(tempDir('jiaohe-pull-'), 'report.txt');
    const text = FIXTURES['wrong total']();
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const checked = server.nextDiagnostics(uri);
    await server.connection.sendRequest('jiaohe/checkFiles', { uris: [uri] });
    assert.ok((await checked).diagnostics.length > 0, 'a report on disk, not open: pushed');
    const cleared = server.nextDiagnostics(uri);
    await open(uri, text);
    assert.deepEqual((await cleared).diagnostics, [], 'the pushed set is cleared, not shown beside the pulled one');
    assert.deepEqual(shown(full(await pull(server, uri)).items), direct(text));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('are never "unchanged" to an id from another server process (a restarted server)', async () => {
    const uri = fileUri('pull-restart.txt');
    const text = FIXTURES['wrong total']();
    // Two fresh servers, each with this one document: the same history, so ids that only counted would be equal.
    const [a, b] = await Promise.all([startPulling(), startPulling()]);
    try {
      for (const { server: s } of [a, b]) await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      const before = full(await pull(a.server, uri));
      const after = full(await pull(b.server, uri, before.resultId));
      assert.notEqual(after.resultId, before.resultId);
      assert.deepEqual(shown(after.items), direct(text));
    } finally {
      await Promise.all([a.server.stop(), b.server.stop()]);
    }
  });

  it('are pulled again when the settings change them', async () => {
    const uri = fileUri('pull-settings.txt');
    const text = FIXTURES['wrong total']();
    await open(uri, text);
    const first = full(await pull(server, uri));
    const before = refreshes();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { jiaohe: { rules: { 'figure-identity': 'off' } } } });
    await refreshedAfter(refreshes, before);
    const after = full(await pull(server, uri, first.resultId));
    assert.deepEqual(shown(after.items), direct(text, { 'figure-identity': 'off' }));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { jiaohe: { rules: {} } } });
  });
});

describe('pulled diagnostics, debounced', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await startPulling({ debounceMs: 300 }));
  });
  after(async () => {
    await server.stop();
  });

  it('wait for the analysis of the version the client has', async () => {
    const uri = fileUri('pull-debounced.txt');
    const { first, fixed } = await openThenFixTotal(server, uri);
    // Asked at once, answered once the debounced analysis has run: never the old version's set.
    assert.deepEqual(shown(full(await pull(server, uri, first.resultId)).items), direct(fixed));
  });
});

describe('pulled diagnostics, analysed on save', () => {
  let server: TestServer;
  let refreshes: () => number;
  before(async () => {
    ({ server, refreshes } = await startPulling({ run: 'onSave' }));
  });
  after(async () => {
    await server.stop();
  });

  it("stay the last save's until the next save, which asks the client to pull again", async () => {
    const uri = fileUri('pull-on-save.txt');
    const { first, fixed } = await openThenFixTotal(server, uri);
    assert.deepEqual(await pull(server, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'not analysed before the save');
    const before = refreshes();
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await refreshedAfter(refreshes, before);
    assert.deepEqual(shown(full(await pull(server, uri, first.resultId)).items), direct(fixed));
  });
});
