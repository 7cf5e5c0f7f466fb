// An editor passes the model before each edit (AnalyzeOptions.previous): the lines the edit left as
// they were are taken from it by position (their figures, their inline cuts). The model and the
// findings must be those of an analysis without it, after every edit: lines moved down or up,
// joined, split, cut inline, in tables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core';
import { buildModel } from '../../server/src/core/model/build';
import { Unchanged } from '../../server/src/core/model/unchanged';
import { SourceText } from '../../server/src/core/text/source';
import { prng } from '../helpers/random-edits';
import { randomEdits } from '../helpers/random-edits';
import { sk2019, sk2021 } from '../helpers/findings';
import { NEEDS_SEEDS, readSeed, REPO_ROOT, SEED_IDS } from '../helpers/seeds';

const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'test', 'corpus', 'fixtures', name), 'utf8');

/** What an analysis says, as plain data (figures with their places, the findings with theirs). */
function said(a: Analysis) {
  const { model } = a;
  return {
    lines: [[...model.source.lineStarts], [...model.source.lineEnds]],
    layout: Array.from({ length: model.lines.length }, (_, i) => [model.lines.startOf(i), model.lines.endOf(i)]),
    inlineCuts: [...model.inlineCuts],
    figures: model.figures.map((f) => [f.start, f.end, f.text, f.value.toString(), f.unit, f.approx, f.line, f.whole.start, f.whole.end]),
    figureLines: model.figureLines.map((l) => [l.line, l.first, l.count]),
    figuresRead: [...model.figuresRead],
    findings: a.findings.map((f) => [f.rule, f.span.start, f.span.end, f.message.en, f.related.map((r) => [r.span.start, r.span.end])]),
  };
}

function followEdits(text: string, count: number, seed: number, typing: boolean): number {
  let previous = analyze(text);
  let reused = 0;
  for (const step of randomEdits(text, count, seed, typing)) {
    const next = analyze(step.text, { previous: previous.model });
    assert.deepEqual(said(next), said(analyze(step.text)), `after edit ${JSON.stringify(step.change)}`);
    // (Objects carried over as they were: the lines before the edit.)
    reused += next.model.figures.filter((f) => previous.model.figures.includes(f)).length;
    previous = next;
  }
  return reused;
}

describe('analysis after an edit, from the model before it', () => {
  const own: Array<[string, () => string]> = [
    ['a one-line crawled report (cut inline)', () => fixture('qinghe-2020-one-line.txt')],
    ['a one-line report between lines of prose (its cuts kept or moved)', () => {
      const prose = Array.from({ length: 40 }, (_, i) => `附记${i + 1}：本年度另收到咨询${i + 3}件，答复${i + 3}件。`);
      return [...prose.slice(0, 20), fixture('qinghe-2020-one-line.txt').trim(), ...prose.slice(20)].join('\n');
    }],
    ['a web copy with one cell per line', () => fixture('beitang-2022-one-cell-bars.txt')],
    ['prose with scoped figures', () => fixture('dongchuan-2023-prose-scope.txt')],
    ['the 2019 skeleton with prose', () => sk2019().replace('（请填写。）', '全年共收到政府信息公开申请12件，其中网络申请5件、信函申请7件。\n\n本年制发规范性文件6件。')],
    ['the 2021 skeleton', sk2021],
  ];
  for (const [name, text] of own) {
    it(`gives what an analysis without it gives, edit after edit: ${name}`, () => {
      const reused = followEdits(text(), 60, 11, false) + followEdits(text(), 60, 12, true);
      assert.ok(reused > 0, 'figures before an edit are taken from the model before it');
    });
  }
  it('gives what an analysis without it gives on the real reports', { skip: NEEDS_SEEDS }, () => {
    for (const id of SEED_IDS) followEdits(readSeed(id), 30, 21, true);
  });
  it('finds each unchanged line where it was, before the edit and moved after it', () => {
    const lines = ['全年共收到申请12件。', '其中网络申请5件。', '本年制发规范性文件6件。', '行政复议1件。'];
    const before = sk2019().replace('（请填写。）', lines.join('\n'));
    const inserted = '新增一行，共3件。\n';
    const at = before.indexOf(lines[2]);
    const after = before.slice(0, at) + inserted + before.slice(at);
    const unchanged = Unchanged.between(buildModel(before), after)!;
    const model = buildModel(after);
    const shiftOf = (text: string) => {
      const i = model.figureLines.find((l) => model.lines.textOf(l.line) === text)!.line;
      return unchanged.figuresOf(model.lines.at(i))?.shift;
    };
    assert.equal(shiftOf(lines[0]), 0);
    assert.equal(shiftOf(lines[1]), 0);
    assert.equal(shiftOf('新增一行，共3件。'), undefined);
    assert.equal(shiftOf(lines[2]), inserted.length);
    assert.equal(shiftOf(lines[3]), inserted.length);
  });
  it('finds the lines of an edited text, breaks of \\r, \\n and \\r\\n cut or joined by the edit', () => {
    const rnd = prng(31);
    const pieces = ['a', '申', '\r', '\n', '\r\n', '\n\r', ''];
    const some = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    for (let k = 0; k < 5000; k++) {
      const before = some(1 + Math.floor(rnd() * 12));
      const at = Math.floor(rnd() * (before.length + 1));
      const cut = Math.min(before.length, at + Math.floor(rnd() * 3));
      const after = before.slice(0, at) + some(Math.floor(rnd() * 3)) + before.slice(cut);
      let prefix = 0;
      while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++;
      let suffix = 0;
      while (suffix < Math.min(before.length, after.length) - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      const edited = SourceText.edited(new SourceText(before), after, prefix, after.length - suffix, after.length - before.length);
      const fresh = new SourceText(after);
      assert.deepEqual([[...edited.lineStarts], [...edited.lineEnds]], [[...fresh.lineStarts], [...fresh.lineEnds]], JSON.stringify([before, after]));
    }
  });
  it('is only a shortcut: another document as "previous" changes nothing', () => {
    const a = analyze(fixture('dongchuan-2023-prose-scope.txt'));
    const text = fixture('qinghe-2020-one-line.txt');
    assert.deepEqual(said(analyze(text, { previous: a.model })), said(analyze(text)));
  });
});
