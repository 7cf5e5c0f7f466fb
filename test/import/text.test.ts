// Plain text as offices save it: GBK/GB18030 and UTF-16 copies of the real reports give the same
// model and findings as the UTF-8 original, and the encoding used is said.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importReport } from '../../server/src/import';
import { gb18030Bytes } from '../helpers/documents';
import { readSeed, SEED_IDS, NEEDS_SEEDS } from '../helpers/seeds';
import { reportShape } from './shape';

describe('text import in other encodings', { skip: NEEDS_SEEDS }, () => {
  for (const id of SEED_IDS) {
    it(`seed ${id} in GBK and in UTF-16: the same report, the encoding noted`, async () => {
      const text = readSeed(id);
      for (const [bytes, encoding] of [
        [gb18030Bytes(text), 'GB18030'],
        [new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), 'UTF-16LE'],
      ] as const) {
        const result = await importReport(bytes, `report-${id}.txt`);
        assert.ok(result.report, result.error?.en);
        assert.equal(result.report.encoding, encoding);
        assert.ok(result.report.notes.some((n) => n.en === `decoded as ${encoding}`));
        assert.deepEqual(reportShape(result.report.text), reportShape(text));
      }
    });
  }

  it('refuses binary data and unknown encodings with a message', async () => {
    assert.match((await importReport(new Uint8Array([1, 0, 2, 3]), 'x.txt')).error?.en ?? '', /binary file/);
    assert.match((await importReport(new Uint8Array([0xff, 0xff, 0xff, 0x41]), 'x.txt')).error?.zh ?? '', /UTF-8/);
  });
});
