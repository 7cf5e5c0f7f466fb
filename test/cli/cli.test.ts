// The CLI as a user runs it: exit codes, text and JSON output, inspect, --fix, bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../helpers/fixtures';
import { REPO_ROOT, SEEDS_DIR, seedPath, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

describe('jiaohe check', { skip: NEEDS_SEEDS }, () => {
  it('checks a folder: text lines path:line:col severity rule message, exit 1 on errors', () => {
    const r = run('check', SEEDS_DIR);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.every((l) => /^.+\.txt:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+$/.test(l)), lines[0]);
    assert.match(r.stderr, /5 files, \d+ errors, \d+ warnings/);
  });

  it('prints exactly the documented JSON', () => {
    const r = run('check', seedPath('003'), '--format', 'json');
    const [file] = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(file), ['file', 'format', 'year', 'diagnostics']);
    assert.equal(file.format, '2019');
    assert.equal(file.year, 2020);
    const missing = file.diagnostics.find((d: { rule: string }) => d.rule === 'section-missing');
    assert.deepEqual(Object.keys(missing), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepEqual([missing.severity, missing.line, missing.column], ['error', 103, 11]);
  });

  it('exits 0 without errors, 2 on bad usage or an unreadable file (still checking the others)', () => {
    const dir = tempDir('jiaohe-');
    const clean = path.join(dir, 'clean.txt');
    writeFileSync(clean, '# 会议纪要\n\n没有年报内容。\n');
    assert.equal(run('check', clean).status, 0);
    assert.equal(run('check').status, 2);
    assert.equal(run('check', clean, '--format', 'xml').status, 2);
    assert.equal(run('frobnicate').status, 2);
    const binary = path.join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]));
    const r = run('check', binary, seedPath('003'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /binary file/);
    assert.match(r.stdout, /section-missing/);
    const missing = run('check', path.join(dir, 'nope.txt'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  });

  it('--fix rewrites only files that changed, keeps what it cannot fix, and is idempotent', () => {
    const dir = tempDir('jiaohe-');
    const file = path.join(dir, 'r.txt');
    copyFileSync(seedPath('004'), file);
    const first = run('check', file, '--fix');
    assert.match(first.stderr, /fixed 17 problem/);
    const fixed = readFileSync(file, 'utf8');
    assert.doesNotMatch(fixed, /\t1\t0\t0\t0\t0\t0\t0\t1/);
    assert.match(first.stdout, /format-version/);
    const second = run('check', file, '--fix');
    assert.doesNotMatch(second.stderr, /fixed/);
    assert.equal(readFileSync(file, 'utf8'), fixed);
  });
});

describe('jiaohe check --fix and the file\'s bytes', () => {
  it('keeps a UTF-8 BOM, and adds none where there was none', () => {
    const dir = tempDir('jiaohe-bom-');
    const withBom = path.join(dir, 'bom.txt');
    const without = path.join(dir, 'plain.txt');
    writeFileSync(withBom, '\uFEFF' + FIXTURES['title typo']());
    writeFileSync(without, FIXTURES['title typo']());
    const r = run('check', withBom, without, '--fix');
    assert.match(r.stderr, /fixed 1 problem/);
    const bom = readFileSync(withBom);
    const plain = readFileSync(without);
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.notEqual(plain[0], 0xef);
    // The same fix in both: the bytes after the BOM are the same.
    assert.ok(bom.subarray(3).equals(plain));
    assert.notEqual(plain.toString('utf8'), FIXTURES['title typo']());
  });
});

describe('jiaohe inspect', { skip: NEEDS_SEEDS }, () => {
  it('prints the model: sections with lines, tables with rows and cells (null for blanks)', () => {
    const r = run('inspect', seedPath('001'), '--format', 'json');
    assert.equal(r.status, 0);
    const m = JSON.parse(r.stdout);
    assert.equal(m.format, '2019');
    assert.equal(m.year, 2020);
    assert.deepEqual(m.sections.map((s: { number: number; line: number }) => [s.number, s.line]), [[1, 5], [2, 41], [3, 63], [4, 94], [5, 101], [6, 113]]);
    assert.deepEqual(m.tables.map((t: { kind: string; rows: unknown[] }) => [t.kind, t.rows.length]), [['active', 8], ['applications', 23], ['appeals', 1]]);
    assert.deepEqual(m.tables[1].rows[0].cells, ['18', '0', '0', '0', '0', '0', '18']);
  });
});

describe('jiaohe check - (standard input)', () => {
  const stdinRun = (input: Uint8Array | string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'check', '-', ...args], { input, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

  it('checks what is piped in, named by --stdin-filename (default <stdin>.txt)', () => {
    const plain = stdinRun(FIXTURES['title typo']());
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /^<stdin>\.txt:\d+:\d+ warning section-title /);
    const named = stdinRun(FIXTURES['title typo'](), '--stdin-filename', 'drafts/县政府2021.md', '--format', 'json');
    const out = JSON.parse(named.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string }> }>;
    assert.equal(out[0].file, 'drafts/县政府2021.md');
    assert.deepEqual(out[0].diagnostics.map((d) => d.rule), ['section-title']);
  });

  it('reads a document by the name\'s extension, and refuses --fix and other paths beside it', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const doc = new Document({ sections: [{ children: FIXTURES['title typo']().split('\n').filter((l) => !l.includes('\t')).map((l) => new Paragraph(l)) }] });
    const docx = new Uint8Array(await Packer.toBuffer(doc));
    const r = stdinRun(docx, '--stdin-filename', 'report.docx', '--format', 'json');
    assert.ok((JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ rule: string }> }>)[0].diagnostics.some((d) => d.rule === 'section-title'), r.stdout);
    assert.match(stdinRun('x', '--fix').stderr, /--fix cannot rewrite standard input/);
    assert.equal(stdinRun('x', 'other.txt').status, 2);
    assert.match(run('check', 'a.txt', '--stdin-filename', 'x.txt').stderr, /--stdin-filename goes with '-'/);
  });
});
