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

describe('Decimal beyond what a double holds exactly', () => {
  it('stays exact when a sum or a rescale passes 2^53', () => {
    // 2^53 − 1 + 2: a double would give 9007199254740992.
    assert.equal(d('9007199254740991').add(d('2')).toString(), '9007199254740993');
    assert.equal(d('9007199254740993').add(d('-2')).toString(), '9007199254740991');
    assert.equal(d('123456789012345678901234567890.12').add(d('0.01')).toString(), '123456789012345678901234567890.13');
    // A rescale to the other's decimals that passes 2^53.
    assert.equal(d('900719925474099').add(d('0.001')).toString(), '900719925474099.001');
    assert.equal(d('90071992547409.9').shift(3).toString(), '90071992547409900.0');
    assert.equal(sum([d('4503599627370496'), d('4503599627370496'), d('1')]).toString(), '9007199254740993');
  });
  it('compares, negates and tests across the two forms', () => {
    const huge = d('9007199254740993');
    assert.equal(huge.compare(d('9007199254740992')), 1);
    assert.equal(d('9007199254740992.0').compare(d('9007199254740992')), 0);
    assert.ok(huge.add(d('-9007199254740993')).isZero());
    assert.ok(huge.negate().isNegative());
    assert.equal(huge.negate().abs().toString(), '9007199254740993');
    assert.ok(d('12345678901234567890.000').isInteger());
    assert.ok(!d('12345678901234567890.001').isInteger());
    assert.equal(d('12345678901234567890.5').round(0).toString(), '12345678901234567891');
    assert.equal(d('-0').toString(), '0');
    assert.ok(!d('-0').isNegative());
    assert.equal(Decimal.fromInt(2n ** 60n).toString(), '1152921504606846976');
  });
});
