// The main thread's side of the analysis worker: requests with ids, a worker that is started on
// first use and again after a crash (its requests fail; the server logs and carries on).
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ServerSettings } from './settings';
import type { ActionRequest } from './code-actions';

/**
 * Documents longer than this are analysed on the worker. A typical report is 10–50 K characters
 * and takes 2–10 ms; at 100 K an analysis nears the ~100 ms the editor may wait on one document.
 */
export const LARGE_DOCUMENT_CHARS = 100_000;

export type WorkerRequest =
  /**
   * `holding`: the version whose diagnostics the main thread holds (the answer may then be "the
   * same"); `places`: the document was imported, so each finding's start offset is wanted too.
   */
  | { op: 'analyse'; uri: string; version: number; text: string; wholeLength: number; file?: string; settings: ServerSettings; locale?: string; holding?: number; places: boolean }
  | { op: 'hover'; uri: string; version: number; offset: number; lang: 'zh' | 'en' }
  | { op: 'symbols'; uri: string; version: number }
  | { op: 'folding'; uri: string; version: number }
  | { op: 'inlay'; uri: string; version: number; range: { start: number; end: number }; mode: string }
  | { op: 'summary'; uri: string; lang: 'zh' | 'en' }
  | { op: 'codeActions'; request: ActionRequest }
  | { op: 'fixAll'; uri: string; version: number }
  | { op: 'forget'; uri: string }
  | { op: 'forgetFiles' };

/**
 * The worker's young generation (V8 splits it into two semi-spaces and a large-object space: 96 MB
 * is 32 MB semi-spaces, twice the default). A large document's model is built in one go and lives
 * on, so the young collections of a default-sized space copied most of it on every keystroke:
 * analysing a 1 MB report took p50 23.4 → 18.5 ms in-process (alternated runs), keystrokes over LSP
 * p50 58 → 51 ms, and the RSS with a 10 MB report open stayed 158–166 MB against 158–159.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * A worker with nothing to do for this long is stopped: a large document left open without edits
 * then holds no second heap, no model and no second copy of its analysed text (a 10 MB document
 * open: 82–95 → 64–72 MB RSS). The next request about it starts a worker and analyses it again —
 * the server forgets what the stopped one held — once: ~0.4 s for the first hover or keystroke
 * after the pause where a warm worker takes 2–40 ms. Half a minute without a keystroke, hover,
 * scroll or fold in such a document is a user gone elsewhere, not one typing.
 */
export const WORKER_IDLE_MS = 30_000;

export class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  /** The running worker's requests (each worker has its own: a stopped one's exit fails none of the next one's). */
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: (message: string) => void,
    /** Called when the worker was stopped for idleness, or died: what it held is gone. */
    private readonly onStopped: () => void = () => undefined,
    /** (Tests set a shorter one through the server's initialization options.) */
    public idleMs = WORKER_IDLE_MS,
    /** The worker's script (tests give one of their own). */
    private readonly script = path.join(__dirname, 'analysis-worker.js'),
  ) {}

  private start(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const pending = (this.pending = new Map());
    worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) waiting?.reject(new Error(m.error));
      else waiting?.resolve(m.result);
      if (this.worker === worker && pending.size === 0) this.idleLater();
    });
    const fail = (why: string) => {
      // A worker stopped for idleness exits as asked: not a failure, and nothing was waiting on it.
      if (this.worker !== worker && pending.size === 0) return;
      this.log(`jiaohe: analysis worker ${why}`);
      for (const p of pending.values()) p.reject(new Error(`analysis worker ${why}`));
      pending.clear();
      if (this.worker === worker) this.dropWorker();
    };
    worker.on('error', (e) => fail(`failed: ${e.stack ?? e}`));
    worker.on('exit', (code) => fail(`exited (${code})`));
    worker.unref();
    return worker;
  }

  private idleLater(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stopIfIdle(), this.idleMs);
    this.idle.unref();
  }

  private stopIfIdle(): void {
    const worker = this.worker;
    if (!worker || this.pending.size > 0) return;
    this.dropWorker();
    void worker.terminate();
  }

  /** The worker stopped or died: what it held is gone, and the next request starts another. */
  private dropWorker(): void {
    this.worker = undefined;
    this.onStopped();
  }

  request<T>(message: WorkerRequest): Promise<T> {
    clearTimeout(this.idle);
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker!.postMessage({ ...message, id });
    });
  }

  /** Only if it runs: nothing to forget otherwise. */
  tell(message: WorkerRequest): void {
    if (this.worker) void this.request(message).catch(() => undefined);
  }
}
