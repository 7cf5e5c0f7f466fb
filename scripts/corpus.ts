// npm run corpus: the corpus table (test/corpus/corpus.ts) — per report and form, what was read and
// which findings are true or false against the hand labels; with --false, each false finding.
import { existsSync } from 'node:fs';
import { formatTable, runCorpus, SHARED_CORPUS } from '../test/corpus/corpus';

async function main(): Promise<void> {
  if (!existsSync(SHARED_CORPUS)) process.stderr.write(`skipped: ${SHARED_CORPUS} is not there; only the project's own corpus is run\n`);
  const results = await runCorpus();
  process.stdout.write(formatTable(results) + '\n');
  if (process.argv.includes('--false')) {
    for (const r of results) {
      for (const f of r.findings) if (f.verdict === 'false') process.stdout.write(`FALSE ${r.report}:${f.line} ${f.rule} ${f.message}\n`);
      for (const l of r.missed) process.stdout.write(`MISSED ${r.report} ${l.rule} ${l.match ?? ''}: ${l.why}\n`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`corpus: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
