// Bundles the extension client, the language server and the CLI into dist/; with --tests, the
// test files into out/test (one bundle each, so node --test runs plain JavaScript).
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'e2e' || name === 'fixtures' ? [] : findTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

if (bench) {
  await esbuild.build({ ...common, entryPoints: ['bench/index.ts'], outfile: 'out/bench/index.js' });
} else if (tests) {
  // playwright-core stays a real package (it locates its own files at run time).
  await esbuild.build({ ...common, entryPoints: findTests('test'), outdir: 'out/test', outbase: 'test', sourcemap: true, external: ['playwright-core'] });
} else {
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  ]);
}
