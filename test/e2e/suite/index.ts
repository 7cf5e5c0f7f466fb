// The e2e suite's entry, in the extension host. `run` is what @vscode/test-electron calls
// (extensionTestsPath); the code-server runner extension calls `runToFile`.
import { writeFileSync } from 'node:fs';
import { runAll, type Outcome } from './harness';
import './extension.test';

export async function run(): Promise<void> {
  const outcomes = await runAll((line) => console.log(line));
  const failed = outcomes.filter((o) => !o.ok);
  console.log(`${outcomes.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) throw new Error(`${failed.length} e2e test(s) failed`);
}

/** Runs the suite and writes the outcomes as JSON (the driver outside the browser reads them). */
export async function runToFile(file: string): Promise<Outcome[]> {
  const log: string[] = [];
  let outcomes: Outcome[] = [];
  try {
    outcomes = await runAll((line) => log.push(line));
  } catch (error) {
    outcomes = [{ name: 'suite', ok: false, error: String(error), ms: 0 }];
  }
  writeFileSync(file, JSON.stringify({ outcomes, log }, null, 2));
  return outcomes;
}
