// Every regular expression literal in the analysis core is linted for the shape that backtracks
// exponentially (a repeated group that itself repeats without bound: (a+)+, (a|aa)*, (\s*x)*),
// and timed against long adversarial runs. Throughput on huge inputs is in the benchmark.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/seeds';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Regex literals: a slash after an operator or opening bracket, up to the closing slash. */
function regexLiterals(code: string): Array<{ source: string; flags: string }> {
  const found: Array<{ source: string; flags: string }> = [];
  const re = /(?<=[=(,:?!&|;{}\[]\s*|return\s+)\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuy]*)/g;
  for (const m of code.matchAll(re)) {
    try {
      new RegExp(m[1], m[2]);
      found.push({ source: m[1], flags: m[2] });
    } catch {
      // Not a regex (a division, a comment): skipped.
    }
  }
  return found;
}

/**
 * True when a group that contains an unbounded quantifier is itself quantified (+, *, {n,}):
 * the nested-quantifier shape behind catastrophic backtracking.
 */
export function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push(false);
    else if (ch === ')') {
      const innerUnbounded = stack.pop() ?? false;
      const next = source.slice(i + 1);
      const quantified = /^(?:[+*]|\{\d+,\})/.test(next);
      if (innerUnbounded && quantified) return true;
      if (stack.length > 0 && (innerUnbounded || quantified)) stack[stack.length - 1] = true;
    } else if ((ch === '+' || ch === '*' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i)))) && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return false;
}

/** Long runs of what the analysis meets: digits, spaces, CJK, punctuation, brackets. */
const ADVERSARIAL = ['0', ' ', '\t', '一', '年', '，', '。', '（', '1,', '.', '#', '*', '申请', '共'].map((c) => c.repeat(20_000) + '\u0001');

describe('regular expressions', () => {
  it('the lint knows the dangerous shape', () => {
    for (const bad of ['(a+)+$', '(\\s*x)*y', '(?:a|b+)*c', '((ab)+)+']) assert.ok(hasNestedQuantifier(bad), bad);
    for (const good of ['(a+)b+', '(?:ab){2}', '[(+)]+', '(a|b)+', '\\(a+\\)+']) assert.ok(!hasNestedQuantifier(good), good);
  });

  it('none in the core has the exponential shape, and every one stays fast on adversarial input', () => {
    const files = sources(path.join(REPO_ROOT, 'server', 'src', 'core'));
    const unsafe: string[] = [];
    const slow: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const { source, flags } of regexLiterals(readFileSync(file, 'utf8'))) {
        checked++;
        const where = `${path.relative(REPO_ROOT, file)}: /${source}/`;
        if (hasNestedQuantifier(source)) unsafe.push(where);
        const re = new RegExp(source, flags.replace('g', ''));
        for (const input of ADVERSARIAL) {
          const t = process.hrtime.bigint();
          re.test(input);
          const ms = Number(process.hrtime.bigint() - t) / 1e6;
          if (ms > 250) slow.push(`${where} ${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 2))}…`);
        }
      }
    }
    assert.ok(checked > 80, `only ${checked} regexes found: the scanner is broken`);
    assert.deepEqual(unsafe, []);
    assert.deepEqual(slow, []);
  });
});
