// Properties of the analysis on arbitrary and mutated input: it returns, every range lies in the
// document, nothing inside throws, and it is deterministic. Seeded and reproducible; `npm run fuzz`
// runs the same properties far longer (JIAOHE_FUZZ_RUNS, JIAOHE_FUZZ_SEED).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, foldingRanges, hoverAt, inlayHints, outline, type Analysis, type Span } from '../../server/src/core';
import { anyText, mutatedSeed, runs, seed } from '../helpers/generators';
import { NEEDS_SEEDS } from '../helpers/seeds';

function inDocument(span: Span, length: number, what: string) {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: ${span.start}-${span.end} in 0-${length}`);
}

function serialise(a: Analysis) {
  return JSON.stringify(a.findings.map((f) => [f.rule, f.severity, f.span, f.message, f.related, f.fixes]));
}

export function checkAnalysis(text: string): void {
  const a = analyze(text);
  for (const f of a.findings) {
    assert.notEqual(f.rule, 'internal-error', f.message.en);
    inDocument(f.span, text.length, f.rule);
    for (const r of f.related) inDocument(r.span, text.length, `${f.rule} related`);
    for (const fix of f.fixes) for (const e of fix.edits) inDocument(e.span, text.length, `${f.rule} fix`);
  }
  // Deterministic: the same text gives the same findings.
  assert.equal(serialise(analyze(text)), serialise(a));
  // The editor features over the same model never throw and stay in range.
  const walk = (symbols: ReturnType<typeof outline>) => {
    for (const s of symbols) {
      inDocument(s.range, text.length, 'symbol');
      inDocument(s.selection, text.length, 'selection');
      assert.ok(s.selection.start >= s.range.start && s.selection.end <= s.range.end, 'selection inside range');
      walk(s.children);
    }
  };
  walk(outline(a.model));
  for (const r of foldingRanges(a.model)) assert.ok(r.endLine > r.startLine && r.endLine < a.model.source.lineCount);
  for (const h of inlayHints(a.model, 'always', null)) assert.ok(h.offset >= 0 && h.offset <= text.length);
  for (const offset of [0, text.length >> 2, text.length >> 1, text.length]) {
    const hover = hoverAt(a, offset, 'zh', null);
    if (hover) inDocument(hover.span, text.length, 'hover');
  }
}

describe('analysis properties', { skip: NEEDS_SEEDS }, () => {
  it('arbitrary text: returns, ranges in the document, deterministic', () => {
    fc.assert(fc.property(anyText, checkAnalysis), { numRuns: runs(300), seed: seed() });
  });
  it('mutated real reports: the same', () => {
    fc.assert(fc.property(mutatedSeed, checkAnalysis), { numRuns: runs(60, 0.2), seed: seed() });
  });
  it('adversarial inputs complete (timing bounds live in the benchmark)', () => {
    const big = [
      '1'.repeat(100_000),
      '其中'.repeat(10_000),
      '（'.repeat(50_000) + '）'.repeat(10),
      ('共1条，其中' + '（其中1条'.repeat(200)).repeat(20),
      '一、'.repeat(30_000),
      '\t'.repeat(100_000),
      '0\t'.repeat(60_000),
      'x'.repeat(1_000_000),
      ('第二十条第（一）项\n信息内容\n' + '规章\t1\t2\t3\n'.repeat(5)).repeat(2000),
    ];
    for (const text of big) {
      const a = analyze(text);
      assert.ok(Array.isArray(a.findings));
    }
  });
});
