// The stdio transport's own encoding: byte for byte what vscode-jsonrpc's JSON encoder gives, pushed
// diagnostics included (the whole LSP suite runs over it as well).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { encodeMessage, serialisedAs } from '../../server/src/lsp/stdio';

const diagnostic = (message: string, line: number): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 4 } },
  severity: 1,
  code: 'figure-identity',
  source: 'jiaohe',
  message,
  relatedInformation: [{ location: { uri: 'file:///报告.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: '合计 "17"' }],
});
const publish = (params: object) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });
/** What vscode-jsonrpc's own encoder writes. */
const standard = (msg: object) => Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');

describe('the stdio encoding', () => {
  it('writes every message as vscode-jsonrpc does', () => {
    const set = [diagnostic('总计应为 17，实为 18。', 3), diagnostic('第二个\n"引号" \\ 反斜杠 \u2028', 9)];
    const messages = [
      publish({ uri: 'file:///a%20b.txt', version: 7, diagnostics: set }),
      publish({ uri: 'file:///a.txt', diagnostics: [] }),
      publish({ uri: 'file:///a.txt', version: 8, diagnostics: set }),
      { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '合计' } } },
      { jsonrpc: '2.0', method: 'jiaohe/status', params: { uri: 'file:///a.txt', version: 1, errors: 2 } },
      { jsonrpc: '2.0', id: 4, method: 'workspace/configuration', params: { items: [{ section: 'jiaohe' }] } },
    ];
    for (const m of messages) assert.deepEqual(encodeMessage(m as never), standard(m));
  });

  it('writes a set pushed again from its first serialisation, and a changed set anew', () => {
    const set = [diagnostic('总计应为 17，实为 18。', 3)];
    const first = encodeMessage(publish({ uri: 'file:///a.txt', version: 1, diagnostics: set }) as never);
    const again = encodeMessage(publish({ uri: 'file:///a.txt', version: 2, diagnostics: set }) as never);
    assert.deepEqual(again, standard(publish({ uri: 'file:///a.txt', version: 2, diagnostics: set })));
    assert.notDeepEqual(again, first, 'the version is the message\'s own');
    const other = [diagnostic('总计应为 17，实为 19。', 3)];
    assert.deepEqual(encodeMessage(publish({ uri: 'file:///a.txt', version: 3, diagnostics: other }) as never), standard(publish({ uri: 'file:///a.txt', version: 3, diagnostics: other })));
  });

  it('writes a set parsed from JSON (the worker\'s) as that text', () => {
    const json = JSON.stringify([diagnostic('总计应为 17，实为 18。', 3)]);
    const set = serialisedAs(JSON.parse(json) as Diagnostic[], json);
    const message = publish({ uri: 'file:///a.txt', version: 4, diagnostics: set });
    assert.deepEqual(encodeMessage(message as never), standard(message));
    // The text is written as given, not made again from the objects.
    const told = serialisedAs([diagnostic('a', 1)], '["as told"]');
    assert.equal(encodeMessage(publish({ uri: 'file:///a.txt', diagnostics: told }) as never).toString(), '{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///a.txt","diagnostics":["as told"]}}');
  });
});
