// The rule registry, its docs pages and its metadata stay in step.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS, compareRuleIds } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/seeds';

describe('rule registry', () => {
  it('has unique, kebab-case ids', () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)+$/);
  });
  it('orders ids without the collator as the collator does (findings at one place are sorted by rule)', () => {
    // The ids a batch also reports (cross-report rules) and one that is a prefix of another.
    const ids = [...CHECKS.map((c) => c.id), 'figure-cross-year', 'content-duplicate', 'table-row', 'table-row-missing-x'];
    for (const a of ids) for (const b of ids) assert.equal(compareRuleIds(a, b), Math.sign(a.localeCompare(b)), `${a} / ${b}`);
  });
  it('has a docs page for every rule, naming its default severity', () => {
    for (const c of CHECKS) {
      const page = path.join(REPO_ROOT, 'docs', 'rules', `${c.id}.md`);
      assert.ok(existsSync(page), `docs/rules/${c.id}.md`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`Default severity: \\*\\*${c.defaultSeverity}\\*\\*`), c.id);
    }
  });
  it('describes every rule in both languages', () => {
    for (const c of CHECKS) {
      assert.ok(c.description.zh.length > 0 && /[\u4e00-\u9fff]/.test(c.description.zh), c.id);
      assert.ok(c.description.en.length > 0 && /^[A-Z]/.test(c.description.en), c.id);
    }
  });
});
