// Quick-fixes, fix-all, hovers and inlay hints over a real stdio connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../helpers/fixtures';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';

let server: TestServer;
let version = 0;

async function open(name: string, text: string) {
  const uri = fileUri(name);
  const diagnostics = server.nextDiagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  return { uri, doc: TextDocument.create(uri, 'plaintext', 1, text), diagnostics: (await diagnostics).diagnostics };
}

function apply(doc: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc, edits);
}

async function actionsAt(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only?: string[]) {
  return (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics: [], only },
  })) as CodeAction[];
}

const hover = (uri: string, line: number, character: number) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;

const markdown = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('code actions, fix-all, hovers and inlay hints over LSP', { skip: NEEDS_SEEDS }, () => {
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('offers a preferred quick-fix for a wrong total that repairs it', async () => {
    const { uri, doc, diagnostics } = await open(`fx-${version++}.txt`, FIXTURES['wrong total']());
    const d = diagnostics.find((x) => x.code === 'figure-identity')!;
    const actions = await actionsAt(uri, d.range, ['quickfix']);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.title, 'Change to 17');
    const edits = fix.edit!.changes![uri];
    assert.deepEqual(edits.map((e) => e.newText), ['17']);
    assert.deepEqual(edits[0].range, d.range);
    assert.match(apply(doc, edits), /（七）总计\t5\t0\t0\t0\t0\t12\t17/);
  });

  it('returns the right edits for a rule of each kind', async () => {
    const cases: Array<[string, string, (text: string) => void]> = [
      ['title typo', 'section-title', (t) => assert.match(t, /四、政府信息公开行政复议、行政诉讼情况/)],
      ['altered headers', 'table-header', (t) => assert.match(t, /上一年项目数量\t本年增\/减\t处理决定数量/)],
      ['short row', 'table-cell-count', (t) => assert.match(t, /2\.重复申请(\t0){7}\n/)],
      ['long row', 'table-cell-count', (t) => assert.match(t, /1\.属于国家秘密\t1(\t0){5}\t1\n/)],
      ['blank cell forced', 'table-empty-cell', (t) => assert.match(t, /（七）总计\t3\t0/)],
      ['decimals against header', 'figure-unit', (t) => assert.match(t, /政府集中采购\t3\t7\.0000/)],
    ];
    for (const [fixture, rule, expect] of cases) {
      const { uri, doc, diagnostics } = await open(`fx-${version++}.txt`, FIXTURES[fixture]());
      const d = diagnostics.find((x) => x.code === rule);
      assert.ok(d, `${fixture}: ${rule} reported`);
      const actions = await actionsAt(uri, d!.range, ['quickfix']);
      const fix = actions.find((a) => a.diagnostics?.[0]?.code === rule)!;
      assert.ok(fix, `${fixture}: a fix for ${rule}`);
      expect(apply(doc, fix.edit!.changes![uri]));
    }
  });

  it('offers both directions, never preferred, for prose against a table (the table side only where no identity binds the cell)', async () => {
    const { uri, diagnostics } = await open(`fx-${version++}.txt`, FIXTURES['prose against table']());
    const d = diagnostics.find((x) => x.code === 'figure-text-table')!;
    const actions = (await actionsAt(uri, d.range, ['quickfix'])).filter((a) => a.edit && a.diagnostics?.[0]?.code === 'figure-text-table');
    // 一·总计 is bound by I1 and I3: only the prose side.
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change the prose to 12', false]]);
    const normative = await open(`fx-${version++}.txt`, FIXTURES['normative in prose']());
    const n = normative.diagnostics.find((x) => x.code === 'figure-text-table')!;
    const both = (await actionsAt(normative.uri, n.range, ['quickfix'])).filter((a) => a.edit && a.diagnostics?.[0]?.code === 'figure-text-table');
    assert.deepEqual(both.map((a) => [a.title, a.isPreferred]), [['Change the prose to 5', false], ['Change the table to 6', false]]);
  });

  it('source.fixAll.jiaohe applies every preferred fix in one edit, and a second run changes nothing', async () => {
    const { uri, doc } = await open(`fx-${version++}.txt`, readSeed('004'));
    const all = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    const [action] = await actionsAt(uri, all, ['source.fixAll.jiaohe']);
    assert.equal(action.kind, 'source.fixAll.jiaohe');
    const fixed = apply(doc, action.edit!.changes![uri]);
    assert.ok(!/\t1\t0\t0\t0\t0\t0\t0\t1/.test(fixed), 'spurious cells removed');
    const again = await open(`fx-${version++}.txt`, fixed);
    assert.deepEqual(await actionsAt(again.uri, all, ['source.fixAll.jiaohe']), []);
  });

  it('with a client that resolves code actions, fix-all is computed only when resolved (same edit), and not for a stale version', async () => {
    const text = readSeed('004');
    const { uri, doc } = await open(`fx-${version++}.txt`, text);
    const all = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
    const [eager] = await actionsAt(uri, all, ['source.fixAll.jiaohe']);
    const resolving = await startServer({}, [], { codeAction: { resolveSupport: { properties: ['edit'] } } });
    try {
      const opened = resolving.nextDiagnostics(uri, 1);
      await resolving.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await opened;
      const request = { textDocument: { uri }, range: all, context: { diagnostics: [], only: ['source.fixAll.jiaohe'] } };
      const [lazy] = (await resolving.connection.sendRequest('textDocument/codeAction', request)) as CodeAction[];
      assert.equal(lazy.kind, 'source.fixAll.jiaohe');
      assert.equal(lazy.edit, undefined, 'no edit until resolved');
      const resolved = (await resolving.connection.sendRequest('codeAction/resolve', lazy)) as CodeAction;
      assert.deepEqual(resolved.edit, eager.edit);
      // After an edit the offered action is stale: resolving it gives no edit.
      const changed = resolving.nextDiagnostics(uri, 2);
      await resolving.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
      });
      await changed;
      const stale = (await resolving.connection.sendRequest('codeAction/resolve', lazy)) as CodeAction;
      assert.equal(stale.edit, undefined);
    } finally {
      await resolving.stop();
    }
  });

  it('hovers a cell with its place, value and identities (✓/✗), and a total with its breakdown', async () => {
    const text = readSeed('001');
    const { uri } = await open(`hv-${version++}.txt`, text);
    // Line 89: (七) 总计 18 … 18 — hover the first 18 (自然人).
    const lines = text.split('\n');
    const col = lines[88].indexOf('18');
    const h = markdown(await hover(uri, 88, col));
    assert.match(h, /（七）总计 × 自然人/);
    assert.match(h, /Value: `18`/);
    assert.match(h, /\| row total of （七）总计 \| 18 = 18 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 18 \| ✓ \|/);
    // Its column total cannot be judged: six rows of 001 are a cell short.
    assert.match(h, /\(七\) total · 自然人 .* \| \? \|/);
  });

  it('hovers a cell on every seed, and a section heading with its summary', async () => {
    for (const id of SEED_IDS) {
      const text = readSeed(id);
      const { uri } = await open(`hv-${version++}.txt`, text);
      const lines = text.split(/\r?\n/);
      const row = lines.findIndex((l) => l.includes('上年结转政府信息公开申请数量'));
      // The first value on the row (or on the next line in a web copy).
      const valueLine = lines.slice(row).findIndex((l, k) => (k === 0 ? /\t\d/.test(l) : /^\d/.test(l.trim())));
      const line = row + valueLine;
      const character = valueLine === 0 ? lines[line].search(/\t\d/) + 1 : lines[line].search(/\d/);
      const h = markdown(await hover(uri, line, character));
      assert.match(h, /二、上年结转政府信息公开申请数量 × 自然人/, `seed ${id}`);
      const heading = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
      const summary = markdown(await hover(uri, heading, lines[heading].indexOf('收到')));
      assert.match(summary, /table 三 .* rows; \d+ findings/, `seed ${id}`);
    }
  });

  it('hovers a prose breakdown total with its parts and sum', async () => {
    const text = readSeed('000');
    const { uri } = await open(`hv-${version++}.txt`, text);
    const line = text.split('\n')[14];
    const h = markdown(await hover(uri, 14, line.indexOf('1152')));
    assert.match(h, /Sum: 1384条\*\*（total 1152条）/);
  });

  it('shows inlay hints exactly where totals disagree', async () => {
    const { uri, doc } = await open(`ih-${version++}.txt`, FIXTURES['wrong total']());
    const all = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    const hints = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: all })) as InlayHint[];
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[doc.positionAt(doc.getText().indexOf('\t18\n') + 3).line, ' = 17']]);
    const clean = await open(`ih-${version++}.txt`, readSeed('003'));
    const none = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: clean.uri }, range: all })) as InlayHint[];
    assert.deepEqual(none, []);
  });
});
