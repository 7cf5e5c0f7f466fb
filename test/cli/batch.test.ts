// The reviewer's batch: cross-year checks, copied sections, SARIF, globs, --ignore, --max-warnings,
// GB18030 files.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO_ROOT, readSeed, seedPath, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';
import { batchWork, workerCount } from '../../server/src/cli/batch';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
const json = (...args: string[]) => JSON.parse(run(...args, '--format', 'json').stdout) as Array<{ file: string; diagnostics: Array<{ rule: string; line: number; message: string }> }>;
const rulesOf = (out: ReturnType<typeof json>, file: string, rule: string) => out.find((o) => o.file.endsWith(file))!.diagnostics.filter((d) => d.rule === rule);

/** Seed 000 (a 2020 report) retitled as last year's report of seed 004's body. */
function lastYearOf004(carryForward: number): string {
  const row = Array(7).fill(carryForward).join('\t');
  let text = readSeed('000').replace('四方台区人民政府\n\n2020 年政府信息公开工作年度报告', '绥芬河市人民政府2020年政府信息公开工作年度报告');
  text = text.replace(/四、结转下年度继续办理(\t0)+/, `四、结转下年度继续办理\t${row}`);
  return text;
}

describe('cross-year checks in a batch', { skip: NEEDS_SEEDS }, () => {
  it('finds last year\'s report of the same body among the files: agreeing pair, broken pair', () => {
    const dir = tempDir('jiaohe-xy-');
    copyFileSync(seedPath('004'), path.join(dir, '2021.txt'));
    writeFileSync(path.join(dir, '2020.txt'), lastYearOf004(0));
    assert.deepEqual(rulesOf(json('check', dir), '2021.txt', 'figure-cross-year'), []);
    writeFileSync(path.join(dir, '2020.txt'), lastYearOf004(1));
    const found = rulesOf(json('check', dir), '2021.txt', 'figure-cross-year');
    assert.equal(found.length, 7, 'one per column');
    assert.equal(found[0].line, 58);
    assert.match(found[0].message, /is 0, but last year's report \(.*2020\.txt\) carried 1 forward/);
  });
  it('never pairs different bodies (人民政府 is not 人民政府办公室) or non-consecutive years', () => {
    const dir = tempDir('jiaohe-xy-');
    copyFileSync(seedPath('004'), path.join(dir, '2021.txt'));
    writeFileSync(path.join(dir, 'office.txt'), lastYearOf004(1).replace('绥芬河市人民政府2020', '绥芬河市人民政府办公室2020'));
    writeFileSync(path.join(dir, '2019.txt'), lastYearOf004(1).replace('绥芬河市人民政府2020', '绥芬河市人民政府2019'));
    assert.deepEqual(rulesOf(json('check', dir), '2021.txt', 'figure-cross-year'), []);
  });
});

describe('copied sections', { skip: NEEDS_SEEDS }, () => {
  it('finds a lightly edited copy (both ways) and nothing among the other seeds', () => {
    const dir = tempDir('jiaohe-dup-');
    for (const id of SEED_IDS) copyFileSync(seedPath(id), path.join(dir, `seed-${id}.txt`));
    const copy = readSeed('001').replace('偃师市人民政府办公室', '某县人民政府办公室').replace(/偃师市/g, '某县').replace('征集意见4次', '征集意见6次');
    writeFileSync(path.join(dir, 'copy.txt'), copy);
    const out = json('check', dir);
    const copied = rulesOf(out, 'copy.txt', 'content-duplicate');
    assert.deepEqual(copied.map((d) => d.line), [5, 101]);
    assert.match(copied[0].message, /Section 一 \(总体情况\) is \d+% similar to the same section of another report \(.*seed-001\.txt\)/);
    assert.equal(rulesOf(out, 'seed-001.txt', 'content-duplicate').length, 2);
    for (const id of ['000', '002', '003', '004']) assert.deepEqual(rulesOf(out, `seed-${id}.txt`, 'content-duplicate'), [], id);
  });
});

describe('SARIF', { skip: NEEDS_SEEDS }, () => {
  it('is valid against the official SARIF 2.1.0 schema, with rule metadata and the rule docs embedded', () => {
    const r = run('check', path.join(REPO_ROOT, 'examples'), seedPath('000'), '--format', 'sarif');
    interface Sarif {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help: { text: string; markdown: string } }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string }> }>;
    }
    const sarif = JSON.parse(r.stdout) as Sarif;
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's language pattern is not valid with the u flag (a known slip in 2.1.0): no u.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors?.slice(0, 5)));
    const driver = sarif.runs[0].tool.driver;
    // No file: URI of the machine that ran the check; the rule's page itself travels with the SARIF.
    assert.ok(driver.rules.length >= 20 && driver.rules.every((x) => x.helpUri === undefined && x.help.markdown.startsWith(`# \`${x.id}\``)));
    const results = sarif.runs[0].results;
    assert.ok(results.some((x) => x.ruleId === 'figure-breakdown' && x.level === 'error'));
    assert.ok(results.every((x) => driver.rules[x.ruleIndex].id === x.ruleId));
  });
});

