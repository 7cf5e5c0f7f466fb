// A minimal test runner for the extension host (no mocha): tests register, run in order, and
// report name, outcome, error and time. Both hosts (desktop VS Code, code-server) run the same list.
export interface Outcome {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

const tests: Array<{ name: string; fn: () => Promise<void> }> = [];

export function test(name: string, fn: () => Promise<void>): void {
  tests.push({ name, fn });
}

export async function runAll(log: (line: string) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      outcomes.push({ name: t.name, ok: true, ms: Date.now() - started });
      log(`✔ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      outcomes.push({ name: t.name, ok: false, error: message, ms: Date.now() - started });
      log(`✖ ${t.name}\n${message}`);
    }
  }
  return outcomes;
}
