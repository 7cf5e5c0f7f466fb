// npm run bench: prints the performance figures issue 8 asks for. Not part of npm test.
// Sections: core analysis, keystroke latency over LSP, other requests, CLI throughput on a folder of
// 1000 different reports (against read+regex, autocorrect-node and markdownlint-cli2), memory, startup. BENCH_QUICK=1 runs smaller sizes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../server/src/core';
import { MAX_ANALYSED_CHARS } from '../server/src/core/limits';
import { fileUri, startServer } from '../test/helpers/lsp-client';
import { randomEdits } from '../test/helpers/random-edits';
import { readSeed, REPO_ROOT, SEED_IDS } from '../test/helpers/seeds';
import { baseReports, variedDocument, writeReportFolder } from './report-folder';
import { workerCount } from '../server/src/cli/batch';
import { WORKER_IDLE_MS } from '../server/src/lsp/offload';

const QUICK = process.env.BENCH_QUICK === '1';
const MB = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
function table(title: string, rows: Array<Array<string | number>>) {
  console.log(`\n## ${title}\n`);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  rows.forEach((r, k) => {
    console.log('| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |');
    if (k === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  });
}

/** Different reports one after another up to 1 MB (made once: two sections read it). */
let variedMbCache: ReturnType<typeof variedDocument> | undefined;
const variedMb = () => (variedMbCache ??= variedDocument(MB, baseReports(REPO_ROOT)));

/** Real report text repeated (with its tables) up to `size` bytes. */
function synthetic(size: number): string {
  const seeds = SEED_IDS.map(readSeed);
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const s = seeds[i % seeds.length];
    parts.push(s);
    total += bytes(s) + 1;
  }
  return parts.join('\n');
}

async function coreAnalysis() {
  const rows: Array<Array<string | number>> = [['input', 'size', 'median', 'per MB']];
  // Warmed up on every seed first: the steady state of an editor session, not the JIT's first calls.
  for (let i = 0; i < 50; i++) for (const id of SEED_IDS) analyze(readSeed(id));
  for (const id of SEED_IDS) {
    const text = readSeed(id);
    const times = Array.from({ length: 100 }, () => time(() => analyze(text)));
    rows.push([`seed ${id}`, `${(bytes(text) / 1024).toFixed(1)} KB`, ms(median(times)), ms(median(times) / (bytes(text) / MB))]);
  }
  {
    const varied = variedMb();
    const times = Array.from({ length: 7 }, () => time(() => analyze(varied.text)));
    rows.push([`varied 1 MB (${varied.reports} different reports)`, `${(bytes(varied.text) / MB).toFixed(2)} MB`, ms(median(times)), ms(median(times) / (bytes(varied.text) / MB))]);
  }
  for (const size of QUICK ? [1] : [1, 10]) {
    const text = synthetic(size * MB);
    const runs = size === 1 ? 7 : 3;
    const times = Array.from({ length: runs }, () => time(() => analyze(text)));
    // Over MAX_ANALYSED_CHARS (1 000 000 characters) the core checks up to the budget and says so.
    const label = text.length > MAX_ANALYSED_CHARS ? `synthetic ${size} MB (checked up to the ${MAX_ANALYSED_CHARS.toLocaleString('en')}-character budget)` : `synthetic ${size} MB`;
    rows.push([label, `${(bytes(text) / MB).toFixed(2)} MB`, ms(median(times)), ms(median(times) / (bytes(text) / MB))]);
  }
  table('1. Core analysis', rows);
}

