// The language server over a real stdio connection: diagnostics on open and on edit, outline,
// folding, and silence on documents that are not reports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';

describe('language server over stdio', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function open(name: string, text: string, languageId = 'plaintext') {
    const uri = fileUri(name);
    const diagnostics = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return { uri, diagnostics: await diagnostics };
  }

  it('outlines each seed: six statutory sections (five in 003), tables inside their sections', async () => {
    for (const id of SEED_IDS) {
      const { uri } = await open(`seed-${id}.txt`, readSeed(id));
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
        textDocument: { uri },
      })) as DocumentSymbol[];
      const names = symbols.map((s) => s.name.slice(0, 2));
      assert.deepEqual(names, id === '003' ? ['一、', '二、', '三、', '四、', '五、'] : ['一、', '二、', '三、', '四、', '五、', '六、']);
      // Tables sit under 二, 三, 四.
      for (const [i, kind] of [[1, '表二'], [2, '表三'], [3, '表四']] as const) {
        assert.ok(symbols[i].children!.some((c) => c.name.startsWith(kind)), `${id}: ${kind} under section ${i + 1}`);
      }
      // Selection ranges lie inside their ranges.
      for (const s of symbols) {
        assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line);
      }
      const folds = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
      assert.ok(folds.length >= 5, `${id}: folding ranges`);
      assert.ok(folds.every((f) => f.endLine > f.startLine));
    }
  });

  it('publishes diagnostics on open, with codes, ranges, severities and docs links', async () => {
    const { diagnostics } = await open('seed-003-diag.md', readSeed('003'), 'markdown');
    const codes = diagnostics.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
    assert.deepEqual(codes, ['section-title@9', 'section-title@86', 'section-missing@103']);
    const missing = diagnostics.diagnostics[2];
    assert.equal(missing.severity, 1);
    assert.equal(missing.source, 'jiaohe');
    assert.match(missing.codeDescription!.href, /docs\/rules\/section-missing\.md$/);
    // English, as the client's locale says.
    assert.match(typeof missing.message === 'string' ? missing.message : missing.message.value, /^Missing section 六/);
  });

  it('re-analyses after an incremental edit and clears the finding when undone', async () => {
    const text = readSeed('000');
    const { uri, diagnostics } = await open('seed-000-edit.txt', text);
    assert.equal(diagnostics.diagnostics.filter((d) => d.code === 'section-duplicate').length, 0);
    // Insert a second 五 heading at the end.
    const lines = text.split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const inserted = '\n五、存在的主要问题及改进情况\n';
    let next = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: end, end }, text: inserted }],
    });
    const afterEdit = await next;
    assert.deepEqual(afterEdit.diagnostics.filter((d) => d.code === 'section-duplicate').map((d) => d.range.start.line), [lines.length]);
    next = server.nextDiagnostics(uri, 3);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: end, end: { line: lines.length + 1, character: 0 } }, text: '' }],
    });
    const undone = await next;
    assert.equal(undone.diagnostics.filter((d) => d.code === 'section-duplicate').length, 0);
    assert.deepEqual(undone.diagnostics.map((d) => d.code), diagnostics.diagnostics.map((d) => d.code));
  });

  it('publishes nothing for a document that is not a report', async () => {
    const { uri, diagnostics } = await open('notes.md', '# Meeting notes\n\n一、议程\n二、讨论 12 项\n', 'markdown');
    assert.deepEqual(diagnostics.diagnostics, []);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
  });
});
