// The stdio transport's own encoding: byte for byte what vscode-jsonrpc's JSON encoder gives, pushed
// diagnostics included (the whole LSP suite runs over it as well).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { encodeMessage, serialisedAfter, serialisedAs } from '../../server/src/lsp/stdio';

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
    const texts = [diagnostic('总计应为 17，实为 18。', 3), diagnostic('其中各项之和 9', 5)].map((d) => JSON.stringify(d));
    const set = serialisedAs(texts.map((t) => JSON.parse(t) as Diagnostic), texts);
    const message = publish({ uri: 'file:///a.txt', version: 4, diagnostics: set });
    assert.deepEqual(encodeMessage(message as never), standard(message));
    // The text is written as given, not made again from the objects.
    const told = serialisedAs([diagnostic('a', 1)], ['"as told"']);
    assert.equal(encodeMessage(publish({ uri: 'file:///a.txt', diagnostics: told }) as never).toString(), '{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///a.txt","diagnostics":["as told"]}}');
  });

  it('writes a pulled set (a full report) as vscode-jsonrpc does, from the set\'s bytes', () => {
    const set = [diagnostic('总计应为 17，实为 18。', 3), diagnostic('第二个', 9)];
    const answers = [
      { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: 'r.1', items: set } },
      { jsonrpc: '2.0', id: 'x', result: { kind: 'full', items: [] } },
      { jsonrpc: '2.0', id: 8, result: { kind: 'unchanged', resultId: 'r.1' } },
      { jsonrpc: '2.0', id: 9, result: null },
    ];
    for (const m of answers) assert.deepEqual(encodeMessage(m as never), standard(m));
    const told = serialisedAs([diagnostic('a', 1)], ['"as told"']);
    assert.equal(encodeMessage({ jsonrpc: '2.0', id: 3, result: { kind: 'full', resultId: 'r.2', items: told } } as never).toString(), '{"jsonrpc":"2.0","id":3,"result":{"kind":"full","resultId":"r.2","items":["as told"]}}');
  });

  it('writes a changed set from the bytes of the set it was made from, what changed or moved anew', () => {
    // (Texts of more than one byte a character: places in the bytes are not places in the text.)
    const [a, b, c, d] = ['"甲"', '"b"', '"丙"', '"d"'];
    const before = serialisedAs([diagnostic('a', 1), diagnostic('b', 2), diagnostic('c', 3), diagnostic('d', 4)], [a, b, c, d]);
    const items = (set: readonly Diagnostic[]) => encodeMessage({ jsonrpc: '2.0', id: 1, result: { kind: 'full', items: set } } as never).toString().slice('{"jsonrpc":"2.0","id":1,"result":{"kind":"full","items":'.length, -2);
    // The first kept, one new between, the last two kept (the same objects): all but the new one as told.
    const kept = serialisedAfter([before[0], diagnostic('新', 5), before[2], before[3]], before, 1, ['"new"'], 2);
    assert.equal(items(kept), '["甲","new","丙","d"]');
    // And a set made from that one, from its bytes in turn.
    const again = serialisedAfter([kept[0], kept[1], diagnostic('新二', 6), kept[3]], kept, 2, ['"newer"'], 1);
    assert.equal(items(again), '["甲","new","newer","d"]');
    // The last moved (a copy): written from the object.
    const moved = { ...before[3], range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } } };
    const partly = serialisedAfter([before[0], before[2], moved], before, 1, [], 2);
    assert.equal(items(partly), `["甲","丙",${JSON.stringify(moved)}]`);
    // Nothing kept, and a set made from one that was never written: from the objects.
    assert.equal(items(serialisedAfter([diagnostic('x', 1)], before, 0, ['"x"'], 0)), '["x"]');
    const unknown = [diagnostic('u', 1)];
    assert.deepEqual(items(serialisedAfter([unknown[0]], unknown, 1, [], 0)), JSON.stringify(unknown));
  });
});
