// The .vsix (built by `npm run package`, which `npm test` runs first) holds exactly what ships.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/seeds';
import { zipEntries } from '../helpers/zip';
import { docxFromText, hasCjkFont, CJK_FONT, htmlFromText, pdfFromText } from '../helpers/documents';
import { edit, sk2021 } from '../helpers/findings';
import { tempDir } from '../helpers/temp';

describe('the .vsix', () => {
  const vsix = path.join(REPO_ROOT, 'jiaohe.vsix');
  it('exists (npm run package)', () => assert.ok(existsSync(vsix)));
  it('contains the bundles, grammar, schema, snippets, l10n, icon, rule docs and manifest — and nothing else', () => {
    const names = zipEntries(vsix).map((e) => e.name).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    // PDF.js ships beside the bundles (loaded only when a PDF is read): its build, worker, licence,
    // character maps, and the empty stand-in for its native canvas package (esbuild.mjs).
    const pdfjs = names.filter((n) => n.startsWith('dist/pdfjs/'));
    assert.ok(['pdf.min.mjs', 'pdf.worker.min.mjs', 'LICENSE', 'node_modules/@napi-rs/canvas/index.js'].every((f) => pdfjs.includes(`dist/pdfjs/${f}`)));
    assert.ok(pdfjs.some((n) => n === 'dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap'));
    assert.ok(pdfjs.every((n) => /^dist\/pdfjs\/(pdf\.min\.mjs|pdf\.worker\.min\.mjs|LICENSE|cmaps\/(?:[\w-]+\.bcmap|LICENSE)|node_modules\/@napi-rs\/canvas\/(?:index\.js|package\.json))$/.test(n)), 'only PDF.js files');
    const expected = [
      'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'language-configuration.json', 'readme.md', 'changelog.md', 'LICENSE.txt',
      'dist/client.js', 'dist/server.js', 'dist/analysis-worker.js', 'dist/cli.js', 'dist/import.js', 'dist/memo.js', 'syntaxes/jiaohe.tmLanguage.json', 'schemas/jiaohe.schema.json',
      'snippets/jiaohe.code-snippets', 'l10n/bundle.l10n.zh-cn.json', 'images/icon.png',
      ...CHECKS.map((c) => `docs/rules/${c.id}.md`),
    ];
    assert.deepEqual(names.filter((n) => !n.startsWith('dist/pdfjs/')).sort(), [...expected].sort());
  });
  it('keeps the bundles small: server under 1 MB, the package under 1 MB besides what loads on demand (document readers, the memo writer, the analysis worker), they under 4 MB', () => {
    const entries = zipEntries(vsix);
    const server = entries.find((e) => e.name === 'extension/dist/server.js')!;
    assert.ok(server.size < 1024 * 1024, `server.js ${server.size}`);
    const size = (keep: (name: string) => boolean) => entries.filter((e) => keep(e.name)).reduce((a, e) => a + e.size, 0);
    // The .docx/.html/.pdf readers are loaded only when such a file is opened, the Word writer only for
    // a memo, the server's analysis worker only when a large document is open.
    const onDemand = ['import.js', 'memo.js', 'analysis-worker.js'].map((f) => `extension/dist/${f}`);
    const readers = (name: string) => name.startsWith('extension/dist/pdfjs/') || onDemand.includes(name);
    assert.ok(size((n) => !readers(n)) < 1024 * 1024, `package ${size((n) => !readers(n))}`);
    assert.ok(size(readers) < 4 * 1024 * 1024, `readers ${size(readers)}`);
  });
});

describe('the .vsix, unpacked with nothing beside it', () => {
  it('reads .pdf, .docx and .html reports and finds in each what the text gives', { skip: hasCjkFont() ? false : `skipped: no CJK font at ${CJK_FONT} to make the PDF (apt-get install fonts-droid-fallback)` }, async () => {
    const dir = tempDir('jiaohe-vsix-');
    try {
      // Only what the package ships: no node_modules anywhere above it.
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path.join(REPO_ROOT, 'jiaohe.vsix'))))) {
        if (name.endsWith('/')) continue;
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      }
      const text = edit(sk2021(), '（请填写。）', '全年共收到政府信息公开申请3件。');
      writeFileSync(path.join(dir, 'report.txt'), text);
      writeFileSync(path.join(dir, 'report.pdf'), await pdfFromText(text));
      writeFileSync(path.join(dir, 'report.docx'), await docxFromText(text));
      writeFileSync(path.join(dir, 'report.html'), htmlFromText(text));
      let out = '';
      try {
        out = execFileSync(process.execPath, [path.join(dir, 'extension', 'dist', 'cli.js'), 'check', 'report.txt', 'report.pdf', 'report.docx', 'report.html', '--format', 'json', '--no-progress'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        out = (e as { stdout?: string }).stdout ?? '';
      }
      const results = JSON.parse(out) as Array<{ file: string; diagnostics: Array<{ rule: string }> }>;
      assert.deepEqual(results.map((r) => r.file).sort(), ['report.docx', 'report.html', 'report.pdf', 'report.txt']);
      const rules = (file: string) => results.find((r) => r.file === file)!.diagnostics.map((d) => d.rule).filter((r) => r !== 'content-duplicate').sort();
      assert.ok(rules('report.txt').includes('figure-text-table'), JSON.stringify(results));
      for (const form of ['report.pdf', 'report.docx', 'report.html']) assert.deepEqual(rules(form), rules('report.txt'), form);
      // The memo's Word writer ships too: the memo is written and reads back.
      try {
        execFileSync(process.execPath, [path.join(dir, 'extension', 'dist', 'cli.js'), 'check', 'report.txt', '--format', 'memo', '--output', 'memo.docx', '--lang', 'zh'], { cwd: dir, stdio: 'ignore' });
      } catch {
        // exit 1: the report has errors
      }
      const memo = unzipSync(readFileSync(path.join(dir, 'memo.docx')))['word/document.xml'];
      assert.match(new TextDecoder().decode(memo), /政府信息公开工作年度报告审核意见/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