describe('batch ergonomics', { skip: NEEDS_SEEDS }, () => {
  it('globs, --ignore, stable order, the summary line and --max-warnings', () => {
    const dir = tempDir('jiaohe-glob-');
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    copyFileSync(seedPath('002'), path.join(dir, 'a', 'b', 'z.txt'));
    copyFileSync(seedPath('003'), path.join(dir, 'a', 'y.md'));
    copyFileSync(seedPath('000'), path.join(dir, 'a', 'skip.txt'));
    const r = run('check', `${dir}/**/*.txt`, '--ignore', '**/skip.txt', '--format', 'json');
    assert.deepEqual(JSON.parse(r.stdout).map((o: { file: string }) => path.basename(o.file)), ['z.txt']);
    assert.match(r.stderr, /^1 file, 0 errors, 2 warnings in \d+\.\d+ s$/m);
    assert.equal(run('check', path.join(dir, 'a', 'b'), '--max-warnings', '2').status, 0);
    const over = run('check', path.join(dir, 'a', 'b'), '--max-warnings', '1');
    assert.equal(over.status, 1);
    assert.match(over.stderr, /more than --max-warnings 1/);
    const folder = run('check', dir, '--format', 'json');
    assert.deepEqual(JSON.parse(folder.stdout).map((o: { file: string }) => path.relative(dir, o.file)), [path.join('a', 'b', 'z.txt'), path.join('a', 'skip.txt'), path.join('a', 'y.md')]);
  });
  it('decodes GB18030/GBK and UTF-16 files and says so; --fix leaves them untouched', () => {
    const dir = tempDir('jiaohe-enc-');
    // "某县人民政府2020年政府信息公开工作年度报告" + "一、总体情况" in GBK.
    const gbk = Buffer.from('c4b3cfd8c8cbc3f1d5feb8ae32303230c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e60a0ad2bba1a2d7dccce5c7e9bff60a', 'hex');
    writeFileSync(path.join(dir, 'gbk.txt'), gbk);
    writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readSeed('003'), 'utf16le')]));
    const r = run('check', dir, '--format', 'json', '--fix');
    assert.match(r.stderr, /gbk\.txt: decoded as GB18030/);
    assert.match(r.stderr, /utf16\.txt: decoded as UTF-16LE/);
    assert.match(r.stderr, /not rewritten: the file is UTF-16LE/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.find((o: { file: string }) => o.file.endsWith('gbk.txt')).year, 2020);
    assert.deepEqual(readFileSync(path.join(dir, 'gbk.txt')), gbk);
  });
});

