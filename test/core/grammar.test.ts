// The TextMate grammar, run by the real engine (vscode-textmate + Oniguruma, as VS Code does) over
// the seeds: headings, sub-headings, captions, 文号, periods, dates and figures get their scopes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { readSeed, REPO_ROOT, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(path.join(REPO_ROOT, 'syntaxes', 'jiaohe.tmLanguage.json'), 'utf8'), 'jiaohe.tmLanguage.json'),
  });
  grammar = (await registry.loadGrammar('text.jiaohe'))!;
});

/** Every token of the text with its scopes (outermost first). */
function tokens(text: string): Array<{ text: string; scopes: string[] }> {
  const out: Array<{ text: string; scopes: string[] }> = [];
  let state = textmate.INITIAL;
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

const scoped = (text: string, scope: string) => tokens(text).filter((t) => t.scopes.some((s) => s.startsWith(scope))).map((t) => t.text);

describe('TextMate grammar', { skip: NEEDS_SEEDS }, () => {
  it('marks the section headings of every seed (and not the table row 四、结转下年度继续办理)', () => {
    for (const id of SEED_IDS) {
      const headings = scoped(readSeed(id), 'markup.heading.section');
      assert.equal(headings.length, id === '003' ? 5 : 6, `${id}: ${headings.join(' | ')}`);
      assert.ok(!headings.some((h) => h.includes('结转下年度')));
    }
  });
  it('marks captions, 文号, the statistics period, sub-headings and figures with units', () => {
    const text = readSeed('000');
    assert.ok(scoped(text, 'entity.name.tag.table-caption').includes('第二十条第(一)项'));
    assert.ok(scoped(text, 'string.other.document-number').some((t) => t.includes('〔2019〕60 号')));
    assert.ok(scoped(text, 'markup.italic.period').some((t) => t.startsWith('统计期限自 2020 年 1 月 1 日')));
    assert.ok(scoped(text, 'markup.heading.subsection').includes('（一）'));
    assert.ok(scoped(text, 'keyword.other.unit').includes('条'));
    assert.ok(scoped(text, 'constant.numeric').includes('1152'));
    assert.ok(scoped(text, 'keyword.other.enumeration').includes('一是'));
  });
  it('snapshot: the scopes of a short report stay as they are', () => {
    const sample = ['## 二、主动公开政府信息情况', '（一）主动公开。共公开 12 条，约 50 余人次，依据国办公开办函〔2021〕30号。', '2021年1月1日'].join('\n');
    const seen = tokens(sample).filter((t) => t.scopes.length > 1).map((t) => `${t.text} ← ${t.scopes.slice(1).join(' ')}`);
    assert.deepEqual(seen, [
      '二 ← constant.numeric.section.jiaohe',
      '主动公开政府信息情况 ← markup.heading.section.jiaohe entity.name.section.jiaohe',
      '（一） ← markup.heading.subsection.jiaohe keyword.other.ordinal.jiaohe',
      '12 ← constant.numeric.jiaohe',
      '条 ← keyword.other.unit.jiaohe',
      '50 ← constant.numeric.jiaohe',
      '余 ← keyword.other.approximation.jiaohe',
      '人次 ← keyword.other.unit.jiaohe',
      '国办公开办函〔2021〕30号 ← string.other.document-number.jiaohe',
      '2021年1月1日 ← constant.other.date.jiaohe',
    ]);
  });
});
