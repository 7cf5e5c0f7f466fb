// The main thread's side of the analysis worker (lsp/offload.ts), driven with a worker script of the
// test's own: started on first use, stopped when idle, started again after a stop or a death, and
// each worker's requests answered or failed by that worker alone.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AnalysisWorker, type WorkerRequest } from '../../server/src/lsp/offload';

/** Answers with its thread id; `exit` ends the thread at once, `slow` answers after 200 ms. */
const SCRIPT = `const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.op === 'exit') process.exit(3);
  const answer = () => parentPort.postMessage({ id: m.id, result: threadId });
  if (m.op === 'slow') setTimeout(answer, 200); else answer();
});`;

const ask = (w: AnalysisWorker, op: string) => w.request<number>({ op } as unknown as WorkerRequest);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('analysis worker (main thread side)', () => {
  let dir: string;
  let script: string;
  // The workers are unref'd (they never keep the server alive): the test's own timer keeps the loop.
  let keepAlive: NodeJS.Timeout;
  before(() => {
    keepAlive = setInterval(() => undefined, 1_000);
    dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-offload-'));
    script = path.join(dir, 'worker.js');
    writeFileSync(script, SCRIPT);
  });
  after(() => {
    clearInterval(keepAlive);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a worker idle for idleMs, says so, and starts a new one for the next request', async () => {
    const logged: string[] = [];
    let stopped = 0;
    const w = new AnalysisWorker((m) => logged.push(m), () => stopped++, 100, script);
    const first = await ask(w, 'a');
    assert.equal(await ask(w, 'b'), first, 'one worker while busy');
    await pause(400);
    assert.equal(stopped, 1);
    const next = await ask(w, 'c');
    assert.notEqual(next, first, 'a new worker');
    assert.deepEqual(logged, [], 'a stop for idleness is not logged as a failure');
    await pause(400);
    assert.equal(stopped, 2);
  });

  it('does not stop a worker while a request is under way', async () => {
    let stopped = 0;
    const w = new AnalysisWorker(() => undefined, () => stopped++, 50, script);
    const first = await ask(w, 'a');
    // The slow answer outlasts the idle time counted from the first answer.
    assert.equal(await ask(w, 'slow'), first);
    assert.equal(stopped, 0);
    await pause(300);
    assert.equal(stopped, 1);
  });

  it("fails a dead worker's requests, forgets what it held, and answers the next request from a new one", async () => {
    const logged: string[] = [];
    let stopped = 0;
    const w = new AnalysisWorker((m) => logged.push(m), () => stopped++, 60_000, script);
    const first = await ask(w, 'a');
    await assert.rejects(ask(w, 'exit'), /analysis worker exited \(3\)/);
    assert.equal(stopped, 1);
    assert.equal(logged.length, 1);
    const next = await ask(w, 'b');
    assert.notEqual(next, first);
    await w.request({ op: 'exit' } as unknown as WorkerRequest).catch(() => undefined);
  });
});
