// Host 1: desktop VS Code through @vscode/test-electron. Uses VSCODE_EXECUTABLE when set, else the
// usual download; where no VS Code can be had (offline) it says so in one line and exits 0.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { NEEDS_SEEDS, REPO_ROOT } from '../helpers/seeds';
import { makeWorkspace } from './workspace';

async function main(): Promise<number> {
  // The suite opens the five real reports: a clone on its own has none to open.
  if (NEEDS_SEEDS) {
    console.log(`test:e2e ${NEEDS_SEEDS}`);
    return 0;
  }
  const workspace = await makeWorkspace();
  const options = {
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'out', 'e2e', 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
  };
  try {
    return await runTests(options);
  } catch (error) {
    const text = String(error);
    // The download failing (no network) or no display for Electron: nothing ran, say so plainly.
    if (!process.env.VSCODE_EXECUTABLE && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download|fetch failed|network/i.test(text)) {
      console.log(`test:e2e skipped: no desktop VS Code could be had (download failed: ${text.split('\n')[0]}). Set VSCODE_EXECUTABLE to a local VS Code to run it.`);
      return 0;
    }
    console.error(`test:e2e failed: ${text}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
