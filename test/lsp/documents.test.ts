// Word, web and PDF reports in the editor, over LSP: jiaohe/importFile extracts the text (as the
// CLI does); the read-only document opened under jiaohe-import: gets findings that name their place
// in the original, and hovers say where a cell stands.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { docxFromText } from '../helpers/documents';
import { startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

describe('documents over LSP', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  const dir = tempDir('jiaohe-lsp-docs-');
  before(async () => {
    server = await startServer({ locale: 'zh-cn' });
    writeFileSync(path.join(dir, 'report.docx'), await docxFromText(readSeed('001')));
    writeFileSync(path.join(dir, 'broken.pdf'), 'no pdf here');
  });
  after(async () => {
    await server.stop();
  });

  it('imports a .docx, and its read-only view gets findings with their place in the original, and hovers with it', async () => {
    const file = pathToFileURL(path.join(dir, 'report.docx')).toString();
    const target = `jiaohe-import:${path.join(dir, 'report.docx')}`;
    const result = (await server.connection.sendRequest('jiaohe/importFile', { uri: file, target })) as { text: string; kind: string; notes: string[] };
    assert.equal(result.kind, 'docx');
    assert.deepEqual(result.notes, []);
    const published = server.nextDiagnostics(target);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: target, languageId: 'jiaohe', version: 1, text: result.text } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), analyze(result.text).findings.map((f) => f.rule));
    const inTable = diagnostics.find((d) => d.code === 'table-cell-count')!;
    assert.match(String(inTable.message), /\[表格[一二三四五六七八九十]+ 第\d+行 第\d+列\]$/);
    // Hover a value cell of table 三 (the first number after the row label).
    const lines = result.text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('| 一、本年新收'));
    const character = lines[line].search(/\d/);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: target }, position: { line, character } })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /原文位置: 表格/);
  });

  it('answers with a clear error for a file it cannot read, and for one that is not on disk', async () => {
    const broken = (await server.connection.sendRequest('jiaohe/importFile', { uri: pathToFileURL(path.join(dir, 'broken.pdf')).toString() })) as { error?: string };
    assert.match(broken.error ?? '', /PDF/);
    const missing = (await server.connection.sendRequest('jiaohe/importFile', { uri: pathToFileURL(path.join(dir, 'missing.docx')).toString() })) as { error?: string };
    assert.match(missing.error ?? '', /ENOENT/);
    const remote = (await server.connection.sendRequest('jiaohe/importFile', { uri: 'https://example.invalid/a.docx' })) as { error?: string };
    assert.ok(remote.error);
  });
});