describe('how many worker threads a batch starts', () => {
  it('none for a short batch or one core, cores − 1 for a long one, one on two cores only from 500 files', () => {
    assert.equal(workerCount(199, 8, undefined), 0);
    assert.equal(workerCount(200, 8, undefined), 7);
    assert.equal(workerCount(200, 32, undefined), 7);
    assert.equal(workerCount(499, 2, undefined), 0);
    assert.equal(workerCount(500, 2, undefined), 1);
    assert.equal(workerCount(5000, 1, undefined), 0);
    // JIAOHE_WORKERS: 1 asks for them whatever the batch, 0 never.
    assert.equal(workerCount(2, 2, '1'), 1);
    assert.equal(workerCount(1, 4, '1'), 0);
    assert.equal(workerCount(5000, 8, '0'), 0);
  });

  it('counts the work, not the files: ten PDFs pay for a worker on two cores, ten text reports do not', () => {
    const files = (n: number, ext: string) => Array.from({ length: n }, (_, i) => `r${i}.${ext}`);
    assert.equal(batchWork(files(10, 'txt')), 10);
    assert.equal(batchWork([...files(3, 'PDF'), ...files(2, 'docx'), ...files(4, 'htm'), 'notes']), 300 + 26 + 20 + 1);
    assert.equal(workerCount(10, 2, undefined, batchWork(files(10, 'pdf'))), 1);
    assert.equal(workerCount(10, 2, undefined, batchWork(files(10, 'md'))), 0);
    assert.equal(workerCount(4, 2, undefined, batchWork(files(4, 'pdf'))), 0);
    // Never more workers than files beside the main thread's, nor any for one file.
    assert.equal(workerCount(3, 8, undefined, batchWork(files(3, 'pdf'))), 2);
    assert.equal(workerCount(1, 8, undefined, batchWork(files(1, 'pdf'))), 0);
  });
});

describe('worker threads', { skip: NEEDS_SEEDS }, () => {
  it('give exactly the output of a single thread, in the same order', () => {
    const dir = tempDir('jiaohe-workers-');
    for (let i = 0; i < 50; i++) copyFileSync(seedPath(SEED_IDS[i % 5]), path.join(dir, `r${String(i).padStart(2, '0')}.txt`));
    // The pool is asked for: for 50 files it is not used by default (it does not pay there).
    const threaded = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, JIAOHE_WORKERS: '1' } });
    const single = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, JIAOHE_WORKERS: '0' } });
    assert.equal(threaded.status, single.status);
    assert.equal(threaded.stdout, single.stdout);
    assert.equal(JSON.parse(threaded.stdout).length, 50);
    // Written a file at a time, in chunks: the same bytes as one JSON.stringify of the whole.
    assert.ok(single.stdout.length > 1 << 17, 'the output spans several chunks');
    assert.equal(single.stdout, JSON.stringify(JSON.parse(single.stdout), null, 2) + '\n');
    const file = path.join(dir, 'out', 'result.json');
    mkdirSync(path.dirname(file));
    spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', '--output', file, '--ignore', 'out/**'], { encoding: 'utf8', env: { ...process.env, JIAOHE_WORKERS: '0' } });
    assert.equal(readFileSync(file, 'utf8'), single.stdout);
    // Ten copies of each seed: every section 一 and 五 is a copy of another file's.
    assert.ok(JSON.parse(threaded.stdout).every((o: { diagnostics: Array<{ rule: string }> }) => o.diagnostics.some((d) => d.rule === 'content-duplicate')));
  });

  it('end quietly when the reader of their output stops early (| head)', async () => {
    const dir = tempDir('jiaohe-pipe-');
    for (let i = 0; i < 40; i++) copyFileSync(seedPath(SEED_IDS[i % 5]), path.join(dir, `r${String(i).padStart(2, '0')}.txt`));
    const child = spawn(process.execPath, [CLI, 'check', dir, '--format', 'json'], { env: { ...process.env, JIAOHE_WORKERS: '0' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
    assert.doesNotMatch(stderr, /internal error/);
  });
});
