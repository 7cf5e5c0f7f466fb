// The reviewer's memo (--format memo): a Word document read back with the project's own .docx
// importer says the same problems as --format json, grouped and placed; LibreOffice opens it when
// it is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze, placeIndex, placeOf } from '../../server/src/core';
import { importReport } from '../../server/src/import';
import { chineseCount } from '../../server/src/cli/output/memo';
import { FIXTURES } from '../helpers/fixtures';
import { docxFromText } from '../helpers/documents';
import { REPO_ROOT } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });

interface JsonFile {
  file: string;
  error?: string;
  skipped?: string;
  diagnostics: Array<{ severity: string; message: string; line: number }>;
}

/** The memo's groups and the severities each holds (in the findings' order). */
const GROUPS: Record<string, string[]> = { 必须改正: ['error'], 建议修改: ['warning'], 供参考: ['information', 'hint'] };

/** The memo's text, cut per report at its heading "（一）…". */
function perReport(text: string): string[] {
  const details = text.slice(text.indexOf('二、逐份审核意见'));
  return details.split(/\n(?=（[一二三四五六七八九十]+）)/).slice(1);
}

describe('jiaohe check --format memo', () => {
  const dir = tempDir('jiaohe-memo-');
  const memo = path.join(dir, '审核意见.docx');
  let json: JsonFile[] = [];
  let text = '';

  before(async () => {
    writeFileSync(path.join(dir, 'a-wrong-total.txt'), FIXTURES['wrong total']().replace('某县人民政府', '东岭县人民政府'));
    writeFileSync(path.join(dir, 'b-title-variant.txt'), FIXTURES['title variant']().replace('某县人民政府', '西川镇人民政府'));
    writeFileSync(path.join(dir, 'c-breakdown.docx'), await docxFromText(FIXTURES['breakdown exceeds']().replace('某县人民政府', '南坪区人民政府')));
    writeFileSync(path.join(dir, 'd-minutes.txt'), '会议纪要\n\n研究了植树活动的安排。\n');
    writeFileSync(path.join(dir, 'e-broken.docx'), 'not a zip');
    const r = run('check', dir, '--format', 'json', '--lang', 'zh');
    json = JSON.parse(r.stdout) as JsonFile[];
    const m = run('check', dir, '--format', 'memo', '--output', memo, '--lang', 'zh');
    assert.equal(m.status, r.status, m.stderr);
    assert.equal(m.stdout, '', 'the memo goes to its file, nothing to stdout');
    const back = await importReport(readFileSync(memo), 'memo.docx');
    assert.ok(back.report, back.error?.en);
    text = back.report.text;
  });

  it('reads back with the same problems as --format json, each in its group, numbered from 1', () => {
    const sections = perReport(text);
    const byName = (file: string) => sections.find((s) => s.includes(`文件：${path.basename(file)}`));
    const reports = json.filter((f) => !f.error && !f.skipped);
    assert.equal(reports.length, 3);
    for (const f of reports) {
      const section = byName(f.file);
      assert.ok(section, `a section for ${f.file}`);
      assert.ok(f.diagnostics.length > 0);
      for (const [group, severities] of Object.entries(GROUPS)) {
        const expected = f.diagnostics.filter((d) => severities.includes(d.severity));
        const heading = new RegExp(`\\n${group}（(\\d+)项）\\n`).exec(section);
        if (expected.length === 0) {
          assert.equal(heading, null, `${f.file}: no ${group} group`);
          continue;
        }
        assert.ok(heading, `${f.file}: a ${group} group`);
        assert.equal(Number(heading[1]), expected.length);
        const items = section.slice(heading.index + heading[0].length).split('\n').filter((l) => /^\d+\./.test(l)).slice(0, expected.length);
        expected.forEach((d, i) => {
          assert.ok(items[i].startsWith(`${i + 1}.${d.message}（位置：`), `${f.file} item ${i + 1}: ${items[i]}`);
        });
      }
    }
  });

  it('has a summary table of every file with its body, year, counts and conclusion', () => {
    // The memo read back: each table row a line of cells between bars.
    const rows = text.split('\n').filter((l) => /^\| \d+ \|/.test(l)).map((l) => l.slice(2, -2).split(' | '));
    assert.equal(rows.length, json.length);
    const row = (file: string) => rows.find((r) => r[3] === file)!;
    const counts = (file: string) => {
      const f = json.find((x) => path.basename(x.file) === file)!;
      return [String(f.diagnostics.filter((d) => d.severity === 'error').length), String(f.diagnostics.filter((d) => d.severity === 'warning').length)];
    };
    assert.deepEqual(row('a-wrong-total.txt').slice(1, 3), ['东岭县人民政府', '2020']);
    assert.deepEqual(row('a-wrong-total.txt').slice(4), [...counts('a-wrong-total.txt'), '需改正后重新报送']);
    assert.deepEqual(row('b-title-variant.txt').slice(4), [...counts('b-title-variant.txt'), '建议修改']);
    assert.equal(row('c-breakdown.docx')[1], '南坪区人民政府');
    assert.equal(row('d-minutes.txt')[6], '不是年度报告');
    assert.equal(row('e-broken.docx')[6], '无法读取');
    assert.match(text, /共审核 5 份文件，其中需改正后重新报送 2 份，建议修改 1 份，未发现问题 0 份，未能审核 2 份。/);
  });

  it('says where each problem stands: section, table row and column; the line, or the place in the .docx', () => {
    const wrong = perReport(text).find((s) => s.includes('a-wrong-total.txt'))!;
    assert.match(wrong, /（位置：三、收到和处理政府信息公开申请情况 · 表三 “（七）总计”行 “总计”列；第\d+行）/);
    const docx = perReport(text).find((s) => s.includes('c-breakdown.docx'))!;
    assert.match(docx, /（位置：一、总体情况；第\d+段）/);
  });

  it('needs --output (a Word document does not go to a terminal)', () => {
    const r = run('check', dir, '--format', 'memo');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format memo writes a Word document/);
  });

  it('opens in LibreOffice', { skip: libreOffice() ? false : 'skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)' }, () => {
    const out = tempDir('jiaohe-lo-');
    const r = spawnSync(libreOffice()!, ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, memo], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const converted = readFileSync(path.join(out, '审核意见.txt'), 'utf8');
    assert.match(converted, /政府信息公开工作年度报告审核意见/);
    assert.match(converted, /东岭县人民政府2020年度报告/);
    // LibreOffice numbers the list itself: its text shows the number Word would, before the message.
    const first = json.find((f) => f.file.endsWith('a-wrong-total.txt'))!.diagnostics[0].message;
    assert.ok(converted.split('\n').some((l) => /^\s*1\.\s/.test(l) && l.includes(first.slice(0, 12))), converted.slice(0, 2000));
  });
});

function libreOffice(): string | undefined {
  return ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
}

describe('places in the report', () => {
  it('name the section, the table row and the column of a finding', () => {
    const analysis = analyze(FIXTURES['wrong total']());
    const index = placeIndex(analysis.model);
    const identity = analysis.findings.find((f) => f.rule === 'figure-identity')!;
    assert.deepEqual(placeOf(index, identity.span.start), {
      zh: '三、收到和处理政府信息公开申请情况 · 表三 “（七）总计”行 “总计”列',
      en: 'section 三 (收到和处理政府信息公开申请情况) · table 三, row “（七）总计”, column “总计”',
    });
    assert.equal(placeOf(index, 0), undefined, 'the title stands before every section');
  });

  it('count reports in Chinese numerals', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 35, 99, 100].map(chineseCount), ['一', '九', '十', '十一', '二十', '三十五', '九十九', '100']);
  });
});