async function lspLatency() {
  // The client capabilities VS Code has: code actions resolved on demand (fix-all computed when chosen).
  const server = await startServer({ debounceMs: 0 }, [], { codeAction: { resolveSupport: { properties: ['edit'] } } });
  const rows: Array<Array<string | number>> = [['document', 'edits', 'p50', 'p95', 'max']];
  // Two 1 MB documents: the seeds repeated (the figure earlier sections give) and different
  // reports one after another (every report of the folder below is different; some are crawled
  // one-line pages), whose lines the per-line memos have not all seen before.
  const varied = variedMb();
  const inputs: Array<[string, string, number]> = [
    ['seed 000', readSeed('000'), 1000],
    ['synthetic 1 MB', synthetic(MB), QUICK ? 100 : 1000],
    [`varied 1 MB (${varied.reports} different reports)`, varied.text, QUICK ? 100 : 1000],
  ];
  const requests: Array<Array<string | number>> = [['request (1 MB report)', 'p50', 'p95']];
  for (const [name, text, count] of inputs) {
    const uri = fileUri(`bench-${name}.txt`);
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await opened;
    // Single-character edits, as typed.
    const steps = randomEdits(text, count, 5, true);
    const latencies: number[] = [];
    for (const [k, step] of steps.entries()) {
      const version = k + 2;
      const published = server.nextDiagnostics(uri, version);
      const t = process.hrtime.bigint();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [step.change] });
      await published;
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    rows.push([`${name}, pushed`, count, ms(percentile(latencies, 50)), ms(percentile(latencies, 95)), ms(Math.max(...latencies))]);
    if (name.startsWith('synthetic')) {
      const textNow = steps[steps.length - 1]?.text ?? text;
      const lines = textNow.split('\n').length;
      const probe = async (label: string, send: (i: number) => Promise<unknown>) => {
        const ts: number[] = [];
        for (let i = 0; i < 50; i++) {
          const t = process.hrtime.bigint();
          await send(i);
          ts.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        requests.push([label, ms(percentile(ts, 50)), ms(percentile(ts, 95))]);
      };
      const position = (i: number) => ({ line: (i * 977) % lines, character: 2 });
      const all = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
      await probe('documentSymbol', () => server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
      await probe('hover', (i) => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(i) }));
      await probe('codeAction', (i) => server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position(i), end: position(i) }, context: { diagnostics: [] } }));
      await probe('codeAction/resolve of fix-all (on save)', async () => {
        const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: all, context: { diagnostics: [], only: ['source.fixAll.jiaohe'] } })) as unknown[];
        if (actions[0]) await server.connection.sendRequest('codeAction/resolve', actions[0]);
      });
      await probe('inlayHint (whole document)', () => server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: all }));
    }
  }
  await pulledKeystrokes(inputs, rows);
  // A pathological document (one 1 M-character line of prose with figures) opened beside a report:
  // how long a request about the report waits meanwhile (the large one is analysed on the worker).
  const small = fileUri('bench-small.txt');
  const smallOpened = server.nextDiagnostics(small, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: readSeed('000') } });
  await smallOpened;
  const waits: number[] = [];
  // 30 opens: with 10, the p95 was their slowest one, 47–93 ms between runs of one build.
  const opens = QUICK ? 3 : 30;
  for (let i = 0; i < opens; i++) {
    const big = fileUri(`bench-pathological-${i}.txt`);
    const done = server.nextDiagnostics(big, 1, 120_000);
    const t = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text: `一、总体情况 ${2000 + i}年 共 ${i + 12} 件 `.repeat(50_000) } });
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 14, character: 5 } });
    waits.push(Number(process.hrtime.bigint() - t) / 1e6);
    await done;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
  }
  requests.push([`hover on a 20 KB report while a 1 M-character line is analysed (open → answer, ${opens} opens)`, ms(percentile(waits, 50)), ms(percentile(waits, 95))]);
  await server.stop();
  table('2. Keystroke latency over LSP (didChange → the diagnostics: pushed, or the answer to the client\'s pull; debounce 0)', rows);
  table('3. Other requests', requests);
}

/**
 * The same keystrokes as VS Code sends them: a client that can pulls the diagnostics after each
 * change (LSP 3.17 textDocument/diagnostic) with the id of the set it holds, and is answered
 * "unchanged" while the findings stay where they were; over IPC, as VS Code talks to the server.
 * Timed from didChange to the answer.
 */
