import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal, sum } from '../../server/src/core/numbers/decimal';

const d = (s: string) => Decimal.parse(s)!;

describe('Decimal', () => {
  it('adds money exactly where floating point does not', () => {
    assert.notEqual(0.1 + 0.2, 0.3);
    assert.equal(d('0.1').add(d('0.2')).toString(), '0.3');
    assert.equal(sum([d('93.4385'), d('0.0001'), d('-0.0386')]).toString(), '93.4000');
    assert.equal(d('36,563,210.00').add(d('0.01')).toString(), '36563210.01');
  });
  it('keeps the decimals as written and compares across scales', () => {
    assert.equal(d('7.0000').toString(), '7.0000');
    assert.ok(d('7').equals(d('7.0000')));
    assert.equal(d('7').decimals, 0);
    assert.equal(d('-35').compare(d('+1')), -1);
  });
  it('rounds half away from zero and shifts without loss', () => {
    assert.equal(d('93.43855').round(4).toString(), '93.4386');
    assert.equal(d('-2.5').round(0).toString(), '-3');
    assert.equal(d('7').round(4).toString(), '7.0000');
    assert.equal(d('2510000').shift(-4).toString(), '251.0000');
  });
  it('rejects what is not a plain number', () => {
    for (const s of ['', '1.2.3', '12万', 'abc', '1e5']) assert.equal(Decimal.parse(s), undefined, s);
  });
});
