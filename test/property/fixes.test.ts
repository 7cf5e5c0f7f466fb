// Fix safety on generated documents: every fix changes only the text inside its edits, removes its
// finding and introduces no new error; fix-all is idempotent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, fixAll, requiredFormat } from '../../server/src/core';
import { evaluateTextLinksIgnoringIdentities } from '../../server/src/core/evaluate/text-links';
import { FIXTURES } from '../helpers/fixtures';
import { mutatedSeed, runs, seed } from '../helpers/generators';
import { NEEDS_SEEDS } from '../helpers/seeds';

const key = (f: { rule: string; message: { en: string } }) => `${f.rule}: ${f.message.en}`;

const lineCount = (text: string) => text.split('\n').length;
const lineAt = (text: string, offset: number) => lineCount(text.slice(0, offset));

export function checkFixes(text: string): void {
  const base = analyze(text);
  const before = new Set(base.findings.map(key));
  // Prose that already contradicts the table, withheld only because a failing identity made the
  // cells unjudgeable: a fix that repairs the identity reveals it, it does not introduce it.
  const withheld = evaluateTextLinksIgnoringIdentities(base.model, requiredFormat(base.model, 'auto'))
    .filter((l) => !l.holds)
    .map((l) => l.span.start);
  for (const finding of base.findings) {
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      const first = Math.min(...fix.edits.map((e) => e.span.start));
      const last = Math.max(...fix.edits.map((e) => e.span.end));
      assert.equal(fixed.slice(0, first), text.slice(0, first));
      assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last));
      const after = analyze(fixed).findings;
      // New: an error of a rule on a line that had none of that rule. (A fix may merge findings on
      // one row into one clearer message, or let the identities name the culprit cell of a row
      // already in error: that is not a new error.)
      const delta = fixed.length - text.length;
      const lineShift = lineCount(fixed) - lineCount(text);
      const place = (rule: string, line: number) => `${rule}@${line}`;
      const placesBefore = new Set(
        base.findings.filter((f) => f.severity === 'error').map((f) => place(f.rule, lineAt(text, f.span.start) + (f.span.start >= last ? lineShift : 0))),
      );
      for (const start of withheld) placesBefore.add(place('figure-text-table', lineAt(text, start) + (start >= last ? lineShift : 0)));
      const newErrors = after.filter((f) => f.severity === 'error' && !before.has(key(f)) && !placesBefore.has(place(f.rule, lineAt(fixed, f.span.start))));
      assert.deepEqual(newErrors.map(key), [], `fix "${fix.title.en}" for ${finding.rule} added errors`);
      // Removed: no finding of the rule at the same (mapped) place with the same message.
      const mapped = finding.span.start >= last ? finding.span.start + delta : finding.span.start;
      assert.ok(!after.some((f) => f.rule === finding.rule && f.span.start === mapped && key(f) === key(finding)), `fix "${fix.title.en}" did not remove ${finding.rule}`);
    }
  }
  const once = fixAll(text);
  assert.equal(fixAll(once.text).text, once.text, 'fix-all is idempotent');
}

describe('fix properties', { skip: NEEDS_SEEDS }, () => {
  it('on mutated real reports', () => {
    fc.assert(fc.property(mutatedSeed, checkFixes), { numRuns: runs(25, 0.005), seed: seed() });
  });
  it('on mutated fixtures', () => {
    const fixture = fc.constantFrom(...Object.values(FIXTURES)).map((f) => f());
    const mutated = fc.tuple(fixture, fc.nat(), fc.constantFrom('0', '3', '\t', '\n', '')).map(([t, at, s]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + s + t.slice(i);
    });
    fc.assert(fc.property(mutated, checkFixes), { numRuns: runs(40, 0.01), seed: seed() });
  });
});
