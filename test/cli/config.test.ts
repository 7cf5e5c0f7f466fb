// .jiaohe.json honoured by the CLI, a broken one reported clearly; the schema and the registry agree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/core';
import { FIXTURES } from '../helpers/fixtures';
import { REPO_ROOT, seedPath, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

describe('.jiaohe.json in the CLI', { skip: NEEDS_SEEDS }, () => {
  it('applies the nearest file above the report: rule severities and ignored findings', () => {
    const dir = tempDir('jiaohe-cfg-');
    mkdirSync(path.join(dir, 'reports'));
    const report = path.join(dir, 'reports', 'r.txt');
    copyFileSync(seedPath('003'), report);
    const before = JSON.parse(run('check', report, '--format', 'json').stdout)[0].diagnostics.map((d: { rule: string }) => d.rule);
    assert.deepEqual(before, ['section-title', 'section-title', 'section-missing']);
    writeFileSync(path.join(dir, '.jiaohe.json'), JSON.stringify({ rules: { 'section-title': 'off', 'section-missing': 'warning' } }));
    const r = run('check', report, '--format', 'json');
    assert.equal(r.status, 0, 'no error left: section-missing is a warning now');
    assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics.map((d: { rule: string; severity: string }) => `${d.rule}/${d.severity}`), ['section-missing/warning']);
  });

  it('reports a broken file once, clearly, and checks with the defaults', () => {
    const dir = tempDir('jiaohe-cfg-');
    copyFileSync(seedPath('003'), path.join(dir, 'a.txt'));
    copyFileSync(seedPath('003'), path.join(dir, 'b.txt'));
    writeFileSync(path.join(dir, '.jiaohe.json'), '{ "rules": { "section-title": "of" }, "colour": 1, ');
    const r = run('check', dir);
    assert.equal((r.stderr.match(/not valid JSON/g) ?? []).length, 1, r.stderr);
    assert.match(r.stdout, /section-title/);
    writeFileSync(path.join(dir, '.jiaohe.json'), JSON.stringify({ rules: { 'section-title': 'of' }, colour: 1 }));
    const r2 = run('check', dir);
    assert.match(r2.stderr, /unknown key "colour"/);
    assert.match(r2.stderr, /rule "section-title": severity must be/);
  });
});

describe('the .jiaohe.json schema', () => {
  it('lists exactly the registered rules', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'jiaohe.schema.json'), 'utf8'));
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), CHECKS.map((c) => c.id).sort());
  });
  it('is contributed for .jiaohe.json, and the settings are contributed with their enums', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.jiaohe.json', url: './schemas/jiaohe.schema.json' }]);
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(props['jiaohe.format'].enum, ['auto', '2019', '2021']);
    assert.deepEqual(props['jiaohe.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(props['jiaohe.inlayHints.totals'].enum, ['mismatch', 'always', 'off']);
    assert.deepEqual(props['jiaohe.rules'].additionalProperties.enum, ['off', 'hint', 'information', 'warning', 'error']);
  });
});

describe('"ignores" in .jiaohe.json', () => {
  it('skips the files its patterns cover, relative to its folder; a bare pattern at any depth', () => {
    const dir = tempDir('jiaohe-ignores-');
    mkdirSync(path.join(dir, 'drafts', 'old'), { recursive: true });
    mkdirSync(path.join(dir, 'final'));
    for (const f of ['final/r.txt', 'drafts/a.txt', 'drafts/old/b.txt', 'final/notes.md']) writeFileSync(path.join(dir, f), FIXTURES['title typo']());
    const files = () => (JSON.parse(run('check', dir, '--format', 'json').stdout) as Array<{ file: string }>).map((o) => path.relative(dir, o.file).split(path.sep).join('/')).sort();
    assert.deepEqual(files(), ['drafts/a.txt', 'drafts/old/b.txt', 'final/notes.md', 'final/r.txt']);
    writeFileSync(path.join(dir, '.jiaohe.json'), JSON.stringify({ ignores: ['drafts/**', '*.md'] }));
    assert.deepEqual(files(), ['final/r.txt']);
    writeFileSync(path.join(dir, '.jiaohe.json'), JSON.stringify({ ignores: 'drafts' }));
    assert.match(run('check', dir).stderr, /"ignores" must be a list of file patterns/);
  });
});
