// npm run fuzz: the property and LSP robustness tests at fuzzing size. Defaults reach 100 000
// generated documents and over 100 000 edits; override with JIAOHE_FUZZ_RUNS / JIAOHE_FUZZ_EDITS
// and change the seed with JIAOHE_FUZZ_SEED. Prints what ran and how long it took; then runs
// scripts/hostile.ts (every adversarial input at full size, with time and memory).
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  JIAOHE_FUZZ_RUNS: process.env.JIAOHE_FUZZ_RUNS ?? '100000',
  // Three seeds are edited in turn: 3 × 34 000 = 102 000 edits.
  JIAOHE_FUZZ_EDITS: process.env.JIAOHE_FUZZ_EDITS ?? '34000',
  JIAOHE_FUZZ_SEED: process.env.JIAOHE_FUZZ_SEED ?? String(Date.now() % 1_000_000),
  // The linear-time test up to 10 MB of text.
  JIAOHE_SCALING_MAX: process.env.JIAOHE_SCALING_MAX ?? '10000000',
};
const runs = Number(env.JIAOHE_FUZZ_RUNS);
console.log(`fuzz: seed ${env.JIAOHE_FUZZ_SEED}; documents: ${runs} arbitrary + ${Math.round(runs * 0.2)} mutated reports; ` +
  `fix checks on ${Math.round(runs * 0.005) + Math.round(runs * 0.01)} documents; edits over LSP: ${Number(env.JIAOHE_FUZZ_EDITS) * 3}`);
const started = Date.now();
const result = spawnSync(process.execPath, ['--test', '--test-timeout=0', 'out/test/property', 'out/test/lsp/stress.test.js'], { env, stdio: 'inherit' });
// Then every hostile input at full size through the CLI (time and memory per file).
const hostile = spawnSync(process.execPath, ['out/hostile.js'], { env, stdio: 'inherit' });
console.log(`fuzz: finished in ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${result.status}, hostile inputs exit ${hostile.status}`);
process.exit(result.status || hostile.status || 0);
