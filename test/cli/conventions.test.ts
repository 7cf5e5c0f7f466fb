// CLI conventions users bring from markdownlint-cli2 and ESLint: --help and --version on stdout
// with exit 0, bare --ignore patterns at any depth, "no report files found" (exit 2), files that
// are not reports said to be skipped, and a summary counted and worded right in both languages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
const FIXTURE = path.join(REPO_ROOT, 'test', 'corpus', 'fixtures', 'dongchuan-2023-prose-scope.txt');

function folder(): string {
  const dir = tempDir('jiaohe-cli-');
  mkdirSync(path.join(dir, 'sub'));
  copyFileSync(FIXTURE, path.join(dir, 'sub', 'report.txt'));
  copyFileSync(FIXTURE, path.join(dir, 'sub', 'copy.md'));
  writeFileSync(path.join(dir, 'SOURCE.md'), '# 某市人民政府2024年政府信息公开工作年度报告\n- year: 2024\n');
  return dir;
}

describe('CLI conventions', () => {
  it('--help, -h and check --help print the usage on stdout and exit 0; --version prints the version', () => {
    for (const args of [['--help'], ['-h'], ['check', '--help']]) {
      const r = run(REPO_ROOT, ...args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^usage:/);
    }
    const v = run(REPO_ROOT, '--version');
    assert.equal(v.status, 0);
    assert.match(v.stdout.trim(), /^\d+\.\d+\.\d+$/);
    assert.equal(run(REPO_ROOT).status, 2);
  });
  it('a bare --ignore pattern matches at any depth, one with a slash from the working folder', () => {
    const dir = folder();
    const json = (...args: string[]) => (JSON.parse(run(dir, 'check', '.', '--format', 'json', ...args).stdout) as Array<{ file: string }>).map((o) => o.file.replace(/\\\\/g, '/')).sort();
    assert.deepEqual(json('--ignore', '*.md'), ['sub/report.txt']);
    assert.deepEqual(json('--ignore', 'sub/*.txt'), ['SOURCE.md', 'sub/copy.md']);
  });
  it('says which files are not reports, and says so in JSON', () => {
    const dir = folder();
    const r = run(dir, 'check', '.', '--format', 'json', '--no-progress');
    const out = JSON.parse(r.stdout) as Array<{ file: string; skipped?: string; diagnostics: unknown[] }>;
    assert.equal(out.find((o) => o.file === 'SOURCE.md')?.skipped, 'not a report');
    assert.match(r.stderr, /SOURCE\.md: not an annual report .*skipped/);
    assert.match(r.stderr, /^3 files, 2 errors, 2 warnings, 1 not a report \(skipped\) in \d+\.\d+ s$/m);
  });
  it('an empty folder: "no report files found", exit 2; the summary in Chinese under --lang zh', () => {
    const empty = tempDir('jiaohe-empty-');
    const r = run(empty, 'check', '.');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no report files found/);
    const one = run(path.dirname(FIXTURE), 'check', path.basename(FIXTURE), '--lang', 'zh');
    assert.match(one.stderr, /^1 个文件，1 个错误，0 个警告，用时 \d+\.\d+ 秒$/m);
  });
  it('a file that cannot be read is in every output: JSON with its error, SARIF as a notification of an unsuccessful run', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    const j = run(dir, 'check', '.', '--format', 'json', '--no-progress');
    assert.equal(j.status, 2);
    const out = JSON.parse(j.stdout) as Array<{ file: string; error?: string }>;
    assert.match(out.find((o) => o.file === 'broken.docx')?.error ?? '', /./);
    const r = run(dir, 'check', '.', '--format', 'sarif', '--no-progress');
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }> };
    const invocation = sarif.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.ok(invocation.toolExecutionNotifications.some((n) => n.locations[0].physicalLocation.artifactLocation.uri.endsWith('/broken.docx')));
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
  });
});
