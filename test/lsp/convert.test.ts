// sameDiagnostics decides whether a large document's diagnostics cross from the worker again: any
// field toDiagnostic sets that differs must make them differ.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { sameDiagnostics } from '../../server/src/lsp/convert';

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
