// Every UI string exists in English and Chinese; snippets stay in step with the skeleton.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { snippetFile } from '../../scripts/snippets';
import { REPO_ROOT } from '../helpers/seeds';

const read = (f: string) => readFileSync(path.join(REPO_ROOT, f), 'utf8');

describe('localisation', () => {
  it('every %key% of the manifest is in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    const en = JSON.parse(read('package.nls.json'));
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json: ${k}`);
      assert.ok(zh[k] && /[\u4e00-\u9fff]/.test(zh[k]), `package.nls.zh-cn.json: ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  });
  it('every vscode.l10n.t string of the client has a Chinese translation', () => {
    const sources = readdirSync(path.join(REPO_ROOT, 'client/src')).filter((f) => f.endsWith('.ts')).map((f) => read(`client/src/${f}`));
    const strings = sources.flatMap((source) => [...source.matchAll(/vscode\.l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1]));
    assert.ok(strings.length >= 10);
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
    for (const s of strings) assert.ok(bundle[s] && /[\u4e00-\u9fff]/.test(bundle[s]), `l10n bundle: ${s}`);
    // Placeholders survive translation.
    for (const s of strings) for (const p of s.match(/\{\d\}/g) ?? []) assert.ok(bundle[s].includes(p), `${s}: ${p}`);
  });
});

describe('snippets', () => {
  it('are generated from the current skeleton (run npm run snippets after changing templates)', () => {
    assert.equal(read('snippets/jiaohe.code-snippets'), snippetFile());
  });
});