async function pulledKeystrokes(inputs: Array<[string, string, number]>, rows: Array<Array<string | number>>) {
  // Over IPC, as VS Code starts the server (TransportKind.ipc): the answers are serialised by Node's
  // channel, not written from kept bytes as over stdio.
  const server = await startServer({ debounceMs: 0 }, [], { codeAction: { resolveSupport: { properties: ['edit'] } }, diagnostic: {} }, {}, 'ipc');
  for (const [name, text, count] of inputs) {
    const uri = fileUri(`bench-pulled-${name}.txt`);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    let resultId: string | undefined;
    let unchanged = 0;
    const pull = async () => {
      const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId })) as { kind: string; resultId?: string };
      if (report.kind === 'unchanged') unchanged++;
      resultId = report.resultId;
      return report.kind === 'unchanged';
    };
    await pull();
    unchanged = 0;
    const latencies: number[] = [];
    // Apart as well: the keystrokes answered "unchanged", and those whose whole set went to the client.
    const apart: Record<'same' | 'changed', number[]> = { same: [], changed: [] };
    for (const [k, step] of randomEdits(text, count, 5, true).entries()) {
      const t = process.hrtime.bigint();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [step.change] });
      const same = await pull();
      const latency = Number(process.hrtime.bigint() - t) / 1e6;
      latencies.push(latency);
      apart[same ? 'same' : 'changed'].push(latency);
    }
    rows.push([`${name}, pulled over IPC as VS Code does (${unchanged} of ${count} answered "unchanged")`, count, ms(percentile(latencies, 50)), ms(percentile(latencies, 95)), ms(Math.max(...latencies))]);
    for (const [kind, label] of [['same', 'answered "unchanged"'], ['changed', 'the set changed']] as const) {
      const ts = apart[kind];
      if (ts.length > 0) rows.push([`  of which ${label}`, ts.length, ms(percentile(ts, 50)), ms(percentile(ts, 95)), ms(Math.max(...ts))]);
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await server.stop();
}

interface Run {
  wall: number;
  /** User + system CPU seconds and peak RSS in MB, when /usr/bin/time is there to say them. */
  cpu?: number;
  rssMb?: number;
  status: number | null;
}

const TIME = '/usr/bin/time';

/** One whole process, timed from outside (start-up included, as a reviewer waits for it). */
function runProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const timed = existsSync(TIME);
  const t = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ['-f', 'JIAOHE_TIME %U %S %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * MB, env: { ...process.env, ...env } })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * MB, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const m = /JIAOHE_TIME (\S+) (\S+) (\d+)/.exec(r.stderr ?? '');
  return m ? { wall, cpu: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024, status: r.status } : { wall, status: r.status };
}

/** Reading every file and one regex scan over it: what any checker pays at least (the physical limit here). */
const BASELINE = `const fs=require('fs'),p=require('path');const d=process.argv[1];let n=0;
for(const f of fs.readdirSync(d)){const t=fs.readFileSync(p.join(d,f),'utf8');const re=/\\d+(?:\\.\\d+)?/g;while(re.exec(t))n++;}
console.log(n);`;

