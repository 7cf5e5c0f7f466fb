// Copied-text detection: shingles, signatures and the shortcuts the batch takes (the estimate
// first, identical sections told at once, the exact similarity given up early) must not change
// what is found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateFindings, SectionSimilarities, type ReportFacts } from '../../server/src/core';
import { prng } from '../helpers/random-edits';
import { BUCKET_NEIGHBOURS, candidatePairs, digest, estimatedSimilarity, jaccard, jaccardAtLeast, shingles, signature, sortUint32 } from '../../server/src/core/batch/minhash';

const POOL = '本机关坚持以公开为常态不公开为例外全面推进决策执行管理服务结果公开持续加强平台建设规范依申请办理答复质量群众满意度稳步提升'.split('');

function paragraph(rnd: () => number, length: number): string {
  return Array.from({ length }, () => POOL[Math.floor(rnd() * POOL.length)]).join('');
}

/** The paragraph with about `share` of its characters replaced. */
function reworded(text: string, share: number, rnd: () => number): string {
  return text
    .split('')
    .map((c) => (rnd() < share ? POOL[Math.floor(rnd() * POOL.length)] : c))
    .join('');
}

function facts(name: string, text: string): { name: string; facts: ReportFacts } {
  const sh = shingles(text);
  return {
    name,
    facts: {
      body: name,
      year: 2021,
      format: '2021',
      carried: null,
      carryForward: null,
      normative: null,
      sections: [{ number: 1, heading: { start: 0, end: 6 }, shingles: sh.list, signature: signature(sh.list), digest: digest(sh.list), length: sh.length }],
    },
  };
}

describe('shingles and signatures', () => {
  it('read only the content: digits, spaces, Latin letters and punctuation do not count', () => {
    const a = shingles('全年共受理申请12件，办结12件。');
    const b = shingles('全年共受理申请 345 件; 办结 9 件 (ok)!');
    assert.deepEqual([...a.list], [...b.list]);
    assert.equal(a.length, b.length);
    assert.ok(a.list instanceof Uint32Array);
  });

  it('hash a shingle by its five characters alone, wherever it stands', () => {
    // 13 characters: 9 shingles, of which 甲乙丙丁戊 and 乙丙丁戊己 stand twice.
    assert.equal(shingles('甲乙丙丁戊己甲乙丙丁戊己庚').list.length, 7);
    const alone = shingles('乙丙丁戊己').list;
    assert.equal(alone.length, 1);
    assert.ok(shingles('前言不搭后语乙丙丁戊己').list.includes(alone[0]));
  });

  it('sort their hashes as a numeric sort does, short and long lists, duplicates and the extremes', () => {
    const rnd = prng(7);
    for (const n of [0, 1, 5, 63, 64, 65, 1000, 5000]) {
      const values = Uint32Array.from({ length: n }, (_, i) => (i % 17 === 0 ? 0xffffffff : i % 13 === 0 ? 0 : Math.floor(rnd() * 2 ** 32) >>> (i % 3 === 0 ? 20 : 0)));
      const expected = Array.from(values).sort((a, b) => a - b);
      sortUint32(values);
      assert.deepEqual(Array.from(values), expected);
    }
  });

  it('keep characters beyond the CJK block, surrogate pairs as one code point', () => {
    assert.equal(shingles('𠀀𠀁𠀂𠀃𠀄𠀅').length, 12);
    assert.equal(shingles('🙂🙂🙂公开公开公开').length, 6);
  });

  it('the early-stopping similarity is the exact one whenever it reaches its floor', () => {
    const rnd = prng(3);
    for (let k = 0; k < 300; k++) {
      const base = Array.from({ length: 50 + Math.floor(rnd() * 400) }, () => Math.floor(rnd() * 2000));
      const other = base.filter(() => rnd() > rnd() * 0.6).concat(Array.from({ length: Math.floor(rnd() * 100) }, () => Math.floor(rnd() * 2000)));
      const a = Uint32Array.from(new Set(base)).sort();
      const b = Uint32Array.from(new Set(other)).sort();
      const exact = jaccard(a, b);
      for (const floor of [0.3, 0.5, 0.8]) assert.equal(jaccardAtLeast(a, b, floor), exact >= floor ? exact : undefined);
    }
  });

  it('the signatures estimate the similarity closely', () => {
    const rnd = prng(11);
    const text = paragraph(rnd, 1500);
    const a = shingles(text).list;
    const b = shingles(reworded(text, 0.02, rnd)).list;
    const exact = jaccard(a, b);
    assert.ok(exact > 0.8 && exact < 0.95, `exact ${exact}`);
    assert.ok(Math.abs(estimatedSimilarity(signature(a), signature(b)) - exact) < 0.2);
    assert.equal(estimatedSimilarity(signature(a), signature(a)), 1);
    assert.equal(digest(a), digest(Uint32Array.from(a)));
  });
});

