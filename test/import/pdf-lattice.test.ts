// Ruled PDF tables: the painted lines make the grid, every text run goes to the box it stands in.
// Hand-made pages in the shapes real exports have (Word, LibreOffice, a city's PDF): a header wrapped
// over lines, a label merged down over its rows (one character per line), a blank cell, a merged
// cell cut by a page break; and the operator list read into ruling lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinAcrossPageBreak, latticeTables } from '../../server/src/import/pdf/lattice';
import type { Run } from '../../server/src/import/pdf/rows';
import { rulingsOf, type DrawCodes, type Segment } from '../../server/src/import/pdf/rulings';

const run = (text: string, x: number, y: number, size = 9): Run => ({ text, x, y, size, width: [...text].length * size });
const h = (y: number, x1: number, x2: number): Segment => ({ dir: 'h', x1, x2, y1: y, y2: y });
const v = (x: number, y1: number, y2: number): Segment => ({ dir: 'v', x1: x, x2: x, y1, y2 });

/**
 * Columns at x = 100 | 130 | 230 | 270 | 310 | 350; rows (top down) at y = 700 | 670 | 650 | 630 | 610.
 * Row 1 is the header; column 1 (100–130) holds one label merged down over rows 2–4.
 */
function page(): { runs: Run[]; rulings: Segment[] } {
  const rulings = [
    h(700, 100, 350), h(670, 100, 350), h(650, 130, 350), h(630, 130, 350), h(610, 100, 350),
    v(100, 610, 700), v(130, 610, 700), v(230, 610, 700), v(270, 610, 700), v(310, 610, 700), v(350, 610, 700),
  ];
  const runs = [
    run('项目', 140, 685),
    // "社会公益组织" wrapped over three lines in a narrow header cell.
    run('社 会', 235, 690), run('公 益', 235, 681), run('组织', 235, 672),
    run('自然人', 275, 685), run('总计', 315, 685),
    // The merged label, one character per line, centred in rows 2–4.
    run('三', 110, 652), run('、', 110, 643), run('结', 110, 634), run('果', 110, 625),
    run('（一）予以公开', 135, 657), run('3', 245, 657), run('3', 285, 657), run('6', 325, 657),
    // A blank cell: nothing printed under 自然人 in this row.
    run('（二）部分公开', 135, 637), run('1', 245, 637), run('1', 325, 637),
    run('（七）总计', 135, 617), run('4', 245, 617), run('3', 285, 617), run('7', 325, 617),
    // Prose below the table is left to the line layout.
    run('以上为本年度情况。', 100, 580),
  ];
  return { runs, rulings };
}

describe('PDF tables from their rulings', () => {
  it('puts each run in its box: wrapped headers and merged labels are one cell, a blank keeps its column', () => {
    const { runs, rulings } = page();
    const { tables, rest } = latticeTables(runs, rulings);
    assert.equal(tables.length, 1);
    assert.deepEqual(tables[0].rows.map((r) => r.map((c) => c.text)), [
      ['', '项目', '社会公益组织', '自然人', '总计'],
      ['三、结果', '（一）予以公开', '3', '3', '6'],
      ['', '（二）部分公开', '1', '', '1'],
      ['', '（七）总计', '4', '3', '7'],
    ]);
    assert.deepEqual(rest.map((r) => r.text), ['以上为本年度情况。']);
    // The merged label spans three rows; its rows below the first point back to it.
    const merged = tables[0].rows[1][0];
    assert.equal(merged.rowSpan, 3);
    assert.equal(tables[0].rows[2][0].origin, merged);
  });
  it('makes no column from a gap: a table with wide gaps between numbers keeps its ruled columns', () => {
    const { runs, rulings } = page();
    const spread = runs.map((r) => (r.text === '3' && r.x === 245 ? { ...r, x: 231 } : r));
    const { tables } = latticeTables(spread, rulings);
    assert.equal(tables[0].rows[1].length, 5);
  });
  it('leaves a page without rulings to the line layout', () => {
    const { runs } = page();
    const { tables, rest } = latticeTables(runs, [h(700, 100, 350)]);
    assert.deepEqual(tables, []);
    assert.equal(rest.length, runs.length);
  });
  it('joins a merged label cut by a page break, but not a new label at the top of the page', () => {
    const cell = (text: string, first = true, rowSpan = 1) => ({ text, left: 100, right: 130, rowSpan, first });
    const foot = [cell('（四）无'), { ...cell('1.本机关不掌握相关政府信息'), left: 130, right: 230 }];
    const head = [cell('法提供', true, 2), { ...cell('2.没有现成信息需要另行制作'), left: 130, right: 230 }];
    joinAcrossPageBreak(foot, head);
    assert.equal(foot[0].text, '（四）无法提供');
    assert.equal(head[0].text, '');
    const next = [cell('（五）不予处理', true, 5)];
    joinAcrossPageBreak(foot, next);
    assert.equal(next[0].text, '（五）不予处理');
  });
});

describe('ruling lines from the operator list', () => {
  const codes: DrawCodes = { save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paints: [20, 22], strokes: [20] };
  it('keeps stroked straight lines and thin filled bars, under the current transform; clipping paths are no lines', () => {
    const fn = [12, 91, 91, 10, 12, 91, 11, 91];
    const args = [
      [1, 0, 0, -1, 0, 842], // a flipped page, as Word exports it
      [20, [new Float32Array([0, 50, 100, 1, 300, 100])], null], // stroked: y 100 → 742
      [28, [new Float32Array([0, 0, 0, 1, 595, 0, 1, 595, 842, 1, 0, 842, 4])], null], // endPath: a clip
      null,
      [1, 0, 0, 1, 10, 0],
      [22, [new Float32Array([0, 50, 200, 1, 51, 200, 1, 51, 300, 1, 50, 300, 4])], null], // a 1-pt filled bar: a vertical line at x 60.5
      null,
      [20, [new Float32Array([0, 0, 0, 1, 30, 40])], null], // a slanted stroke is no ruling
    ];
    const segments = rulingsOf(fn, args, codes);
    assert.deepEqual(segments.map((s) => [s.dir, Math.round(s.x1 * 10) / 10, Math.round(s.y1), Math.round(s.x2 * 10) / 10, Math.round(s.y2)]), [
      ['h', 50, 742, 300, 742],
      ['v', 60.5, 542, 60.5, 642],
    ]);
  });
});