function cliThroughput() {
  const root = path.join(tmpdir(), 'jiaohe-bench');
  const count = QUICK ? 200 : 1000;
  const bases = baseReports(REPO_ROOT);
  const folder = writeReportFolder(path.join(root, 'reports'), count, bases);
  const one = writeReportFolder(path.join(root, 'one'), 1, bases);
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const node = process.execPath;
  const bin = (p: string) => path.join(REPO_ROOT, 'node_modules', p);
  // Which of the two the CLI picks by itself for this many files on this machine.
  const pooled = workerCount(count, availableParallelism(), undefined) > 0;
  // The folder in two halves, for two whole processes at once: the most a second core gives this
  // work on this machine, whatever a pool does (no shared heap, queue or results crossing).
  const halves = [path.join(root, 'half-a'), path.join(root, 'half-b')];
  readdirSync(folder.dir).sort().forEach((name, i) => {
    const half = halves[i < count / 2 ? 0 : 1];
    mkdirSync(half, { recursive: true });
    copyFileSync(path.join(folder.dir, name), path.join(half, name));
  });
  const twoProcesses = (a: string, b: string, cwd: string) =>
    // Exits with the worse of the two statuses (a bare `wait` would hide the background one's).
    runProcess('/bin/sh', ['-c', '"$0" "$1" check "$2" --format json & p=$!; "$0" "$1" check "$3" --format json; a=$?; wait $p; b=$?; exit $((a > b ? a : b))', node, cli, a, b], cwd, { JIAOHE_WORKERS: '0' });
  const tools: Array<{ name: string; run: (dir: string) => Run }> = [
    { name: 'read + regex (baseline)', run: (dir) => runProcess(node, ['-e', BASELINE, dir], dir) },
    { name: `jiaohe check, one thread${pooled ? '' : ' (the default here)'}`, run: (dir) => runProcess(node, [cli, 'check', dir, '--format', 'json'], dir, { JIAOHE_WORKERS: '0' }) },
    { name: `jiaohe check, worker pool${pooled ? ' (the default here)' : ''}`, run: (dir) => runProcess(node, [cli, 'check', dir, '--format', 'json'], dir, { JIAOHE_WORKERS: '1' }) },
    { name: 'two jiaohe processes at once, half the folder each (one thread each)', run: (dir) => (dir === folder.dir ? twoProcesses(halves[0], halves[1], dir) : twoProcesses(dir, dir, dir)) },
    // BENCH_BASELINE_CLI=…/dist/cli.js: an earlier build measured in the same run (before/after).
    ...(process.env.BENCH_BASELINE_CLI
      ? [{ name: 'jiaohe check, baseline build, one thread', run: (dir: string) => runProcess(node, [process.env.BENCH_BASELINE_CLI!, 'check', dir, '--format', 'json'], dir, { JIAOHE_WORKERS: '0' }) }]
      : []),
    { name: 'autocorrect --lint, one thread', run: (dir) => runProcess(node, [bin('autocorrect-node/cli.js'), '--lint', '--threads', '1', '.'], dir) },
    { name: 'autocorrect --lint, all cores', run: (dir) => runProcess(node, [bin('autocorrect-node/cli.js'), '--lint', '.'], dir) },
    { name: 'markdownlint-cli2', run: (dir) => runProcess(node, [bin('markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.txt'], dir) },
  ];
  // Rounds alternate the tools, so a busy moment of the machine falls on all of them; medians.
  const rounds = QUICK ? 1 : 3;
  const full = tools.map(() => [] as Run[]);
  const single = tools.map(() => [] as Run[]);
  for (let r = 0; r < rounds; r++) {
    tools.forEach((tool, i) => {
      single[i].push(tool.run(one.dir));
      full[i].push(tool.run(folder.dir));
      // jiaohe exits 0, or 1 for findings: anything else is a failed run, whose time means nothing.
      if (!tool.name.includes('jiaohe')) return;
      for (const run of [single[i][r], full[i][r]]) {
        if (run.status !== 0 && run.status !== 1) throw new Error(`bench: "${tool.name}" failed (exit status ${run.status})`);
      }
    });
  }
  const med = (runs: Run[], key: 'wall' | 'cpu' | 'rssMb') => (runs.every((x) => x[key] !== undefined) ? median(runs.map((x) => x[key]!)) : undefined);
  const mb = folder.bytes / MB;
  const oursWall = med(full[1], 'wall')!;
  const rows: Array<Array<string | number>> = [['tool', 'wall (s)', 'marginal MB/s', 'CPU ms per report', 'cores busy', 'peak RSS', 'time ÷ jiaohe one thread']];
  tools.forEach((tool, i) => {
    const wall = med(full[i], 'wall')!;
    const marginal = mb / Math.max(1e-3, wall - med(single[i], 'wall')!);
    const cpu = med(full[i], 'cpu');
    const rssMb = med(full[i], 'rssMb');
    rows.push([
      tool.name,
      wall.toFixed(2),
      marginal.toFixed(1),
      cpu === undefined ? '—' : ((cpu * 1000) / count).toFixed(2),
      // CPU ÷ wall: above 1 for one thread is V8's own threads (optimising compiler, GC) beside it.
      cpu === undefined ? '—' : (cpu / wall).toFixed(2),
      rssMb === undefined ? '—' : `${rssMb.toFixed(0)} MB`,
      (wall / oursWall).toFixed(2) + '×',
    ]);
  });
  const note = existsSync(TIME) ? '' : ' — CPU and RSS not shown: /usr/bin/time is not installed (apt-get install time)';
  table(`4. A reviewer's folder: ${count} different reports (${mb.toFixed(1)} MB, ${bases.length} real reports varied), ${rounds} alternated rounds, medians${note}`, rows);
  console.log(`\nmarginal = the folder's MB ÷ (its time − the time for one report): start-up taken out.`);
  console.log(`cores busy = CPU ÷ wall. One thread's run above 1 is V8 compiling and collecting on threads of its own: on two cores a second thread can add at most 2 ÷ that.`);
  console.log(`two processes at once: their CPU together; peak RSS is the larger one's.`);
  pdfThroughput(path.join(root, 'pdfs'), cli);
  rmSync(root, { recursive: true, force: true });
}

/**
 * PDFs as reviewers get them: the seeds as rendered to PDF and a city's report as published
 * (../shared/corpus), each file different. Most of their time is PDF.js reading the pages.
 */
function pdfThroughput(dir: string, cli: string) {
  const corpus = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
  const sources = ['rendered', 'real/huaian-2024']
    .map((d) => path.join(corpus, d))
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => path.join(d, f)));
  if (sources.length < 2) {
    console.log('\n(PDFs: skipped: ../shared/corpus/rendered and real are not beside the checkout)');
    return;
  }
  mkdirSync(path.join(dir, 'all'), { recursive: true });
  mkdirSync(path.join(dir, 'one'), { recursive: true });
  sources.forEach((f, i) => copyFileSync(f, path.join(dir, 'all', `${i}-${path.basename(f)}`)));
  copyFileSync(sources[0], path.join(dir, 'one', path.basename(sources[0])));
  const builds = [['jiaohe check', cli], ...(process.env.BENCH_BASELINE_CLI ? [['jiaohe check, baseline build', process.env.BENCH_BASELINE_CLI]] : [])];
  const rounds = QUICK ? 1 : 3;
  const runs = builds.map(() => ({ all: [] as Run[], one: [] as Run[] }));
  for (let r = 0; r < rounds; r++) {
    builds.forEach(([, js], i) => {
      runs[i].one.push(runProcess(process.execPath, [js, 'check', path.join(dir, 'one'), '--format', 'json'], dir));
      runs[i].all.push(runProcess(process.execPath, [js, 'check', path.join(dir, 'all'), '--format', 'json'], dir));
    });
  }
  const rows: Array<Array<string | number>> = [['build', 'wall (s)', 'ms per further PDF', 'peak RSS']];
  builds.forEach(([name], i) => {
    const wall = median(runs[i].all.map((x) => x.wall));
    const first = median(runs[i].one.map((x) => x.wall));
    const rssMb = runs[i].all.every((x) => x.rssMb !== undefined) ? median(runs[i].all.map((x) => x.rssMb!)) : undefined;
    rows.push([name, wall.toFixed(2), (((wall - first) * 1000) / (sources.length - 1)).toFixed(0), rssMb === undefined ? '—' : `${rssMb.toFixed(0)} MB`]);
  });
  table(`4b. PDFs: ${sources.length} different reports as PDF (the seeds rendered, a city's as published), ${rounds} alternated rounds, medians`, rows);
}

