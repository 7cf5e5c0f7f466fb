// npm run screenshots: renders what a user sees into docs/images/ for the README: the HTML review
// page and the report summary, in Debian's Chromium. Run by hand after UI changes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, SUMMARY_CSS, summaryHtml } from '../server/src/core';
import { chromiumMissing, launch } from '../test/helpers/browser';
import { FIXTURES } from '../test/helpers/fixtures';
import { REPO_ROOT, SEEDS_DIR } from '../test/helpers/seeds';

async function main() {
  const missing = chromiumMissing();
  if (missing) {
    console.log(`screenshots ${missing}`);
    return;
  }
  const out = path.join(REPO_ROOT, 'docs', 'images');
  mkdirSync(out, { recursive: true });
  const page = path.join(out, '.review.html');
  // Relative paths, as a reviewer would type them.
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', path.relative(REPO_ROOT, SEEDS_DIR), 'examples', '--format', 'html', '--output', page, '--lang', 'zh'], { stdio: 'inherit', cwd: REPO_ROOT });
  const summary = path.join(out, '.summary.html');
  const analysis = analyze(FIXTURES['wrong total']());
  writeFileSync(summary, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:1em}${SUMMARY_CSS}</style></head><body>${summaryHtml(analysis, 'zh', null)}</body></html>`);
  const browser = await launch();
  try {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    await tab.goto(pathToFileURL(page).toString());
    await tab.screenshot({ path: path.join(out, 'review.png') });
    await tab.goto(pathToFileURL(summary).toString());
    await tab.locator('table.report-table.applications').scrollIntoViewIfNeeded();
    await tab.screenshot({ path: path.join(out, 'summary.png') });
  } finally {
    await browser.close();
  }
  console.log(`screenshots written to ${path.relative(process.cwd(), out)}`);
}

void main();
