// How a document's diagnostics reach the editor. A client that can pull them (LSP 3.17
// textDocument/diagnostic, as VS Code does) asks after each change and is answered "unchanged"
// when the set is the one it holds — most keystrokes in a large report move no finding, and
// the whole set (hundreds of KB for a 1 MB report) then neither crosses the pipe nor is converted
// and redrawn by the editor. Other clients get every set pushed (textDocument/publishDiagnostics).
import type { Diagnostic, DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { sameDiagnostics } from './convert';

interface Held {
  version: number;
  diagnostics: Diagnostic[];
  /** Names this set: a new id whenever the set differs from the one before. */
  resultId: string;
}

export class DiagnosticDelivery {
  /** Set once the client said it pulls (initialize). */
  pull = false;
  private readonly held = new Map<string, Held>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private nextId = 1;
  /** Ids of this server process: a client still holding one from before a restart never hears "unchanged". */
  private readonly epoch = `${process.pid.toString(36)}.${Date.now().toString(36)}`;

  constructor(private readonly push: (params: PublishDiagnosticsParams) => void) {}

  /**
   * The diagnostics of `version`. `changed`: the caller knows whether they differ from the set
   * delivered last (false: they are it); undefined: compared here.
   */
  deliver(uri: string, version: number, diagnostics: Diagnostic[], changed?: boolean): void {
    if (!this.pull) {
      this.push({ uri, version, diagnostics });
      return;
    }
    const before = this.held.get(uri);
    const same = before !== undefined && (changed === false || (changed === undefined && sameDiagnostics(before.diagnostics, diagnostics)));
    this.held.set(uri, { version, diagnostics: same ? before.diagnostics : diagnostics, resultId: same ? before.resultId : `${this.epoch}.${this.nextId++}` });
    this.settle(uri);
  }

  /** The version whose diagnostics are held (pull mode), if any. */
  heldVersion(uri: string): number | undefined {
    return this.held.get(uri)?.version;
  }

  /** Resolves at the next delivery for `uri` (or when it is forgotten). */
  next(uri: string): Promise<void> {
    return new Promise((resolve) => {
      let list = this.waiting.get(uri);
      if (!list) this.waiting.set(uri, (list = []));
      list.push(resolve);
    });
  }

  /** The answer to a pull: "unchanged" when the client already holds this set. */
  report(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const held = this.held.get(uri);
    if (!held) return { kind: 'full', items: [] };
    if (previousResultId === held.resultId) return { kind: 'unchanged', resultId: held.resultId };
    return { kind: 'full', resultId: held.resultId, items: held.diagnostics };
  }

  /** The document closed: nothing held, and whoever waits is answered with what there is. */
  forget(uri: string): void {
    this.held.delete(uri);
    this.settle(uri);
  }

  /** An analysis of `uri` ended without diagnostics (it failed): whoever waits looks again. */
  settle(uri: string): void {
    const waiters = this.waiting.get(uri);
    this.waiting.delete(uri);
    for (const wake of waiters ?? []) wake();
  }
}
