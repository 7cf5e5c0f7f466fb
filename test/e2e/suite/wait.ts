// Waiting on the editor's own events (never fixed sleeps): diagnostics of a document that satisfy
// a condition, with a deadline that fails the test with what was last seen.
import * as vscode from 'vscode';

export function diagnosticsWhere(uri: vscode.Uri, ok: (d: readonly vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (ok(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => d.code);
      reject(new Error(`timed out waiting for ${what} on ${uri.fsPath}; diagnostics: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const now = vscode.languages.getDiagnostics(uri);
      if (!ok(now)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(now);
    });
  });
}

/** The rule id of a diagnostic (its code may be { value, target } with a docs link). */
export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** Resolves when `check` holds, re-checking on every change of the editor's state that can matter. */
export function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    let done = false;
    const finish = (error?: Error, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      disposables.forEach((d) => d.dispose());
      if (error) reject(error);
      else resolve(value as T);
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    // State outside any event (the status bar, after the server's notification): look again now and then.
    const poll = setInterval(() => void probe(), 100);
    disposables.push({ dispose: () => clearInterval(poll) });
    const probe = async () => {
      try {
        const value = await check();
        if (value !== undefined && value !== false) finish(undefined, value);
      } catch (error) {
        finish(error as Error);
      }
    };
    disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => void probe()),
      vscode.window.onDidChangeActiveTextEditor(() => void probe()),
      vscode.workspace.onDidChangeTextDocument(() => void probe()),
    );
    void probe();
  });
}
