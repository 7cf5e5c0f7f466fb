// The requests behind the editor commands: summary view, report skeleton, workspace check.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { FIXTURES } from '../helpers/fixtures';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, seedPath, NEEDS_SEEDS } from '../helpers/seeds';

describe('command requests over LSP', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('jiaohe/summary: the tables with a wrong total in red beside its computed value, findings by section', async () => {
    const uri = fileUri('summary.txt');
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: FIXTURES['wrong total']() } });
    await opened;
    const { html, css } = (await server.connection.sendRequest('jiaohe/summary', { uri })) as { html: string; css: string };
    assert.match(html, /<td class="bad">18 <span class="computed">= 17<\/span><\/td>/);
    assert.match(html, /<td class="ok">17<\/td>/);
    assert.equal((html.match(/<table class="report-table/g) ?? []).length, 3);
    assert.match(html, /<h4>section 三 \(收到和处理政府信息公开申请情况\) <small>\(1\)<\/small><\/h4>/);
    assert.match(css, /td\.bad/);
    assert.doesNotMatch(html, /<script/);
  });

  it('jiaohe/skeleton: a report in the asked format that has no structure findings', async () => {
    for (const format of ['2019', '2021'] as const) {
      const { text } = (await server.connection.sendRequest('jiaohe/skeleton', { format, year: format === '2019' ? 2020 : 2024 })) as { text: string };
      const { model, findings } = analyze(text);
      assert.equal(model.format, format);
      assert.deepEqual(findings, []);
    }
  });

  it('jiaohe/checkFiles: publishes diagnostics for reports on disk, skips other files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-ws-'));
    copyFileSync(seedPath('003'), path.join(dir, 'report.md'));
    writeFileSync(path.join(dir, 'notes.txt'), '会议纪要：下周讨论。\n');
    const report = pathToFileURL(path.join(dir, 'report.md')).toString();
    const published = server.nextDiagnostics(report);
    const result = (await server.connection.sendRequest('jiaohe/checkFiles', {
      uris: [report, pathToFileURL(path.join(dir, 'notes.txt')).toString(), pathToFileURL(path.join(dir, 'missing.txt')).toString()],
    })) as { reports: number };
    assert.equal(result.reports, 1);
    assert.deepEqual((await published).diagnostics.map((d) => d.code), analyze(readSeed('003')).findings.map((f) => f.rule));
  });
});
