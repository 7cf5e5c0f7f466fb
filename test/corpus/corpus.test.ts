// The corpus run as a test: no finding on any report of the corpus may be false (unlabelled), and
// none that a label expects may be missing. The shared corpus (real and rendered reports) is beside
// the checkout in CI; where it is not, only the project's own corpus runs and the rest says skipped.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCorpus, SHARED_CORPUS, totals, type CorpusResult } from './corpus';

const describeFalse = (results: CorpusResult[]) =>
  results.flatMap((r) => r.findings.filter((f) => f.verdict === 'false').map((f) => `${r.report}:${f.line} ${f.rule} ${f.message}`)).join('\n');
const describeMissed = (results: CorpusResult[]) =>
  results.flatMap((r) => r.missed.map((l) => `${r.report} ${l.rule} ${l.match ?? ''}`)).join('\n');

describe('the corpus: every finding true, none missed', () => {
  let results: CorpusResult[] = [];
  it('runs over every report of the corpus', async () => {
    results = await runCorpus();
    assert.ok(results.some((r) => r.report.startsWith('own/')), 'the project carries its own corpus');
  });
  it('no false finding on the project\'s own corpus', () => {
    const own = results.filter((r) => r.report.startsWith('own/'));
    assert.equal(describeFalse(own), '');
    assert.equal(describeMissed(own), '');
  });
  const shared = existsSync(SHARED_CORPUS) ? false : `skipped: ${SHARED_CORPUS} is not beside the checkout`;
  it('no false finding on the real and rendered reports, in every form', { skip: shared }, () => {
    const theirs = results.filter((r) => !r.report.startsWith('own/'));
    assert.equal(describeFalse(theirs), '');
    assert.equal(describeMissed(theirs), '');
    const t = totals(results);
    assert.ok(t.precision >= 0.95 && t.falsePerReport <= 0.2, JSON.stringify(t));
  });
  it('the rendered seeds give back every true cell from .docx, .html and .pdf', { skip: shared }, () => {
    const wrong = results.filter((r) => r.cellsRight && r.cellsRight.right !== r.cellsRight.of).map((r) => `${r.report}: ${r.cellsRight!.right}/${r.cellsRight!.of}`);
    assert.deepEqual(wrong, []);
  });
  it('notes beside the reports are not reports', { skip: shared }, () => {
    const notes = results.filter((r) => /SOURCE\.md$|README\.md$/.test(r.report));
    assert.ok(notes.length > 0 && notes.every((r) => r.skipped), JSON.stringify(notes.map((r) => r.report)));
  });
});
