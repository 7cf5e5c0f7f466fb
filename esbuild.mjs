// Bundles the extension client, the language server and the CLI into dist/; with --tests, the
// test files into out/test (one bundle each, so node --test runs plain JavaScript).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const e2e = process.argv.includes('--e2e');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // The templates and messages are Chinese: written as UTF-8 (3 bytes a character), not as \uXXXX
  // escapes (6), which made the server and CLI bundles ~13 KB larger each.
  charset: 'utf8',
  logLevel: 'warning',
};

/**
 * PDF.js is an ES module with top-level await: it cannot go into a CommonJS bundle, so its build,
 * worker and character maps are copied to dist/pdfjs and loaded only when a PDF is read.
 */
function copyPdfJs() {
  const from = 'node_modules/pdfjs-dist';
  mkdirSync('dist/pdfjs', { recursive: true });
  // PDF.js requires its optional native canvas package when it loads in Node.js, for rendering,
  // which Jiaohe never does: where node_modules has it (a checkout, an npm install) that cost
  // 34 ms and 28 MB per process. This empty stand-in is found first, as in the packaged extension,
  // which has no node_modules (dom-shim.ts stands in for what PDF.js takes from it).
  const stub = 'dist/pdfjs/node_modules/@napi-rs/canvas';
  mkdirSync(stub, { recursive: true });
  writeFileSync(join(stub, 'package.json'), JSON.stringify({ name: '@napi-rs/canvas', version: '0.0.0-jiaohe', private: true, main: 'index.js' }, null, 2) + '\n');
  writeFileSync(join(stub, 'index.js'), '// Jiaohe never renders PDF pages: nothing of the native canvas is needed (esbuild.mjs).\nmodule.exports = {};\n');
  for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) cpSync(join(from, 'legacy/build', file), join('dist/pdfjs', file));
  cpSync(join(from, 'cmaps'), 'dist/pdfjs/cmaps', { recursive: true });
  cpSync(join(from, 'LICENSE'), 'dist/pdfjs/LICENSE');
}

// The CLI and the server load the import stage from dist/import.js (see server/src/import/load.ts)
// and the Word writer of the reviewer's memo from dist/memo.js, each only when first needed.
const split = { define: { JIAOHE_SPLIT_IMPORT: 'true', JIAOHE_SPLIT_MEMO: 'true' } };

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'e2e' || name === 'fixtures' ? [] : findTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

if (e2e) {
  // The suite and the runner extension run inside VS Code's extension host; the drivers outside.
  const host = { ...common, sourcemap: true, external: ['vscode'] };
  await Promise.all([
    esbuild.build({ ...host, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/e2e/suite.js' }),
    esbuild.build({ ...host, entryPoints: ['test/e2e/runner/extension.ts'], outfile: 'out/e2e/runner/extension.js' }),
    esbuild.build({ ...common, entryPoints: ['test/e2e/web.ts'], outfile: 'out/e2e/web.js', external: ['playwright-core'] }),
    esbuild.build({ ...common, entryPoints: ['test/e2e/desktop.ts'], outfile: 'out/e2e/desktop.js', external: ['@vscode/test-electron'] }),
  ]);
} else if (bench) {
  await esbuild.build({ ...common, entryPoints: ['bench/index.ts'], outfile: 'out/bench/index.js' });
} else if (tests) {
  // playwright-core stays a real package (it locates its own files at run time).
  await esbuild.build({ ...common, entryPoints: findTests('test'), outdir: 'out/test', outbase: 'test', sourcemap: true, external: ['playwright-core'] });
} else {
  copyPdfJs();
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
    esbuild.build({ ...common, ...split, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...common, ...split, entryPoints: ['server/src/lsp/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
    esbuild.build({ ...common, ...split, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
    esbuild.build({ ...common, entryPoints: ['server/src/import/index.ts'], outfile: 'dist/import.js' }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli/output/memo-docx.ts'], outfile: 'dist/memo.js' }),
  ]);
}
