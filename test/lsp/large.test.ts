// A large or pathological document is analysed on the server's worker thread: requests about other
// documents are answered while it is analysed, and it still gets its diagnostics, outline and hovers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { analyze, localize } from '../../server/src/core';
import { FIXTURES } from '../helpers/fixtures';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { randomEdits } from '../helpers/random-edits';
import { LARGE_DOCUMENT_CHARS } from '../../server/src/lsp/offload';
import { toDiagnostic } from '../../server/src/lsp/convert';

/** ~1 M characters of one line of prose with figures: an analysis of a second or so. */
const pathological = () => '一、总体情况 2021年 共 12 件 '.repeat(50_000);

describe('large documents over LSP', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('answer requests about a small document while a large one is analysed', async () => {
    const small = fileUri('small.txt');
    const big = fileUri('big.txt');
    const opened = server.nextDiagnostics(small, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: FIXTURES['wrong total']() } });
    await opened;

    let bigDone = 0;
    const bigDiagnostics = server.nextDiagnostics(big, 1, 60_000).then((p) => ((bigDone = Date.now()), p));
    const sent = Date.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text: pathological() } });
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } })) as unknown[];
    const answered = Date.now();
    assert.ok(symbols.length >= 6, 'the small report has its outline');
    await bigDiagnostics;
    // Printed, not asserted as a time (the machine may be loaded): the bench measures it.
    console.log(`# small document answered after ${answered - sent} ms; the large one's diagnostics after ${bigDone - sent} ms`);
    assert.ok(answered <= bigDone, 'answered before the large document was done');
  });

  it("gives the large document the same diagnostics as a direct analysis, and its hovers and outline", async () => {
    const big = fileUri('big-report.txt');
    // A real report, padded with prose to beyond the worker's threshold.
    const text = FIXTURES['wrong total']() + '\n' + '本年度继续做好政务公开工作。\n'.repeat(8_000);
    const published = server.nextDiagnostics(big, 1, 60_000);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text } });
    const { diagnostics } = await published;
    const { model, findings } = analyze(text);
    assert.deepEqual(diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })), findings.map((f) => ({ code: f.rule, range: model.source.rangeOf(f.span), message: localize(f.message, 'en') })));
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: big } })) as unknown[];
    assert.equal(symbols.length, model.sections.length);
    const identity = findings.find((f) => f.rule === 'figure-identity')!;
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: big }, position: model.source.positionAt(identity.span.start) })) as { contents: { value: string } } | null;
    assert.ok(hover && /17/.test(hover.contents.value), JSON.stringify(hover));
    // Its quick-fix, from the worker: the wrong total corrected.
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: big }, range: model.source.rangeOf(identity.span), context: { diagnostics: [] } })) as Array<{ title: string; edit?: { changes: Record<string, Array<{ newText: string }>> } }>;
    assert.ok(actions.some((a) => a.edit?.changes[big]?.some((e) => e.newText === '17')), JSON.stringify(actions.map((a) => a.title)));
    // An edit: the newest version is analysed and published.
    const edited = server.nextDiagnostics(big, 2, 60_000);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: 2 }, contentChanges: [{ text: text.replace('（七）总计\t5\t0\t0\t0\t0\t12\t18', '（七）总计\t5\t0\t0\t0\t0\t12\t17') }] });
    assert.equal((await edited).diagnostics.filter((d) => d.code === 'figure-identity').length, 0);
  });

  it('publishes every version what a direct analysis finds, when an edit changes no finding and when it moves them', async () => {
    // Findings that an edit leaves as they were do not cross from the worker again: the main
    // thread publishes those it holds. Each version here is checked against a direct analysis.
    const big = fileUri('big-edits.txt');
    let text = FIXTURES['wrong total']() + '\n' + '本年度继续做好政务公开工作。\n'.repeat(8_000);
    const expected = (t: string) => {
      const { model, findings } = analyze(t);
      return findings.map((f) => ({ code: f.rule, range: model.source.rangeOf(f.span), message: localize(f.message, 'en') }));
    };
    const got = (d: Array<{ code?: unknown; range: unknown; message: unknown }>) => d.map(({ code, range, message }) => ({ code, range, message }));
    const opened = server.nextDiagnostics(big, 1, 60_000);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text } });
    const first = (await opened).diagnostics;
    assert.ok(first.length > 0);
    const end = { line: text.split('\n').length - 1, character: 0 };
    const edits: Array<[string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }]> = [
      ['a word typed at the end (no finding changes)', { range: { start: end, end }, text: '好' }],
      ['another', { range: { start: end, end }, text: '的' }],
      ['a wrong total made wronger (its finding stays where it was, its message changes)', { range: { start: { line: 55, character: 20 }, end: { line: 55, character: 21 } }, text: '9' }],
      ['a line put in at the top (every finding moves down)', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
      ['it taken out again', { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }],
      ['and a word more at the end', { range: { start: end, end }, text: '了' }],
    ];
    for (const [k, [what, change]] of edits.entries()) {
      const version = k + 2;
      const lines = text.split('\n');
      const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      text = text.slice(0, offsetOf(change.range.start)) + change.text + text.slice(offsetOf(change.range.end));
      const published = server.nextDiagnostics(big, version, 60_000);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: big, version }, contentChanges: [change] });
      assert.deepEqual(got((await published).diagnostics), expected(text), what);
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
  });

  it('publishes what a direct analysis finds after each of 60 random keystrokes and 30 edits in a large report', async () => {
    await keystrokesMatchDirectAnalysis(server, 'big-typed.txt');
  });

  it('does so too over IPC, as VS Code starts the server (no stdio bytes kept: the sets as objects)', async () => {
    const viaIpc = await startServer({}, [], {}, {}, 'ipc');
    try {
      await keystrokesMatchDirectAnalysis(viaIpc, 'big-typed-ipc.txt');
    } finally {
      await viaIpc.stop();
    }
  });

  it('says where checking stopped in a document over the budget, though the worker is sent only the checked part', async () => {
    const huge = fileUri('huge-report.txt');
    const text = FIXTURES['wrong total']() + '\n' + '本年度继续做好政务公开工作。\n'.repeat(80_000); // ~1.2 M characters
    const published = server.nextDiagnostics(huge, 1, 60_000);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: huge, languageId: 'plaintext', version: 1, text } });
    const { diagnostics } = await published;
    const { model, findings } = analyze(text);
    assert.ok(model.truncated && model.truncated.length === text.length);
    assert.ok(findings.some((f) => f.rule === 'document-too-large'));
    assert.deepEqual(diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })), findings.map((f) => ({ code: f.rule, range: model.source.rangeOf(f.span), message: localize(f.message, 'en') })));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: huge } });
  });
});

