// Generated inputs for property tests and the fuzzer: arbitrary text, report-shaped text, and
// random mutations of the real reports.
import fc from 'fast-check';
import { readSeed, SEED_IDS } from './seeds';

const FRAGMENTS = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '四、结转下年度继续办理', '（一）', '(二)', '1.', '一是',
  '第二十条第（一）项', '信息内容', '本年新制作数量', '本年增/减', '行政许可', '规范性文件', '政府集中采购', '采购总金额（单位：万元，保留4位小数）',
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '（三）不予公开', '1.属于国家秘密',
  '（六）其他处理', '（七）总计', '行政复议', '行政诉讼', '结果维持', '总计', '申请人情况', '自然人',
  '共', '累计', '其中', '（其中', '）', '、', '，', '。', '；', '余', '约', '近', '条', '件', '万元', '%', '年', '月', '日',
  '统计期限自2020年1月1日起至2020年12月31日止', '2021年政府信息公开工作年度报告', '收到申请', '均获维持', '未收到申请',
  '〔2019〕60号', '0451-87542911', '**', '# ', '| ', ' |', '|---|', '\t', '\t\t', ' ', '\u3000', '\n', '\r\n', '\r', '\uFEFF',
  '0', '7', '12', '-35', '+1', '93.4385', '36,563,210.00', '１２', '/', '—', '', '\u0000', '\u0007', '😀', '\uD800', '\uDC00',
];

/** Text built from report fragments and numbers: reaches the parser's deep paths quickly. */
export const reportish = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.integer({ min: -99, max: 99999 }).map(String) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 400 })
  .map((parts) => parts.join(''));

/** Any text: full Unicode (surrogate pairs and lone halves), control characters, mixed line ends. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom('\n', '\r\n', '\r', '\t', '|', '（', '）', '(', ')', '其中', '0', '9', ' '), { maxLength: 500 }).map((a) => a.join('')),
  reportish,
);

type Op =
  | { kind: 'delete'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'tab'; line: number; at: number }
  | { kind: 'split'; line: number; at: number }
  | { kind: 'digit'; at: number; digit: string }
  | { kind: 'crlf' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('tab' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom('0', '1', '5', '9', '12', '') }),
  fc.record({ kind: fc.constant('crlf' as const) }),
);

function applyOp(text: string, o: Op): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (o.kind) {
    case 'delete':
      lines.splice(o.line % n, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(o.line % n, 0, lines[o.line % n]);
      return lines.join('\n');
    case 'swap': {
      const a = o.a % n;
      const b = o.b % n;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'tab':
    case 'split': {
      const i = o.line % n;
      const at = o.at % (lines[i].length + 1);
      lines[i] = lines[i].slice(0, at) + (o.kind === 'tab' ? '\t' : '\n') + lines[i].slice(at);
      return lines.join('\n');
    }
    case 'digit': {
      const digits = [...text.matchAll(/\d+/g)];
      if (digits.length === 0) return text;
      const m = digits[o.at % digits.length];
      return text.slice(0, m.index) + o.digit + text.slice(m.index! + m[0].length);
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
  }
}

/** One of the seeds with a few random mutations. */
export const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEED_IDS), fc.array(op, { minLength: 1, maxLength: 6 }))
  .map(([id, ops]) => ops.reduce(applyOp, readSeed(id)));

/**
 * How many cases a property runs: `defaultRuns` in `npm test`; under `npm run fuzz`,
 * JIAOHE_FUZZ_RUNS × `share` (costly properties take a smaller share).
 */
export function runs(defaultRuns: number, share = 1): number {
  const env = Number(process.env.JIAOHE_FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? Math.max(1, Math.round(env * share)) : defaultRuns;
}

export function seed(): number {
  const env = Number(process.env.JIAOHE_FUZZ_SEED);
  return Number.isFinite(env) ? env : 20261121;
}