function rss(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/**
 * The server's RSS just after a large document's diagnostics arrive; once V8 has given back what
 * the analysis grew (its memory reducer works in steps, 8–15 s apart after the last allocation: a
 * document of different reports 169 MB, then 109 MB at 15 s, 88 MB at 23 s); and once the idle
 * analysis worker has been stopped (WORKER_IDLE_MS after its last answer).
 */
async function openLarge(server: Awaited<ReturnType<typeof startServer>>, name: string, text: string, settle: number, stopped: number) {
  const pid = server.process.pid!;
  const uri = fileUri(name);
  const opened = server.nextDiagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await opened;
  const answered = Date.now();
  const afterOpen = rss(pid);
  const at = async (ms: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, answered + ms - Date.now())));
    return rss(pid);
  };
  const settled = await at(settle);
  return { afterOpen, settled, workerStopped: await at(stopped) };
}

async function memory() {
  const size = QUICK ? 2 * MB : 10 * MB;
  // Read before the worker is stopped (QUICK: a worker stopped after 3 s instead, read 2 s after).
  const settle = QUICK ? 2_500 : WORKER_IDLE_MS - 2_000;
  const stopped = QUICK ? 5_000 : WORKER_IDLE_MS + 10_000;
  const options = { debounceMs: 0, ...(QUICK && { workerIdleMs: 3_000 }) };
  // A document of different reports first, in a server of its own: its lines are not the same few
  // repeated, so the line memos and the findings are a real document's.
  const own = await startServer(options);
  const varied = await openLarge(own, 'bench-mem-varied.txt', variedDocument(size, baseReports(REPO_ROOT)).text, settle, stopped);
  await own.stop();
  const server = await startServer(options);
  const pid = server.process.pid!;
  const idle = rss(pid);
  const seeds = await openLarge(server, 'bench-mem.txt', synthetic(size), settle, stopped);
  // 10 000 edits on a typical report (the 10 MB one would take minutes per thousand edits).
  const small = fileUri('bench-mem-small.txt');
  const seed = readSeed('000');
  const o2 = server.nextDiagnostics(small, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: seed } });
  await o2;
  const edits = randomEdits(seed, QUICK ? 2000 : 10_000, 9);
  let midway = 0;
  for (const [k, step] of edits.entries()) {
    const done = server.nextDiagnostics(small, k + 2);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: small, version: k + 2 }, contentChanges: [step.change] });
    await done;
    if (k === Math.floor(edits.length / 2)) midway = rss(pid);
  }
  const afterEdits = rss(pid);
  await server.stop();
  table('5. Memory (server RSS)', [
    ['moment', 'RSS'],
    ['idle', `${idle.toFixed(0)} MB`],
    [`after opening the ${QUICK ? 2 : 10} MB report (the seeds repeated; its diagnostics just received)`, `${seeds.afterOpen.toFixed(0)} MB`],
    [`the same, ${settle / 1000} s later (nothing done meanwhile; the analysis worker still running)`, `${seeds.settled.toFixed(0)} MB`],
    [`the same, ${stopped / 1000} s later (the idle worker stopped)`, `${seeds.workerStopped.toFixed(0)} MB`],
    [`a ${QUICK ? 2 : 10} MB document of different reports instead, just opened (a server of its own)`, `${varied.afterOpen.toFixed(0)} MB`],
    [`the same, ${settle / 1000} s later`, `${varied.settled.toFixed(0)} MB`],
    [`the same, ${stopped / 1000} s later (the idle worker stopped)`, `${varied.workerStopped.toFixed(0)} MB`],
    [`after ${edits.length / 2} edits`, `${midway.toFixed(0)} MB`],
    [`after ${edits.length} edits`, `${afterEdits.toFixed(0)} MB`],
  ]);
}

