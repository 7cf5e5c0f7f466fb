// Hostile and pathological input through the CLI: every generated adversarial file (small sizes,
// with the size budgets scaled down as much) is refused with the limit it reached, or checked up
// to the analysis budget, and the batch goes on. `npm run hostile` runs them at full size and
// prints time and memory. And --fix, which must never lose an edit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { writeReport } from '../../server/src/cli/files';
import { FIXTURES } from '../helpers/fixtures';
import { hostileInputs } from '../helpers/hostile';
import { REPO_ROOT } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const SCALE = '0.01';
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, timeout: 120_000 });

interface Entry {
  file: string;
  error?: string;
  diagnostics?: Array<{ rule: string; line: number }>;
}

describe('hostile input', () => {
  it('every adversarial file ends with the limit it reached named, and the rest of the batch is checked', () => {
    const dir = tempDir('jiaohe-hostile-');
    const inputs = hostileInputs(Number(SCALE));
    for (const input of inputs) writeFileSync(path.join(dir, input.name), input.make());
    writeFileSync(path.join(dir, 'good.txt'), FIXTURES['title typo']());
    const r = run(['check', dir, '--format', 'json'], { JIAOHE_BUDGET_SCALE: SCALE });
    assert.equal(r.status, 2, r.stderr);
    const out = JSON.parse(r.stdout) as Entry[];
    const entry = (name: string) => out.find((e) => e.file.endsWith(name));
    const expected: Record<string, RegExp> = {
      'many-paragraphs.docx': /over a limit \(XML elements in the document: more than 2,500\)/,
      'lying-zip.docx': /over a limit \(size of a document part once inflated: more than 0\.32 MB\)/,
      'spans.html': /over a limit \(columns in one table: more than 200\)/,
      'deep.html': /over a limit \(nesting depth of elements: more than 256\)/,
      'flate-bomb.pdf': /over a limit \(size of a PDF stream once inflated: more than 0\.48 MB\)/,
      'page-loop.pdf': /over a limit \(pages of the PDF: more than 500\)/,
    };
    for (const [name, said] of Object.entries(expected)) {
      assert.match(entry(name)?.error ?? '(no error)', said, name);
      assert.match(r.stderr, new RegExp(`${name}: over a limit`), 'said on stderr too');
    }
    for (const name of ['long-prose-line.txt', 'many-headings.txt']) {
      const rules = (entry(name)?.diagnostics ?? []).map((d) => d.rule);
      assert.equal(rules.filter((x) => x === 'document-too-large').length, 1, `${name}: ${rules.slice(0, 5)}`);
    }
    assert.deepEqual(entry('good.txt')?.diagnostics?.map((d) => d.rule), ['section-title'], 'the report beside them is checked as usual');
  });

  it('a file larger than the file budget is not read at all', () => {
    const dir = tempDir('jiaohe-hostile-');
    writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(800_000, 0x41));
    const r = run(['check', path.join(dir, 'huge.txt'), '--format', 'json'], { JIAOHE_BUDGET_SCALE: SCALE });
    assert.match((JSON.parse(r.stdout) as Entry[])[0].error ?? '', /over a limit \(file size: more than 0\.64 MB\)/);
  });
});

describe('--fix loses nothing', () => {
  it('writes nothing when the file changed after it was read: the newer edit stays', () => {
    const dir = tempDir('jiaohe-fix-');
    const file = path.join(dir, 'r.txt');
    writeFileSync(file, 'as read');
    const checked = readFileSync(file);
    writeFileSync(file, 'edited meanwhile');
    assert.match(writeReport(file, 'fixed', false, checked) ?? '', /not rewritten: the file changed/);
    assert.equal(readFileSync(file, 'utf8'), 'edited meanwhile');
    assert.deepEqual(readdirSync(dir), ['r.txt'], 'no temporary file left behind');
    assert.equal(writeReport(file, 'fixed', false, readFileSync(file)), undefined);
    assert.equal(readFileSync(file, 'utf8'), 'fixed');
    assert.deepEqual(readdirSync(dir), ['r.txt']);
  });

  it('a file that cannot be written keeps its findings in the output, and says why', () => {
    const dir = tempDir('jiaohe-fix-');
    // A name so long that the temporary file beside it cannot exist (ENAMETOOLONG, even as root).
    const file = path.join(dir, `${'报'.repeat(78)}.txt`);
    writeFileSync(file, FIXTURES['title typo']());
    const r = run(['check', file, '--fix', '--format', 'json']);
    assert.match(r.stderr, /cannot write file \(ENAMETOOLONG\)/);
    assert.deepEqual((JSON.parse(r.stdout) as Entry[])[0].diagnostics?.map((d) => d.rule), ['section-title']);
    assert.equal(readFileSync(file, 'utf8'), FIXTURES['title typo'](), 'untouched');
  });

  it('through a symbolic link, the report is rewritten and the link stays a link', () => {
    const dir = tempDir('jiaohe-fix-');
    writeFileSync(path.join(dir, 'report.txt'), FIXTURES['title typo']());
    symlinkSync(path.join(dir, 'report.txt'), path.join(dir, 'link.txt'));
    const r = run(['check', path.join(dir, 'link.txt'), '--fix']);
    assert.match(r.stderr, /fixed 1 problem/);
    assert.ok(lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
    assert.doesNotMatch(readFileSync(path.join(dir, 'report.txt'), 'utf8'), /行政法复议/);
  });
});

describe('every input accounted for', () => {
  it('a FIFO and a dangling link with report names are named as skipped, in the summary and in JSON', () => {
    const dir = tempDir('jiaohe-odd-');
    writeFileSync(path.join(dir, 'good.txt'), FIXTURES['title typo']());
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const r = run(['check', dir, '--format', 'json']);
    assert.equal(r.status, 2);
    const out = JSON.parse(r.stdout) as Entry[];
    assert.match(out.find((e) => e.file.endsWith('dangling.txt'))?.error ?? '', /skipped: a link to a file that does not exist/);
    if (fifo.status === 0) assert.match(out.find((e) => e.file.endsWith('pipe.txt'))?.error ?? '', /skipped: not a regular file/);
    assert.deepEqual(out.find((e) => e.file.endsWith('good.txt'))?.diagnostics?.map((d) => d.rule), ['section-title']);
    assert.match(r.stderr, new RegExp(`1 file, 0 errors, 1 warning, ${fifo.status === 0 ? 2 : 1} could not be read`));
  });
});
