// Linear time on adversarial text: each shape analysed at n and 10·n characters (the analysis
// budget lifted), and the ratio of the two times must stay near 10 — a quadratic scan gives 100.
// npm test goes to 200 000 characters; npm run fuzz (JIAOHE_SCALING_MAX=10000000) to 10 MB.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';

const MAX = Number(process.env.JIAOHE_SCALING_MAX ?? '200000');
/** Linear is 10; this leaves room for the garbage collector and a noisy machine, not for n². */
const BOUND = 30;
const TITLE = '某县人民政府2021年政府信息公开工作年度报告\n';

const SHAPES: Record<string, (n: number) => string> = {
  'one line of prose with figures and breakdowns': (n) => TITLE + '一、总体情况 2021年 共 12 件 其中予以公开3件、部分公开2件；'.repeat(Math.ceil(n / 30)),
  'short heading lines': (n) => TITLE + '一、总体情况\n'.repeat(Math.ceil(n / 7)),
  'a run of （': (n) => TITLE + '（'.repeat(n),
  'a run of 一、': (n) => TITLE + '一、'.repeat(Math.ceil(n / 2)),
  'a row label and a run of digits': (n) => TITLE + '一、本年新收政府信息公开申请数量' + '1234567890'.repeat(Math.ceil(n / 10)),
  'table rows': (n) => TITLE + '（一）予以公开\t1\t2\t3\n'.repeat(Math.ceil(n / 14)),
};

function millis(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = process.hrtime.bigint();
    analyze(text, { maxChars: Infinity });
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.max(best, 1);
}

describe(`analysis time grows linearly (n → 10·n up to ${MAX.toLocaleString('en-US')} characters)`, () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(name, (t) => {
      const sizes: number[] = [];
      for (let n = MAX; n >= 2_000; n /= 10) sizes.unshift(n);
      millis(make(sizes[0])); // warm-up
      const times = sizes.map((n) => millis(make(n)));
      t.diagnostic(sizes.map((n, k) => `${n.toLocaleString('en-US')}: ${times[k].toFixed(0)} ms`).join(', '));
      for (let k = 1; k < sizes.length; k++) {
        // A few milliseconds are noise (the other test files run beside this one): the smaller time
        // counts as at least 10 ms, and only a step that takes real time (50 ms) can show a slope.
        const ratio = times[k] / Math.max(times[k - 1], 10);
        if (times[k] < 50) continue;
        assert.ok(ratio < BOUND, `${sizes[k - 1]} → ${sizes[k]} characters: ${times[k - 1].toFixed(0)} → ${times[k].toFixed(0)} ms (×${ratio.toFixed(1)})`);
      }
    });
  }
});