describe('an idle analysis worker', () => {
  it('is stopped when it has had nothing to do for a while, and a large document is analysed again when next asked about', async () => {
    const server = await startServer({ workerIdleMs: 400 });
    try {
      const threads = () => {
        try {
          return Number(/Threads:\s+(\d+)/.exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))![1]);
        } catch {
          return undefined; // (no /proc here: the stop is shown by the answers below alone)
        }
      };
      const big = fileUri('big-idle.txt');
      const text = FIXTURES['wrong total']() + '\n' + '本年度继续做好政务公开工作。\n'.repeat(8_000);
      const { model, findings } = analyze(text);
      const opened = server.nextDiagnostics(big, 1, 60_000);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text } });
      const first = (await opened).diagnostics;
      // (Compared with the count just before each pause: node starts some threads of its own lazily.)
      const running = threads();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      if (running !== undefined) assert.equal(threads(), running - 1, "the idle worker's thread was stopped");
      // What it held is gone: the hover, the quick-fix and the outline are made by a new one.
      const identity = findings.find((f) => f.rule === 'figure-identity')!;
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: big }, position: model.source.positionAt(identity.span.start) })) as { contents: { value: string } } | null;
      assert.ok(hover && /17/.test(hover.contents.value), JSON.stringify(hover));
      const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: big }, range: model.source.rangeOf(identity.span), context: { diagnostics: [] } })) as Array<{ edit?: { changes: Record<string, Array<{ newText: string }>> } }>;
      assert.ok(actions.some((a) => a.edit?.changes[big]?.some((e) => e.newText === '17')));
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: big } })) as unknown[];
      assert.equal(symbols.length, model.sections.length);
      // And after another stop, an edit: the new worker holds no earlier set, and the whole set crosses.
      const runningAgain = threads();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      if (runningAgain !== undefined) assert.equal(threads(), runningAgain - 1, 'stopped again');
      const edited = text + '好';
      const published = server.nextDiagnostics(big, 2, 60_000);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: 2 }, contentChanges: [{ range: { start: model.source.positionAt(text.length), end: model.source.positionAt(text.length) }, text: '好' }] });
      const again = analyze(edited);
      const expected = again.findings.map((f) => ({ code: f.rule, range: again.model.source.rangeOf(f.span), message: localize(f.message, 'en') }));
      assert.deepEqual((await published).diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })), expected);
      assert.equal(expected.length, first.length);
    } finally {
      await server.stop();
    }
  });
});

/**
 * Breakdowns that hold and that do not, so that keystrokes make, change and clear findings; the
 * edits put lines in and take them out, so that findings after them move. Only what changed
 * crosses from the worker: the set published must still be the whole of it, related places and all.
 */
async function keystrokesMatchDirectAnalysis(server: TestServer, name: string): Promise<void> {
  const prose = Array.from({ length: 3_500 }, (_, i) => `全年共公开信息${i % 40 === 0 ? 90 + (i % 7) : 100}条，其中政策文件30条、工作动态70条。`).join('\n');
  const text = FIXTURES['wrong total']() + '\n' + prose + '\n';
  assert.ok(text.length > LARGE_DOCUMENT_CHARS, 'analysed on the worker');
  const uri = fileUri(name);
  // (The rule's page is found from where the code runs: the test bundle's is another.)
  const withoutDocs = ({ codeDescription: _, ...rest }: { codeDescription?: unknown }) => rest;
  const expected = (t: string) => {
    const { model, findings } = analyze(t);
    return findings.map((f) => withoutDocs(toDiagnostic(model.source, uri, f, 'en')));
  };
  const opened = server.nextDiagnostics(uri, 1, 60_000);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await opened;
  const steps = randomEdits(text, 60, 7, true);
  steps.push(...randomEdits(steps[steps.length - 1].text, 30, 8));
  for (const [k, step] of steps.entries()) {
    const published = server.nextDiagnostics(uri, k + 2, 60_000);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [step.change] });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map(withoutDocs), expected(step.text), `${k < 60 ? 'keystroke' : 'edit'} ${k + 1}`);
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}
