// The memos that outlive an analysis keep no document alive: a label cut from a document (a slice,
// which V8 keeps as a view of the whole string) must not stay in a memo as such, key or value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze } from '../../server/src/core';
import { labelCore, looseCore, normalizeLabel } from '../../server/src/core/text/normalize';
import { sk2019 } from '../helpers/findings';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A document of ~12 M characters (24 MB as a two-byte string), every label in it new to the memos. */
function bigDocument(run: number): string {
  return Array.from({ length: 600_000 }, (_, i) => `本年新收政府信息公开申请数量${run}号${i}`).join('');
}

describe('memos and documents', () => {
  const memos = [['normalizeLabel', normalizeLabel], ['labelCore', labelCore], ['looseCore', looseCore]] as const;
  memos.forEach(([name, memo], run) => {
    it(`${name} keeps no document alive through the label it was asked about`, () => {
      let kept = 0;
      const before = heapAfterGc();
      (() => {
        const doc = bigDocument(run);
        // Already normalised: the result is the label itself (or a slice of it).
        const label = doc.slice(0, 20);
        kept = memo(label).length;
        assert.ok(heapAfterGc() - before > 15e6, 'the document is on the heap while it is in use');
      })();
      const grown = heapAfterGc() - before;
      assert.ok(kept > 0);
      assert.ok(grown < 5e6, `${(grown / 1e6).toFixed(1)} MB still held after the document was dropped`);
    });
  });
});

describe('line readings and documents', () => {
  it('what is kept of a prose line (its quotes, breakdowns, quantities) holds no string of the document', () => {
    // A line with a quote, a breakdown and a stated quantity, twice (a text seen before is what is
    // kept), in a report made large by a long line of prose without figures.
    const line = '全年共收到政府信息公开申请12件，其中网络申请5件、信函申请7件，本年制发规范性文件6件，行政复议1件，均获维持。';
    const before = heapAfterGc();
    let findings = 0;
    (() => {
      const filler = '本年度持续推进政务公开工作。'.repeat(400_000);
      const text = sk2019().replace('（请填写。）', `${line}\n\n${line}\n\n${filler}`);
      findings = analyze(text, { maxChars: text.length }).findings.length;
      assert.ok(heapAfterGc() - before > 8e6, 'the document is on the heap while it is in use');
    })();
    const grown = heapAfterGc() - before;
    assert.ok(findings > 0);
    assert.ok(grown < 3e6, `${(grown / 1e6).toFixed(1)} MB still held after the document was dropped`);
  });
});
