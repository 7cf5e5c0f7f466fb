// The VS Code client: starts the language server and wires commands. No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'jiaohe' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'jiaohe' },
    ],
    outputChannel: output,
    synchronize: {
      configurationSection: 'jiaohe',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.jiaohe.json'),
    },
    initializationOptions: {
      locale: vscode.env.language,
      settings: vscode.workspace.getConfiguration('jiaohe'),
    },
  };
  return new LanguageClient('jiaohe', '校核 Jiaohe', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('校核 Jiaohe', { log: true });
  context.subscriptions.push(output);
  client = createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('jiaohe.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('jiaohe.restartServer', async () => {
      try {
        if (client) await client.restart();
        else {
          client = createClient(context);
          await client.start();
        }
        output?.appendLine('Server restarted.');
      } catch (error) {
        void vscode.window.showErrorMessage(`校核 Jiaohe: ${String(error)}`);
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`Could not start the language server: ${String(error)}`);
    void vscode.window.showErrorMessage('校核 Jiaohe: 语言服务启动失败 / the language server did not start. See the output channel.');
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
