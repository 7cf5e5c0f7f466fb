import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, fingerprint } from '../../server/src/core';
import { edit, findings, sk2019 } from '../helpers/findings';

const typo = () => edit(sk2019(), '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况');

describe('suppression comments', () => {
  it('<!-- jiaohe-disable rule --> switches a rule off until <!-- jiaohe-enable -->', () => {
    const text = `<!-- jiaohe-disable section-title -->\n${typo()}`;
    assert.deepEqual(findings(text, 'section-title'), []);
    const reenabled = text.replace('四、政府信息公开行政法复议', '<!-- jiaohe-enable -->\n四、政府信息公开行政法复议');
    assert.equal(findings(reenabled, 'section-title').length, 1);
  });
  it('-next-line, -line and -file, and a bare disable for every rule', () => {
    const text = typo();
    assert.deepEqual(findings(text.replace('四、政府信息公开行政法复议', '<!-- jiaohe-disable-next-line section-title -->\n四、政府信息公开行政法复议'), 'section-title'), []);
    assert.deepEqual(findings(text.replace('行政诉讼情况\n', '行政诉讼情况 <!-- jiaohe-disable-line -->\n'), 'section-title'), []);
    assert.deepEqual(findings(`${text}\n<!-- jiaohe-disable-file section-title -->`, 'section-title'), []);
    // Another rule is not affected.
    assert.equal(findings(text.replace('四、政府信息公开行政法复议', '<!-- jiaohe-disable-next-line table-header -->\n四、政府信息公开行政法复议'), 'section-title').length, 1);
  });
});

describe('fingerprints', () => {
  it('are stable when lines move, and ignoring one removes just that finding', () => {
    const text = typo();
    const a = analyze(text);
    const f = a.findings.find((x) => x.rule === 'section-title')!;
    const print = fingerprint(f, a.model.source);
    assert.match(print, /^section-title:[0-9a-f]{8}$/);
    const moved = edit(text, '一、总体情况', '一、总体情况\n\n新加的一段话。\n');
    const b = analyze(moved);
    assert.equal(fingerprint(b.findings.find((x) => x.rule === 'section-title')!, b.model.source), print);
    assert.deepEqual(analyze(moved, { ignore: [print] }).findings.map((x) => x.rule), []);
  });
});
