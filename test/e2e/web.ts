// Host 2: real VS Code offline — code-server (installed from the npm registry, cached under
// .vscode-test/) with the built extension and a runner extension that runs the e2e suite in the
// extension host; Debian's Chromium (playwright-core) opens the workbench, which starts that host.
// Saves screenshots of what a user sees. Exits 1 when any test fails; skips, saying why, only when
// Chromium or ripgrep is missing (.ci/run installs both).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumMissing, launch } from '../helpers/browser';
import { FIXTURES } from '../helpers/fixtures';
import { NEEDS_SEEDS, REPO_ROOT } from '../helpers/seeds';
import type { Outcome } from './suite/harness';
import { makeWorkspace } from './workspace';

const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER = path.join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const SCREENSHOTS = path.join(REPO_ROOT, 'test', 'e2e', 'screenshots');
const SUITE_TIMEOUT_MS = 6 * 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The extension as it ships (the files the .vsix holds), and the runner, in an extensions folder. */
function extensionsFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-e2e-ext-'));
  const ext = path.join(dir, 'jiaohe.jiaohe-0.1.0');
  mkdirSync(ext);
  for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'language-configuration.json', 'README.md', 'LICENSE']) cpSync(path.join(REPO_ROOT, f), path.join(ext, f));
  for (const d of ['dist', 'syntaxes', 'schemas', 'snippets', 'l10n', 'images']) cpSync(path.join(REPO_ROOT, d), path.join(ext, d), { recursive: true, filter: (src) => !src.endsWith('.map') });
  const runner = path.join(dir, 'jiaohe.jiaohe-e2e-runner-0.0.1');
  mkdirSync(runner);
  cpSync(path.join(REPO_ROOT, 'test', 'e2e', 'runner', 'package.json'), path.join(runner, 'package.json'));
  cpSync(path.join(REPO_ROOT, 'out', 'e2e', 'runner', 'extension.js'), path.join(runner, 'extension.js'));
  return dir;
}

function userDataFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-e2e-user-'));
  mkdirSync(path.join(dir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'editor.fontFamily': "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
  };
  writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

function startCodeServer(port: number, workspace: string): Promise<ChildProcess> {
  const args = [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--extensions-dir', extensionsFolder(), '--user-data-dir', userDataFolder(), workspace];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/HTTP server listening/.test(log)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${log}`)));
  });
}

async function waitForResults(file: string, page: Page): Promise<Outcome[]> {
  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { outcomes: Outcome[] }).outcomes;
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, 'timeout.tmp.png') });
  throw new Error(`no results after ${SUITE_TIMEOUT_MS / 1000} s (screenshot: test/e2e/screenshots/timeout.tmp.png)`);
}

/** Runs a command by name through the command palette (F1), as a user does. */
async function command(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 10_000 }).catch(async (error) => {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'failed.tmp.png') });
    throw error;
  });
  await page.keyboard.type(name);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

async function openFile(page: Page, relative: string, line?: number, column?: number): Promise<void> {
  await command(page, 'Go to File');
  await page.waitForTimeout(300);
  await page.keyboard.type(relative);
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { state: 'visible' });
  if (line !== undefined) {
    await command(page, 'Go to Line/Column');
    await page.keyboard.type(`${line}:${column ?? 1}`);
    await page.keyboard.press('Enter');
  }
  await page.waitForTimeout(1500);
}

/** What a user sees: the Problems panel on a real report, a hover on a total, the quick-fix menu, the outline. */
async function screenshots(page: Page, workspace: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });
  const wrong = FIXTURES['wrong total']();
  writeFileSync(path.join(workspace, 'scratch', 'wrong-total.txt'), wrong);
  const lines = wrong.split('\n');
  const totalLine = lines.findIndex((l) => l.startsWith('（七）总计'));
  const totalColumn = lines[totalLine].lastIndexOf('18') + 1;

  // Keys go to the workbench only once it has focus.
  await page.mouse.click(700, 450);
  await command(page, 'View: Close All Editors');
  // A file a test left unsaved asks first: nothing of the tests needs keeping.
  await page.getByRole('button', { name: "Don't Save" }).click({ timeout: 2000 }).catch(() => undefined);
  await openFile(page, 'report-001.txt');
  await command(page, 'View: Focus Problems');
  await page.waitForTimeout(1500);
  await shot('problems.png');

  await openFile(page, 'wrong-total.txt', totalLine + 1, totalColumn);
  await command(page, 'Show or Focus Hover');
  await page.waitForSelector('.monaco-hover', { state: 'visible', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(800);
  await shot('hover.png');

  await page.keyboard.press('Escape');
  await command(page, 'Quick Fix...');
  await page.waitForTimeout(1500);
  await shot('quick-fix.png');
  await page.keyboard.press('Escape');

  await openFile(page, 'report-000.txt');
  await command(page, 'Explorer: Focus on Outline View');
  await page.waitForTimeout(1500);
  await shot('outline.png');
}

async function main(): Promise<number> {
  // (The suite opens the five real reports: a clone on its own has none to open.)
  const missing = NEEDS_SEEDS || chromiumMissing() || (spawnSync('rg', ['--version']).error ? 'skipped: no ripgrep (apt-get install ripgrep)' : undefined);
  if (missing) {
    console.log(`test:e2e:web ${missing}`);
    return 0;
  }
  const install = spawnSync('bash', [path.join(REPO_ROOT, 'test', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('test:e2e:web: installing code-server failed');
    return 1;
  }
  const workspace = await makeWorkspace();
  const results = path.join(workspace, '.e2e-results.json');
  const port = await freePort();
  const server = await startCodeServer(port, workspace);
  const browser = await launch();
  let outcomes: Outcome[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    outcomes = await waitForResults(results, page);
    for (const o of outcomes) console.log(`${o.ok ? '✔' : '✖'} ${o.name} (${o.ms} ms)${o.ok ? '' : `\n${o.error}`}`);
    await screenshots(page, workspace);
  } finally {
    await browser.close();
    server.kill();
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  console.log(`${outcomes.length - failed} passed, ${failed} failed`);
  return failed > 0 || outcomes.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:e2e:web: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