describe('copied sections', () => {
  const rnd = prng(5);
  const text = paragraph(rnd, 1200);

  it('an identical section is 100% similar; a lightly edited one has its exact percentage', () => {
    const [mine, same, near] = [facts('mine', text), facts('same', text), facts('near', reworded(text, 0.01, rnd))];
    const toSame = duplicateFindings(mine.facts, [same]);
    assert.equal(toSame.length, 1);
    assert.match(toSame[0].message.en, /100% similar .*\(same\)/);
    const toNear = duplicateFindings(mine.facts, [near]);
    const pct = Math.round(jaccard(mine.facts.sections[0].shingles, near.facts.sections[0].shingles) * 100);
    assert.equal(toNear.length, 1);
    assert.match(toNear[0].message.en, new RegExp(`${pct}% similar`));
  });

  it('the closest of several copies is named, and a different text is none', () => {
    const [mine, near, nearer, other] = [facts('mine', text), facts('near', reworded(text, 0.015, rnd)), facts('nearer', reworded(text, 0.003, rnd)), facts('other', paragraph(rnd, 1200))];
    const found = duplicateFindings(mine.facts, [near, other, nearer]);
    assert.equal(found.length, 1);
    assert.match(found[0].message.en, /\(nearer\)/);
    assert.deepEqual(duplicateFindings(mine.facts, [other]), []);
  });

  it('of equally close copies the first given is named, however the estimates rank them', () => {
    const copy = reworded(text, 0.01, rnd);
    const [mine, first, second] = [facts('mine', text), facts('first', copy), facts('second', copy)];
    const many = Array.from({ length: 6 }, (_, i) => facts(`far${i}`, reworded(text, 0.03 + i * 0.005, rnd)));
    assert.match(duplicateFindings(mine.facts, [...many, first, second])[0].message.en, /\(first\)/);
    assert.match(duplicateFindings(mine.facts, [second, ...many, first])[0].message.en, /\(second\)/);
    // The closest is found wherever it stands among many near copies.
    const nearest = facts('nearest', reworded(text, 0.002, rnd));
    for (let at = 0; at <= many.length; at++) {
      const list = [...many.slice(0, at), nearest, ...many.slice(at)];
      assert.match(duplicateFindings(mine.facts, list)[0].message.en, /\(nearest\)/);
    }
  });
});

describe('candidates in a large folder', () => {
  it('thousands of copies of one section: each has copies among its candidates, the pairs stay few', () => {
    const rnd = prng(11);
    const text = paragraph(rnd, 400);
    const copies = Array.from({ length: 3000 }, () => signature(shingles(text).list));
    const pairs = candidatePairs(copies);
    // All pairs would be 4.5 million (more than a Set holds); each copy keeps a few neighbours.
    assert.ok(pairs.length <= copies.length * BUCKET_NEIGHBOURS, String(pairs.length));
    const seen = new Uint8Array(copies.length);
    for (const [a, b] of pairs) seen[a] = seen[b] = 1;
    assert.ok(seen.every((s) => s === 1));
  });

  it('a small bucket still gives every pair', () => {
    const rnd = prng(12);
    const text = paragraph(rnd, 400);
    const copies = Array.from({ length: 20 }, () => signature(shingles(text).list));
    assert.equal(candidatePairs(copies).length, (20 * 19) / 2);
  });

  it('a pair asked for from both sides gives the same similarity', () => {
    const rnd = prng(13);
    const text = paragraph(rnd, 300);
    const [a, b] = [facts('a', text), facts('b', reworded(text, 0.02, rnd))];
    const similarities = new SectionSimilarities();
    const there = similarities.of(a.facts.sections[0], b.facts.sections[0]);
    const back = similarities.of(b.facts.sections[0], a.facts.sections[0]);
    assert.ok(there !== undefined && there > 0.8);
    assert.equal(back, there);
    // Asked again, it is worked out again, the same.
    assert.equal(similarities.of(a.facts.sections[0], b.facts.sections[0]), there);
  });
});
