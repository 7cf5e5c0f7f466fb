// npm run hostile: every adversarial input of test/helpers/hostile.ts at full size (or
// JIAOHE_HOSTILE_SCALE), checked by the built CLI one at a time; prints wall time, peak memory
// (RSS, from /usr/bin/time when it is there), the exit code and what the CLI said.
// JIAOHE_HOSTILE_ONLY=txt runs only the inputs whose file name contains it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hostileInputs } from '../test/helpers/hostile';

const scale = Number(process.env.JIAOHE_HOSTILE_SCALE ?? '1');
const cli = path.resolve('dist/cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-hostile-'));
const timer = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
console.log(`hostile inputs at scale ${scale} (limits: 5 s and 300 MB per file)`);
console.log(['input', 'file size', 'seconds', 'peak RSS', 'exit', 'said'].join('\t'));
let over = 0;
const only = process.env.JIAOHE_HOSTILE_ONLY;
for (const input of hostileInputs(scale).filter((i) => !only || i.name.includes(only))) {
  const file = path.join(dir, input.name);
  const bytes = input.make();
  writeFileSync(file, bytes);
  const started = process.hrtime.bigint();
  const args = [cli, 'check', file, '--format', 'json'];
  const run = timer
    ? spawnSync(timer, ['-f', 'JIAOHE_RSS_KB=%M', process.execPath, ...args], { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /JIAOHE_RSS_KB=(\d+)/.exec(run.stderr ?? '')?.[1];
  const said = (run.stderr ?? '').split('\n').filter((l) => l && !l.startsWith('JIAOHE_RSS_KB') && !/^\d+ files?,/.test(l)).join(' | ').slice(0, 160);
  const mb = rss ? Number(rss) / 1024 : undefined;
  if (seconds > 5 || (mb ?? 0) > 300 || run.status === null) over++;
  console.log([input.what, `${(bytes.length / 1024).toFixed(0)} KB`, seconds.toFixed(1), mb ? `${mb.toFixed(0)} MB` : '—', run.status ?? `killed (${run.signal})`, said].join('\t'));
  rmSync(file);
}
rmSync(dir, { recursive: true, force: true });
console.log(over ? `${over} input(s) over the limits` : 'every input within the limits');
process.exit(over ? 1 : 0);
