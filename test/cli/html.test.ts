// The HTML review page, opened in headless Chromium: every report listed with its counts, sortable
// by errors, and per report the three tables with totals coloured and the findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { chromiumMissing, launch } from '../helpers/browser';
import { REPO_ROOT, SEEDS_DIR, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

describe('HTML review page in Chromium', { skip: NEEDS_SEEDS }, () => {
  const skip = chromiumMissing();
  it('lists every report, sorts by errors, shows the tables with totals coloured', { skip }, async () => {
    const dir = tempDir('jiaohe-html-');
    const page = path.join(dir, 'review.html');
    const r = spawnSync(process.execPath, [CLI, 'check', SEEDS_DIR, path.join(REPO_ROOT, 'examples'), '--format', 'html', '--output', page, '--lang', 'zh'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const browser = await launch();
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      // The page forbids everything but its own script and style (by hash): both must still apply.
      const violations: string[] = [];
      tab.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await tab.goto(pathToFileURL(page).toString());
      assert.match((await tab.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '', /default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-/);
      const rows = tab.locator('table.overview tbody tr');
      assert.equal(await rows.count(), 7);
      // Worst first: seed 001 has the most errors.
      assert.match((await rows.first().locator('td').first().textContent()) ?? '', /001_/);
      const errorsOf = async () => (await tab.locator('table.overview tbody td.errors').allTextContents()).map(Number);
      const initial = await errorsOf();
      assert.deepEqual(initial, [...initial].sort((a, b) => b - a));
      // A click sorts by errors, most first; another click, fewest first.
      await tab.locator('table.overview th', { hasText: '错误' }).click();
      assert.deepEqual(await errorsOf(), [...initial].sort((a, b) => b - a));
      await tab.locator('table.overview th', { hasText: '错误' }).click();
      assert.deepEqual(await errorsOf(), [...initial].sort((a, b) => a - b));
      assert.equal(await tab.locator('section.report').count(), 7);
      assert.equal(await tab.locator('table.report-table').count(), 7 * 3);
      // The example with a wrong total shows it red with the computed value.
      assert.ok((await tab.locator('td.bad span.computed', { hasText: '= 22' }).count()) >= 1);
      assert.ok((await tab.locator('td.ok').count()) > 50);
      assert.notEqual(await tab.locator('td.bad').first().evaluate('(e) => getComputedStyle(e).backgroundColor'), 'rgba(0, 0, 0, 0)', 'the page style applies');
      assert.deepEqual(violations, []);
      const shot = path.join(dir, 'review.png');
      await tab.screenshot({ path: shot, fullPage: false });
      assert.ok(statSync(shot).size > 10_000);
    } finally {
      await browser.close();
    }
  });
  if (skip) it(`HTML page test: ${skip}`, () => {});
});
