// A large document's diagnostics cross from the worker as what changed since the set the main
// thread holds. Whatever the edit, the set the main thread makes from the one it holds must be the
// worker's, field for field; and an edit should leave most of the set to be kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyze, movedLines, SourceText, type Analysis } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { applyChanges, keptEnds, moveDiagnostic, UNMOVED } from '../../server/src/lsp/diagnostic-changes';
import { FIXTURES } from '../helpers/fixtures';
import { prng, randomEdits } from '../helpers/random-edits';

const URI = 'file:///报告.txt';
const diagnosticsOf = (a: Analysis) => a.findings.map((f) => toDiagnostic(a.model.source, URI, f, 'zh-cn'));

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const diagnostic = (message: string, line: number, relatedLine = line): Diagnostic => ({
  range: range(line, 2, 4),
  severity: 1,
  code: 'figure-identity',
  source: 'jiaohe',
  message,
  relatedInformation: [{ location: { uri: URI, range: range(relatedLine, 0, 1) }, message: '分项' }],
});

/** What the main thread makes of the worker's changes: JSON crossing included. */
function crossed(before: Diagnostic[], after: Diagnostic[], moved = UNMOVED): Diagnostic[] {
  const { head, tail } = keptEnds(before, after, moved);
  const fresh = after.slice(head, after.length - tail).map((d) => JSON.parse(JSON.stringify(d)) as Diagnostic);
  return applyChanges(before, { base: 1, head, tail, moved, fresh: [] }, fresh);
}

describe('diagnostics as changes to the set held', () => {
  it('keeps the first and last diagnostics an edit left, the last moved by whole lines', () => {
    const before = [diagnostic('a', 1), diagnostic('b', 5), diagnostic('c', 9), diagnostic('d', 12, 1)];
    // A line put in after line 5: c and d move down; d's related place (line 1) does not.
    const moved = { line: 5, by: 1 };
    const after = [diagnostic('a', 1), diagnostic('b2', 5), diagnostic('c', 10), diagnostic('d', 13, 1)];
    assert.deepEqual(keptEnds(before, after, moved), { head: 1, tail: 2 });
    assert.deepEqual(crossed(before, after, moved), after);
    // Not moved, they are not the same; nor is the last if its related place moved too.
    assert.deepEqual(keptEnds(before, after, UNMOVED), { head: 1, tail: 0 });
    assert.deepEqual(keptEnds(before, [diagnostic('a', 1), diagnostic('b2', 5), diagnostic('c', 10), diagnostic('d', 13, 2)], moved), { head: 1, tail: 0 });
  });

  it('never counts a diagnostic as both first and last', () => {
    const a = diagnostic('a', 1);
    assert.deepEqual(keptEnds([a, a], [a], UNMOVED), { head: 1, tail: 0 });
    assert.deepEqual(keptEnds([a], [a, a], UNMOVED), { head: 1, tail: 0 });
    assert.deepEqual(crossed([a], [a, a]), [a, a]);
    assert.deepEqual(crossed([a, a, a], []), []);
  });

  it('moves only what lies after the line, and copies only what moves', () => {
    const d = diagnostic('a', 3, 8);
    const moved = moveDiagnostic(d, { line: 5, by: -2 });
    assert.deepEqual(moved.range, d.range);
    assert.deepEqual(moved.relatedInformation![0].location.range, range(6, 0, 1));
    assert.deepEqual(d.relatedInformation![0].location.range, range(8, 0, 1), 'the original is left as it was');
    assert.equal(moveDiagnostic(d, { line: 8, by: 3 }), d);
    assert.equal(moveDiagnostic(d, { line: 0, by: 0 }), d);
  });

  it("makes the worker's set after each of 300 random edits of a report, and keeps most of it", () => {
    // A report with findings all through it, edited anywhere: characters typed, lines put in and
    // taken out, tables and prose.
    const report = FIXTURES['wrong total']();
    const text = Array.from({ length: 4 }, () => report).join('\n');
    let kept = 0;
    let total = 0;
    for (const typing of [true, false]) {
      let previous = analyze(text);
      for (const [k, step] of randomEdits(text, 150, 11, typing).entries()) {
        const next = analyze(step.text, { previous: previous.model });
        const before = diagnosticsOf(previous);
        const after = diagnosticsOf(next);
        const moved = movedLines(previous.model.source, next.model.source);
        assert.deepEqual(crossed(before, after, moved), after, `edit ${k}: ${JSON.stringify(step.change)}`);
        const { head, tail } = keptEnds(before, after, moved);
        kept += head + tail;
        total += after.length;
        previous = next;
      }
    }
    assert.ok(kept > total * 0.8, `kept ${kept} of ${total}`);
  });

  it('finds the lines an edit moved: after its line, the same text at the lines it says', () => {
    const rnd = prng(17);
    const pieces = ['甲', '乙\n', '\r\n', '\r', '\n', '丙丁'];
    const some = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = some(1 + Math.floor(rnd() * 10));
      const at = Math.floor(rnd() * (a.length + 1));
      const b = a.slice(0, at) + some(Math.floor(rnd() * 3)) + a.slice(Math.min(a.length, at + Math.floor(rnd() * 3)));
      const before = new SourceText(a);
      const after = new SourceText(b);
      const m = movedLines(before, after);
      for (let line = m.line + 1; line < before.lineCount; line++) {
        const what = JSON.stringify([a, b, line]);
        assert.equal(after.lineText(line + m.by), before.lineText(line), what);
        assert.equal(b.length - after.lineStarts[line + m.by], a.length - before.lineStarts[line], what);
      }
    }
  });
});
