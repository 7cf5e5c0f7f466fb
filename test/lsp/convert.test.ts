// sameDiagnostics decides whether a large document's diagnostics cross from the worker again: any
// field toDiagnostic sets that differs must make them differ.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceText } from '../../server/src/core';
import { sameDiagnostics, wholeTextEdit } from '../../server/src/lsp/convert';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const diagnostic = (): Diagnostic => ({
  range: range(55, 19, 21),
  severity: 1,
  code: 'figure-identity',
  codeDescription: { href: 'file:///docs/rules/figure-identity.md' },
  source: 'jiaohe',
  message: '总计 is 18; it should be 17',
  relatedInformation: [{ location: { uri: 'file:///r.txt', range: range(55, 16, 18) }, message: 'part 12' }],
});

describe('sameDiagnostics', () => {
  it('holds for lists that say the same, made apart', () => {
    assert.ok(sameDiagnostics([diagnostic(), diagnostic()], [diagnostic(), diagnostic()]));
    assert.ok(sameDiagnostics([], []));
  });

  it('fails on any difference toDiagnostic can make', () => {
    const changes: Array<[string, (d: Diagnostic) => void]> = [
      ['message', (d) => (d.message = '总计 is 19; it should be 17')],
      ['rule', (d) => (d.code = 'table-cell')],
      ['severity', (d) => (d.severity = 2)],
      ['start line', (d) => (d.range.start.line = 56)],
      ['start character', (d) => (d.range.start.character = 18)],
      ['end line', (d) => (d.range.end.line = 56)],
      ['end character', (d) => (d.range.end.character = 22)],
      ['related message', (d) => (d.relatedInformation![0].message = 'part 11')],
      ['related range', (d) => (d.relatedInformation![0].location.range.end.character = 19)],
      ['related document', (d) => (d.relatedInformation![0].location.uri = 'file:///s.txt')],
      ['related added', (d) => d.relatedInformation!.push(d.relatedInformation![0])],
      ['related gone', (d) => (d.relatedInformation = [])],
    ];
    for (const [what, change] of changes) {
      const changed = diagnostic();
      change(changed);
      assert.equal(sameDiagnostics([diagnostic(), diagnostic()], [diagnostic(), changed]), false, what);
    }
    assert.equal(sameDiagnostics([diagnostic()], [diagnostic(), diagnostic()]), false, 'one more');
  });
});

// Fix-all on save answers with one edit: the smallest stretch that turns the text into the fixed one.
describe('wholeTextEdit', () => {
  const apply = (before: string, after: string) => {
    const edit = wholeTextEdit(new SourceText(before), after);
    if (!edit) return { text: before, edit };
    return { text: TextDocument.applyEdits(TextDocument.create('file:///r.txt', 'plaintext', 1, before), [edit]), edit };
  };

  it('is nothing when the text is the same', () => {
    assert.equal(wholeTextEdit(new SourceText('总计 17\n'), '总计 17\n'), undefined);
  });

  it('replaces only what differs, and applied gives the fixed text', () => {
    const long = '一、总体情况\n'.repeat(400); // over the 1 024-character chunks compared at once
    const cases: Array<[string, string, string]> = [
      ['总计 18\n', '总计 17\n', '7'],
      [long + '总计 18\n' + long, long + '总计 17\n' + long, '7'],
      ['aaa', 'aa', ''], // repeated characters: prefix and suffix do not overlap
      ['aa', 'aaa', 'a'],
      ['', '新增', '新增'],
      ['共 12 件', '', ''],
    ];
    for (const [before, after, newText] of cases) {
      const { text, edit } = apply(before, after);
      assert.equal(text, after, JSON.stringify([before.slice(0, 20), after.slice(0, 20)]));
      assert.equal(edit!.newText, newText);
    }
  });

  it('places the edit by line and character', () => {
    const { edit } = apply('一、总体情况\n总计 18 件\n', '一、总体情况\n总计 17 件\n');
    assert.deepEqual(edit!.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
  });
});
