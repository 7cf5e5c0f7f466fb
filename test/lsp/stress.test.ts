// The server under load and abuse: random incremental edits end in the same diagnostics as a fresh
// analysis; rapid edits with stale requests are all answered; malformed JSON-RPC and unknown
// methods get protocol errors; closing documents frees them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { analyze, localize } from '../../server/src/core';
import { fileUri, startServer, type TestServer } from '../helpers/lsp-client';
import { randomEdits } from '../helpers/random-edits';
import { readSeed, NEEDS_SEEDS } from '../helpers/seeds';

const EDITS = Number(process.env.JIAOHE_FUZZ_EDITS) > 0 ? Number(process.env.JIAOHE_FUZZ_EDITS) : 300;

function expected(text: string) {
  const { model, findings } = analyze(text);
  return findings.map((f) => ({ code: f.rule, range: model.source.rangeOf(f.span), message: localize(f.message, 'en') }));
}

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

describe('server robustness', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it(`incremental = full: after ${EDITS} random edits the diagnostics equal a fresh analysis`, async () => {
    for (const [i, id] of (['000', '002', '004'] as const).entries()) {
      const uri = fileUri(`inc-${id}.txt`);
      const text = readSeed(id);
      const opened = server.nextDiagnostics(uri, 1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await opened;
      const steps = randomEdits(text, EDITS, 1000 + i);
      let last: Promise<{ diagnostics: unknown[] }> | undefined;
      for (const [k, step] of steps.entries()) {
        const version = k + 2;
        // The server may still be working through queued edits: allow time in proportion.
        if (k === steps.length - 1) last = server.nextDiagnostics(uri, version, 10_000 + EDITS * 50);
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [step.change] });
      }
      const published = (await last!).diagnostics as Array<{ code: string; range: unknown; message: string }>;
      const final = steps[steps.length - 1].text;
      assert.deepEqual(published.map((d) => ({ code: d.code, range: d.range, message: d.message })), expected(final), `seed ${id}`);
    }
  });
});

describe('server under rapid edits, stale requests and abuse', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  before(async () => {
    // A real debounce: rapid edits must not each be analysed.
    server = await startServer({ debounceMs: 30 });
  });
  after(async () => {
    await server.stop();
  });

  it('answers every hover and code action for stale versions and ends with correct diagnostics', async () => {
    const uri = fileUri('rapid.txt');
    const text = readSeed('001');
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await opened;
    const steps = randomEdits(text, 2000, 77);
    const requests: Array<Promise<unknown>> = [];
    for (const [k, step] of steps.entries()) {
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [step.change] });
      if (k % 20 === 0) {
        // Positions from an old version: the server must answer (or error), never hang or crash.
        const position = { line: (k * 7) % 120, character: k % 30 };
        requests.push(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }).catch((e) => e));
        requests.push(
          server.connection
            .sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })
            .catch((e) => e),
        );
      }
    }
    const last = server.nextDiagnostics(uri, steps.length + 1);
    const answers = await Promise.all(requests);
    assert.equal(answers.length, 200);
    assert.ok(answers.every((a) => a === null || typeof a === 'object'));
    const published = (await last).diagnostics as Array<{ code: string; range: unknown; message: string }>;
    assert.deepEqual(published.map((d) => ({ code: d.code, range: d.range, message: d.message })), expected(steps[steps.length - 1].text));
  });

  it('returns MethodNotFound for an unknown method and survives malformed JSON-RPC', async () => {
    await assert.rejects(server.connection.sendRequest('jiaohe/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
    // Garbage on the wire: a frame whose body is not JSON.
    server.process.stdin!.write('Content-Length: 12\r\n\r\n{not json!!}');
    const uri = fileUri('after-garbage.txt');
    const diags = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readSeed('003') } });
    assert.equal(((await diags).diagnostics as unknown[]).length, 3);
    assert.equal(server.process.exitCode, null);
  });

  it('frees closed documents: memory does not grow over rounds of open/close', async () => {
    const text = readSeed('000');
    const round = async (r: number) => {
      for (let i = 0; i < 60; i++) {
        const uri = fileUri(`mem-${r}-${i}.txt`);
        const opened = server.nextDiagnostics(uri, 1);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
        await opened;
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
    };
    await round(0);
    await round(1);
    const baseline = rss(server.process.pid!);
    for (let r = 2; r < 6; r++) await round(r);
    const grown = rss(server.process.pid!) - baseline;
    assert.ok(grown < 40 * 1024 * 1024, `RSS grew by ${(grown / 1048576).toFixed(1)} MB over 240 open/close`);
  });
});
