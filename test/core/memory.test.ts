// The memos that outlive an analysis keep no document alive: a label cut from a document (a slice,
// which V8 keeps as a view of the whole string) must not stay in a memo as such, key or value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { labelCore, looseCore, normalizeLabel } from '../../server/src/core/text/normalize';

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
