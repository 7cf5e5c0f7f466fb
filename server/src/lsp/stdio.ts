// The stdio transport, for editors that start the server with --stdio (VS Code talks over IPC).
// A set of diagnostics is written from bytes kept with it, not stringified each time it goes out:
// pushed again unchanged, or answering a pull (the whole set, hundreds of KB for a 1 MB report). A
// set made from the worker's JSON texts is written as those texts, and a set that changes another
// (diagnostic-changes.ts) from that set's bytes and the changed diagnostics' texts.
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message,
  type NotificationMessage,
  type PublishDiagnosticsParams,
  type ResponseMessage,
} from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
const CLOSE_TWO = Buffer.from('}}');

/** A set's JSON bytes ("[d0,d1,…]") and where in them each diagnostic's JSON ends. */
interface Written {
  bytes: Buffer;
  ends: Int32Array;
}

/**
 * Builds a Written from diagnostics' JSON texts and runs of another set's bytes. Texts in a row are
 * encoded together (one buffer for a whole set, not one per diagnostic).
 */
class WrittenBuilder {
  private readonly parts: Buffer[] = [];
  /** Text not yet encoded: the JSON texts since the last copied run, each with its separator. */
  private pending = '[';
  private length = 1;
  private count = 0;
  private readonly ends: Int32Array;

  constructor(items: number) {
    this.ends = new Int32Array(items);
  }

  /** The comma before every diagnostic but the first. */
  private separate(): void {
    if (this.count === 0) return;
    this.pending += ',';
    this.length++;
  }

  text(json: string): void {
    this.separate();
    this.pending += json;
    this.length += Buffer.byteLength(json, 'utf8');
    this.ends[this.count++] = this.length;
  }

  private flush(): void {
    if (this.pending !== '') this.parts.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }

  /** `from`'s diagnostics `first` to `last` - 1, their bytes as they are. */
  copy(from: Written, first: number, last: number): void {
    if (first >= last) return;
    this.separate();
    this.flush();
    const start = first === 0 ? 1 : from.ends[first - 1] + 1;
    const end = from.ends[last - 1];
    const shift = this.length - start;
    this.parts.push(from.bytes.subarray(start, end));
    this.length += end - start;
    for (let i = first; i < last; i++) this.ends[this.count++] = from.ends[i] + shift;
  }

  done(): Written {
    this.pending += ']';
    this.flush();
    return { bytes: this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.length + 1), ends: this.ends };
  }
}

/** Serialised diagnostics, by array: an array once delivered is never changed (server.ts). */
const serialised = new WeakMap<object, Written>();

/** The set's bytes: as recorded, or made now (and kept, for the next time it is written). */
function written(diagnostics: readonly object[]): Written {
  let w = serialised.get(diagnostics);
  if (!w) {
    const b = new WrittenBuilder(diagnostics.length);
    for (const d of diagnostics) b.text(JSON.stringify(d));
    serialised.set(diagnostics, (w = b.done()));
  }
  return w;
}

/** `diagnostics`, parsed from `texts` (the JSON of each): written as those texts. */
export function serialisedAs<T extends readonly object[]>(diagnostics: T, texts: readonly string[]): T {
  const b = new WrittenBuilder(diagnostics.length);
  for (const t of texts) b.text(t);
  serialised.set(diagnostics, b.done());
  return diagnostics;
}

/**
 * `diagnostics`: `before`'s first `head`, then the diagnostics of `texts`, then the last `tail` of
 * `before` or (moved) copies of them. What `before` kept is written from its bytes.
 */
export function serialisedAfter<T extends readonly object[]>(diagnostics: T, before: readonly object[], head: number, texts: readonly string[], tail: number): T {
  const base = serialised.get(before);
  if (!base) return diagnostics;
  const b = new WrittenBuilder(diagnostics.length);
  b.copy(base, 0, head);
  for (const t of texts) b.text(t);
  // The tail's runs of the same objects are copied; a moved diagnostic is written anew.
  const offset = diagnostics.length - before.length;
  let run = before.length - tail;
  for (let i = run; i < before.length; i++) {
    if (diagnostics[i + offset] === before[i]) continue;
    b.copy(base, run, i);
    b.text(JSON.stringify(diagnostics[i + offset]));
    run = i + 1;
  }
  b.copy(base, run, before.length);
  serialised.set(diagnostics, b.done());
  return diagnostics;
}

const sameKeys = (o: object, keys: readonly string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
};

/** The head of a message before the diagnostics it ends with, if it is one that carries a set. */
function diagnosticsMessage(msg: Message): { head: string; diagnostics: readonly object[] } | undefined {
  const note = msg as NotificationMessage;
  if (note.method === PUBLISH) {
    const params = note.params as PublishDiagnosticsParams | undefined;
    if (!params || !Array.isArray(params.diagnostics) || !sameKeys(note, ['jsonrpc', 'method', 'params'])) return undefined;
    if (!sameKeys(params, params.version === undefined ? ['uri', 'diagnostics'] : ['uri', 'version', 'diagnostics'])) return undefined;
    const version = params.version === undefined ? '' : `"version":${JSON.stringify(params.version)},`;
    return { head: `{"jsonrpc":${JSON.stringify(note.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(params.uri)},${version}"diagnostics":`, diagnostics: params.diagnostics };
  }
  // The answer to a pull (textDocument/diagnostic) with the whole set.
  const response = msg as ResponseMessage;
  const report = response.result as { kind?: unknown; resultId?: unknown; items?: unknown } | null | undefined;
  if (!sameKeys(response, ['jsonrpc', 'id', 'result']) || typeof report !== 'object' || report === null || report.kind !== 'full' || !Array.isArray(report.items)) return undefined;
  if (!sameKeys(report, report.resultId === undefined ? ['kind', 'items'] : ['kind', 'resultId', 'items'])) return undefined;
  const resultId = report.resultId === undefined ? '' : `"resultId":${JSON.stringify(report.resultId)},`;
  return { head: `{"jsonrpc":${JSON.stringify(response.jsonrpc)},"id":${JSON.stringify(response.id)},"result":{"kind":"full",${resultId}"items":`, diagnostics: report.items };
}

/** A message as JSON bytes, as vscode-jsonrpc writes it (UTF-8, no indentation). */
export function encodeMessage(msg: Message): Buffer {
  const carrying = diagnosticsMessage(msg);
  if (!carrying) return Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(carrying.head, 'utf8'), written(carrying.diagnostics).bytes, CLOSE_TWO]);
}

/**
 * The connection over stdin/stdout, with the writer above. What the library does when it opens
 * stdio itself is done here too: console output kept off stdout (which carries the protocol), and
 * the process ended when the editor closes stdin.
 */
export function stdioConnection(): Connection {
  const toStderr = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  console.log = console.info = console.debug = console.warn = console.trace = toStderr;
  const writer = new StreamMessageWriter(process.stdout, {
    charset: 'utf-8',
    contentTypeEncoder: {
      name: 'application/json',
      // (Failures as a rejected promise, as the library's encoder gives them: the writer reports them.)
      encode: (msg) => {
        try {
          return Promise.resolve(encodeMessage(msg));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    },
  });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return connection;
}
