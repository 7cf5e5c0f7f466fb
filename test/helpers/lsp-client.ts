// A real LSP client over stdio (or IPC, as VS Code) against dist/server.js, for tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { serverEnvironment } from '../../client/src/server-process';
import { REPO_ROOT } from './seeds';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** What the server said it can do (initialize's answer). */
  capabilities: Record<string, unknown>;
  /** How many times diagnostics were pushed for each uri. */
  pushes: Map<string, number>;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the first diagnostics for `uri` (from now on) that satisfy `accept`. */
  diagnosticsWhere(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export function fileUri(name: string): string {
  return pathToFileURL(path.join(REPO_ROOT, 'virtual', name)).toString();
}

/** `nodeArgs`: flags for the server's node (a benchmark's --cpu-prof, say). */
export async function startServer(
  initializationOptions: Record<string, unknown> = {},
  nodeArgs: string[] = [],
  /** More of the client's textDocument capabilities (codeAction resolveSupport, say). */
  textDocumentCapabilities: Record<string, unknown> = {},
  /** More of the client's workspace capabilities (diagnostics refreshSupport, say). */
  workspaceCapabilities: Record<string, unknown> = {},
  /** `ipc`: over Node's IPC channel, as VS Code starts the server (TransportKind.ipc), not stdio. */
  transport: 'stdio' | 'ipc' = 'stdio',
): Promise<TestServer> {
  const ipc = transport === 'ipc';
  // (The environment the extension gives the server: client/src/server-process.ts.)
  const child = spawn(process.execPath, [...nodeArgs, path.join(REPO_ROOT, 'dist', 'server.js'), ipc ? '--node-ipc' : '--stdio'], {
    stdio: ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...serverEnvironment(process.env) },
  });
  const connection = ipc
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const pushes = new Map<string, number>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    pushes.set(p.uri, (pushes.get(p.uri) ?? 0) + 1);
    const i = waiting.findIndex((w) => w.uri === p.uri && w.accept(p));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(p);
  });
  const wait = (uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number, what: string) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} ${what} within ${timeoutMs} ms`)), timeoutMs);
      waiting.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('workspace/configuration', () => [null]);
  connection.listen();
  const { capabilities } = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, ...workspaceCapabilities }, textDocument: { publishDiagnostics: { relatedInformation: true }, ...textDocumentCapabilities } },
    initializationOptions: { debounceMs: 0, ...initializationOptions },
    locale: 'en',
  })) as { capabilities: Record<string, unknown> };
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    capabilities,
    pushes,
    nextDiagnostics(uri, version, timeoutMs = 10_000) {
      return wait(uri, (p) => version === undefined || p.version === version, timeoutMs, `v${version}`);
    },
    diagnosticsWhere(uri, accept, timeoutMs = 10_000) {
      return wait(uri, accept, timeoutMs, 'matching');
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      // Let it exit on its own (a --cpu-prof profile is written then); kill it if it lingers.
      if (child.exitCode === null) await new Promise((resolve) => {
        const timer = setTimeout(resolve, 2000);
        child.once('exit', () => (clearTimeout(timer), resolve(undefined)));
      });
      connection.dispose();
      child.kill();
    },
  };
}
