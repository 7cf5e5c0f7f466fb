// Fix safety: every fix on every seed, example and fixture edits only what it names, removes its
// finding, and adds none; fix-all applies the preferred ones and is idempotent.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, fixAll, type Finding, type TextEdit } from '../../server/src/core';
import { FIXTURES } from '../helpers/fixtures';
import { readSeed, REPO_ROOT, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';

/** Where an offset of the old text lands after the edits. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const e of edits) {
    if (e.span.end <= offset && !(e.span.start === e.span.end && e.span.start === offset)) shift += e.newText.length - (e.span.end - e.span.start);
  }
  return offset + shift;
}

const at = (f: Finding) => `${f.rule}@${f.span.start}`;

function checkEveryFix(name: string, text: string): number {
  const base = analyze(text);
  let count = 0;
  for (const finding of base.findings) {
    for (const fix of finding.fixes) {
      const where = `${name}: ${finding.rule} "${fix.title.en}"`;
      const fixed = applyEdits(text, fix.edits);
      // Only the named spans change: text before the first edit and after the last is untouched.
      const first = Math.min(...fix.edits.map((e) => e.span.start));
      const last = Math.max(...fix.edits.map((e) => e.span.end));
      assert.equal(fixed.slice(0, first), text.slice(0, first), where);
      assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), where);
      const after = analyze(fixed).findings;
      const expectedAfter = new Set(base.findings.filter((f) => f !== finding).map((f) => `${f.rule}@${mapOffset(f.span.start, fix.edits)}`));
      const stillThere = after.some((f) => f.rule === finding.rule && f.span.start === mapOffset(finding.span.start, fix.edits) && f.message.en === finding.message.en);
      assert.ok(!stillThere, `${where}: the finding is still reported`);
      // An insertion may move another finding's anchor (a missing 六 now follows the inserted 五):
      // the same rule with the same message is the same finding.
      const known = new Set(base.findings.filter((f) => f !== finding).map((f) => `${f.rule}: ${f.message.en}`));
      const fresh = after.filter((f) => !expectedAfter.has(at(f)) && !known.has(`${f.rule}: ${f.message.en}`));
      assert.deepEqual(fresh.map((f) => `${f.rule}: ${f.message.en}`), [], `${where}: new findings`);
      count++;
    }
  }
  return count;
}

const EXAMPLES = readdirSync(path.join(REPO_ROOT, 'examples')).map((f) => path.join(REPO_ROOT, 'examples', f));

describe('every fix is safe', { skip: NEEDS_SEEDS }, () => {
  it('on the seeds', () => {
    const n = SEED_IDS.reduce((acc, id) => acc + checkEveryFix(`seed ${id}`, readSeed(id)), 0);
    assert.ok(n >= 40, `${n} fixes`);
  });
  it('on the examples', () => {
    for (const file of EXAMPLES) checkEveryFix(path.basename(file), readFileSync(file, 'utf8'));
  });
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`on the fixture "${name}"`, () => {
      const text = make();
      assert.ok(analyze(text).findings.length > 0, 'the fixture has a defect');
      assert.ok(checkEveryFix(name, text) > 0, 'the fixture offers a fix');
    });
  }
});

describe('fix-all', { skip: NEEDS_SEEDS }, () => {
  const texts = [...SEED_IDS.map((id) => [`seed ${id}`, readSeed(id)]), ...Object.entries(FIXTURES).map(([n, f]) => [n, f()])];
  it('applies only preferred fixes, leaves none behind, and is idempotent', () => {
    for (const [name, text] of texts) {
      const once = fixAll(text);
      const remaining = analyze(once.text).findings.filter((f) => f.fixes.some((x) => x.preferred));
      assert.deepEqual(remaining.map((f) => f.rule), [], `${name}: preferred fixes left`);
      const twice = fixAll(once.text);
      assert.equal(twice.text, once.text, `${name}: not idempotent`);
      assert.equal(twice.applied, 0);
    }
  });
  it('repairs what is unambiguous on the seeds: 001 and 004 end with balanced rows', () => {
    for (const id of ['001', '004']) {
      const fixed = fixAll(readSeed(id)).text;
      const counts = analyze(fixed).findings.filter((f) => f.rule === 'table-cell-count').length;
      // 001's row （四）1 (5 … 5, six cells) cannot be placed: its total does not say which cell is missing.
      assert.equal(counts, id === '001' ? 1 : 0, id);
    }
  });
  it('never fixes a prose/table disagreement or inserts a section by itself', () => {
    const text = FIXTURES['prose against table']();
    assert.equal(fixAll(text).text, text);
    const missing = FIXTURES['missing 五 and 六']();
    assert.equal(fixAll(missing).text, missing);
  });
});
