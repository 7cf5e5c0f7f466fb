// The requests behind the editor commands: summary view, report skeleton, workspace check.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { importReport } from '../../server/src/import';
import { FIXTURES } from '../helpers/fixtures';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, seedPath, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

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
    const dir = tempDir('jiaohe-ws-');
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

describe('jiaohe/writeMemo over LSP', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('writes the Word memo for the reports among the files (notes left out), read back with the same findings', async () => {
    const dir = tempDir('jiaohe-memo-ws-');
    const report = FIXTURES['wrong total']();
    writeFileSync(path.join(dir, 'report.txt'), report);
    writeFileSync(path.join(dir, 'notes.txt'), '会议纪要：下周讨论。\n');
    const output = path.join(dir, 'memo.docx');
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
    const result = (await server.connection.sendRequest('jiaohe/writeMemo', { uris: [uri('report.txt'), uri('notes.txt')], output: pathToFileURL(output).toString() })) as Record<string, number>;
    assert.deepEqual({ reports: result.reports, unreadable: result.unreadable, errors: result.errors }, { reports: 1, unreadable: 0, errors: 1 });
    const back = await importReport(readFileSync(output), 'memo.docx');
    assert.ok(back.report, back.error?.en);
    const text = back.report.text;
    assert.match(text, /^Review of the government information disclosure annual reports\n/);
    assert.doesNotMatch(text, /notes\.txt/);
    const [finding] = analyze(report).findings;
    assert.ok(text.includes(`1.${finding.message.en} (at: section 三`), text);
  });
});
