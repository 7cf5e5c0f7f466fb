// The shortcuts that spare a normalisation or a regex per character must agree with what they
// stand for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpaceCode, withThousands } from '../../server/src/core/text/chars';
import { LayoutLine, LineSpans, layoutLines } from '../../server/src/core/layout/lines';
import { SourceText } from '../../server/src/core/text/source';
import { normalizedSurelyLongerThan, normalizeLabel } from '../../server/src/core/text/normalize';
import { prng } from '../helpers/random-edits';

const PIECES = ['申请', '（一）', ' ', '\u3000', '\t', '*', '_', '`', 'Ａ', '１２', 'e\u0301', '\u1100\u1161\u11a8', '“', '．', '\u2003', '总计'];

describe('character shortcuts', () => {
  it('isSpaceCode is exactly what \\s matches', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('a text said to be surely longer than a limit is so once normalised, and a long label is told', () => {
    const rnd = prng(17);
    let refused = 0;
    for (let k = 0; k < 20_000; k++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join('');
      const limit = 5 + Math.floor(rnd() * 40);
      if (normalizedSurelyLongerThan(text, limit)) {
        refused++;
        assert.ok(normalizeLabel(text).length > limit, JSON.stringify(text));
      }
    }
    assert.ok(refused > 1000, `only ${refused} refused`);
  });

  it("a line is separated when it has a tab or is a pipe row, asked before or after it is laid out", () => {
    const rnd = prng(23);
    const bits = ['|', '\t', ' ', '\u3000', '申请', '0', '||', '\\|', '---', '\n', '# ', ' |'];
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => bits[Math.floor(rnd() * bits.length)]).join('');
      const spans = LineSpans.of(new SourceText(text));
      // The rule, by regex: a tab anywhere, or a trimmed line that starts with '|' and has another,
      // or ends with '|' and has another before it (cells closed by bars: "规章 | 0 |").
      const expected = text.split('\n').map((raw) => {
        const trimmed = raw.replace(/^\s+|\s+$/g, '');
        const opened = trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0;
        const closed = trimmed.length > 1 && trimmed.endsWith('|') && trimmed.lastIndexOf('|', trimmed.length - 2) >= 0;
        return raw.includes('\t') || opened || closed;
      });
      assert.deepEqual(layoutLines(spans).map((l) => l.separated), expected, JSON.stringify(text));
      assert.deepEqual(layoutLines(spans).map((l) => (l.fields, l.separated)), expected, JSON.stringify(text));
    }
  });

  it('a line is a rule exactly when its fields (or its whole text) are rules, whatever it holds', () => {
    const rnd = prng(29);
    const bits = ['|', '-', '---', ':', '*', '_', ' ', '\t', '\u3000', '申请', '0', '\n', ':---:', '***'];
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 10) }, () => bits[Math.floor(rnd() * bits.length)]).join('');
      const spans = LineSpans.of(new SourceText(text));
      // The rule, from the fields of the line laid out as text: every non-empty field :?-{3,}:?,
      // or the whole trimmed line ---, *** or ___.
      const expected = Array.from({ length: spans.count }, (_, i) => {
        const start = spans.starts[i];
        const end = spans.ends[i];
        const trimmed = text.slice(start, end).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
        if (trimmed === '') return 'blank';
        const fields = new LayoutLine(text, i, start, end, 'text', trimmed.charCodeAt(0)).fields.filter((f) => f.text !== '');
        const byFields = fields.length > 0 && fields.every((f) => /^:?-{3,}:?$/.test(f.text));
        return byFields || /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed) ? 'rule' : 'text';
      });
      assert.deepEqual(layoutLines(spans).map((l) => l.kind), expected, JSON.stringify(text));
    }
  });
});

describe('numbers with thousands separators', () => {
  it('writes what toLocaleString(en-US) writes for whole numbers', () => {
    const rnd = prng(7);
    const cases = [0, 1, 12, 999, 1000, 1001, 99_999, 100_000, 999_999, 1_000_000, 1_234_567, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, -1000, -1_234_567];
    for (let i = 0; i < 2000; i++) cases.push(Math.floor(rnd() * 10 ** Math.floor(rnd() * 15)));
    for (const n of cases) assert.equal(withThousands(n), n.toLocaleString('en-US'), String(n));
  });
});
