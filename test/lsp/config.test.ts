// Settings over LSP: didChangeConfiguration changes severities; .jiaohe.json is honoured as in the
// CLI; "ignore this finding" records a fingerprint and the finding goes away.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, seedPath, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

describe('settings and .jiaohe.json over LSP', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('workspace/didChangeConfiguration changes a rule\'s severity in the published diagnostics', async () => {
    const uri = fileUri('cfg-change.txt');
    const first = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readSeed('003') } });
    assert.deepEqual((await first).diagnostics.map((d) => `${d.code}/${d.severity}`), ['section-title/2', 'section-title/2', 'section-missing/1']);
    const next = server.diagnosticsWhere(uri, (p) => p.diagnostics.length === 1);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { jiaohe: { rules: { 'section-title': 'off', 'section-missing': 'hint' } } } });
    assert.deepEqual((await next).diagnostics.map((d) => `${d.code}/${d.severity}`), ['section-missing/4']);
    const restored = server.diagnosticsWhere(uri, (p) => p.diagnostics.length === 3);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { jiaohe: { rules: {} } } });
    assert.deepEqual((await restored).diagnostics.map((d) => `${d.code}/${d.severity}`), ['section-title/2', 'section-title/2', 'section-missing/1']);
  });

  it('honours .jiaohe.json beside the report, and records an ignored finding there', async () => {
    const dir = tempDir('jiaohe-lsp-');
    const file = path.join(dir, 'report.txt');
    copyFileSync(seedPath('003'), file);
    writeFileSync(path.join(dir, '.jiaohe.json'), JSON.stringify({ rules: { 'section-missing': 'off' } }));
    const uri = pathToFileURL(file).toString();
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(file, 'utf8') } });
    const diags = (await opened).diagnostics;
    assert.deepEqual(diags.map((d) => d.code), ['section-title', 'section-title']);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.command?.command === 'jiaohe.ignoreFinding')!;
    assert.ok(ignore, 'an ignore action');
    const after = server.diagnosticsWhere(uri, (p) => p.diagnostics.length === 1);
    await server.connection.sendRequest('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
    assert.deepEqual((await after).diagnostics.map((d) => d.code), ['section-title']);
    const saved = JSON.parse(readFileSync(path.join(dir, '.jiaohe.json'), 'utf8'));
    assert.deepEqual(saved.rules, { 'section-missing': 'off' });
    assert.equal(saved.ignore.length, 1);
    assert.match(saved.ignore[0], /^section-title:[0-9a-f]{8}$/);
  });

  it('publishes no findings for a file the .jiaohe.json "ignores", as the CLI skips it', async () => {
    const dir = tempDir('jiaohe-lsp-');
    const file = path.join(dir, 'draft-old.txt');
    copyFileSync(seedPath('003'), file);
    writeFileSync(path.join(dir, '.jiaohe.json'), JSON.stringify({ ignores: ['draft-*.txt'] }));
    const uri = pathToFileURL(file).toString();
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(file, 'utf8') } });
    assert.deepEqual((await opened).diagnostics, []);
  });
});
