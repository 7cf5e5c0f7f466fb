// The stdio transport, for editors that start the server with --stdio (VS Code talks over IPC and
// pulls its diagnostics). Such an editor gets every set of diagnostics pushed, after every edit: a
// set the server pushed before — the same array, as for a large report's keystroke that moved no
// finding — is written from the bytes of its first serialisation, and a set the worker sent as JSON
// text is written as that text: not stringified again (382 KB for a 1 MB report, on every keystroke).
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
} from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
const CLOSE = Buffer.from('}}');

/**
 * Serialised diagnostics, by array: an array once published is never changed (server.ts). Held as
 * the JSON text it was parsed from until it is first written.
 */
const serialised = new WeakMap<object, Buffer | string>();

/** `diagnostics`, parsed from `json`: written as that text when pushed. */
export function serialisedAs<T extends object>(diagnostics: T, json: string): T {
  serialised.set(diagnostics, json);
  return diagnostics;
}

/** A message as JSON bytes, as vscode-jsonrpc writes it (UTF-8, no indentation). */
export function encodeMessage(msg: Message): Buffer {
  const note = msg as NotificationMessage;
  const params = note.method === PUBLISH ? (note.params as PublishDiagnosticsParams | undefined) : undefined;
  if (!params || !Array.isArray(params.diagnostics) || Object.keys(note).length !== 3 || Object.keys(params).some((k) => k !== 'uri' && k !== 'version' && k !== 'diagnostics')) {
    return Buffer.from(JSON.stringify(msg), 'utf8');
  }
  let body = serialised.get(params.diagnostics);
  if (typeof body !== 'object') serialised.set(params.diagnostics, (body = Buffer.from(body ?? JSON.stringify(params.diagnostics), 'utf8')));
  const version = params.version === undefined ? '' : `"version":${JSON.stringify(params.version)},`;
  const head = `{"jsonrpc":${JSON.stringify(note.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(params.uri)},${version}"diagnostics":`;
  return Buffer.concat([Buffer.from(head, 'utf8'), body, CLOSE]);
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
