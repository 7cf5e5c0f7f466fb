// The CLI reads .docx, .html and .pdf directly (folders include them): findings name their place in
// the original, bad documents get one message each and never stop the others.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { docxFromText, hasCjkFont, htmlFromText, pdfFromText } from '../helpers/documents';
import { readSeed, REPO_ROOT, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

describe('jiaohe check on Word, web and PDF reports', { skip: NEEDS_SEEDS }, () => {
  const dir = tempDir('jiaohe-docs-');
  before(async () => {
    const text = readSeed('001');
    writeFileSync(path.join(dir, 'report.docx'), await docxFromText(text));
    writeFileSync(path.join(dir, 'report.html'), htmlFromText(text));
    if (hasCjkFont()) writeFileSync(path.join(dir, 'report.pdf'), await pdfFromText(text));
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    writeFileSync(path.join(dir, 'notice.html'), '<html><body><nav>首页</nav><p>关于开展植树活动的通知</p></body></html>');
  });

  it('finds them in folders, says where each finding stands in the original, and reports bad files once', () => {
    const r = run('check', dir);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /broken\.docx: not a \.docx file/);
    assert.match(r.stderr, /notice\.html: no annual report found/);
    const lines = r.stdout.trim().split('\n');
    const docx = lines.filter((l) => l.includes('report.docx:'));
    assert.ok(docx.length > 0);
    assert.ok(docx.some((l) => /\[table \d+, row \d+, cell \d+\]$/.test(l)), docx[0]);
    assert.ok(lines.some((l) => l.includes('report.html:') && /\[table \d+, row \d+, cell \d+ \(.+\)\]$/.test(l)));
    if (hasCjkFont()) assert.ok(lines.some((l) => l.includes('report.pdf:') && /\[page \d+, line \d+\]$/.test(l)));
    // The same report in every form: the same rules fire on each.
    const rules = (file: string) => lines.filter((l) => l.includes(`${file}:`)).map((l) => l.split(' ')[2]).filter((rule) => rule !== 'content-duplicate').sort();
    assert.deepEqual(rules('report.html'), rules('report.docx'));
    if (hasCjkFont()) assert.deepEqual(rules('report.pdf'), rules('report.docx'));
  });

  it('adds "source" to the JSON of extracted documents only, and prints places in Chinese with --lang zh', () => {
    const json = JSON.parse(run('check', path.join(dir, 'report.docx'), '--format', 'json').stdout);
    assert.ok(json[0].diagnostics.some((d: { source?: string }) => /^table \d+, row/.test(d.source ?? '')));
    const zh = run('check', path.join(dir, 'report.docx'), '--lang', 'zh');
    assert.match(zh.stdout, /\[表格[一二三四五六七八九十]+ 第\d+行 第\d+列\]/);
  });

  it('inspect reads a .docx into the same sections and tables', () => {
    const r = run('inspect', path.join(dir, 'report.docx'));
    assert.equal(r.status, 0, r.stderr);
    const model = JSON.parse(r.stdout);
    assert.deepEqual(model.sections.map((s: { number: number }) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(model.tables.map((t: { kind: string }) => t.kind), ['active', 'applications', 'appeals']);
  });

  it('--fix never rewrites an extracted document', () => {
    const r = run('check', path.join(dir, 'report.docx'), '--fix');
    assert.doesNotMatch(r.stderr, /fixed \d+ problem/);
  });
});