async function startup() {
  const sizes = ['client.js', 'server.js', 'cli.js'].map((f) => [f, `${(statSync(path.join(REPO_ROOT, 'dist', f)).size / 1024).toFixed(0)} KB`]);
  const times: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const server = await startServer({ debounceMs: 0 });
    const uri = fileUri('bench-start.txt');
    const d = server.nextDiagnostics(uri, 1);
    const opened = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readSeed('000') } });
    await d;
    const now = process.hrtime.bigint();
    times.push(Number(now - t) / 1e6);
    opens.push(Number(now - opened) / 1e6);
    await server.stop();
  }
  table('6. Startup', [
    ['measure', 'value'],
    ...sizes.map(([f, s]) => [`bundle ${f} (as shipped: minified)`, s]),
    ['server start → first diagnostics (median of 5)', ms(median(times))],
    ['of which didOpen of the 20 KB seed → its diagnostics, cold server (median of 5)', ms(median(opens))],
  ]);
}

async function main() {
  console.log(`# Jiaohe benchmarks — node ${process.version}, ${new Date().toISOString()}${QUICK ? ' (quick)' : ''}`);
  const only = process.argv[2];
  if (!only || only === 'core') await coreAnalysis();
  if (!only || only === 'lsp') await lspLatency();
  if (!only || only === 'cli') cliThroughput();
  if (!only || only === 'memory') await memory();
  if (!only || only === 'startup') await startup();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
