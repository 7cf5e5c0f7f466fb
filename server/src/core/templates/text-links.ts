// Prose ↔ table links: which figures stated in prose quote which table quantities. Declared once
// here (cues are the words right before the figure, in the same clause) and evaluated by
// evaluate/text-links.ts.
import { cellRef } from './cell-refs';
import type { CellRef, FormatTemplate } from './types';

export interface TextLink {
  id: string;
  name: { zh: string; en: string };
  /** Matched against the clause text before the figure (from the last 。；，、 or line start). */
  cue: RegExp;
  /** Phrases that disqualify the clause (a different quantity that shares the cue's words). */
  not?: RegExp;
  units: string[];
  /** Must match the sentence up to the figure, or its paragraph before it (e.g. it speaks of 申请 at all). */
  context?: RegExp;
  /** The label as prose names it, when it may be joined with others into one figure ("A及B 42件"). */
  term?: string;
  /**
   * Qualifiers that pick one reading among several ("现行有效" → the 现行有效件数 column, by its
   * header): when the clause holds one, the figure is compared with that reading alone.
   */
  qualifiers?: Array<{ pattern: RegExp; header: RegExp }>;
  /** Accepted readings, each a sum of cells; the figure must equal one of them. */
  readings: (t: FormatTemplate) => CellRef[][];
}

/** "No applications" / "no review or litigation" statements: the table must be all zero. */
export interface ZeroStatement {
  id: string;
  name: { zh: string; en: string };
  /** Matched against a whole sentence. */
  pattern: RegExp;
  cells: (t: FormatTemplate) => CellRef[];
}

/** "结果维持" after a count: the other outcomes of those blocks are 0. */
export interface UpheldStatement {
  id: string;
  /** The link whose figure the statement follows. */
  after: string;
  blocks: string[];
}

const apps = (row: string, column = 'total'): CellRef => cellRef('applications', row, column);
const appeals = (column: string): CellRef => cellRef('appeals', 'values', column);
const groupRows = (t: FormatTemplate, group: string) => t.tables.applications.rows.filter((r) => r.group === group).map((r) => apps(r.id));
const otherRows = (t: FormatTemplate) => t.tables.applications.rows.filter((r) => r.id === 'other' || r.group === 'other').map((r) => apps(r.id));

/** Table 三 quantities are only quoted in sentences about applications. */
const APPLICATION_CONTEXT = /申请/;

const COUNT_UNITS = ['件', '条', '个', '次', '宗', '起', '人次'];
const CASE_UNITS = ['件', '起', '宗', '次', '个'];

export const TEXT_LINKS: TextLink[] = [
  {
    id: 'received',
    name: { zh: '收到的政府信息公开申请', en: 'applications received' },
    cue: /(?:收到|受理|接收|接到|新收)[^，。；]{0,14}(?:申请|依申请公开)[^，。；]{0,4}$/,
    // Channel- or kind-specific counts ("当面申请2件") are parts, not the total.
    not: /当面|信函|网上|网络|邮寄|传真|电子邮件|电话|转办|自然人|法人|企业|其中|结转|办结|答复/,
    units: COUNT_UNITS,
    readings: () => [[apps('new')], [apps('new'), apps('carried')]],
  },
  {
    id: 'carried',
    name: { zh: '上年结转的申请', en: 'applications carried over' },
    cue: /上年(?:度)?结转[^，。；]{0,10}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: () => [[apps('carried')]],
  },
  {
    id: 'concluded',
    name: { zh: '办结的申请', en: 'applications concluded' },
    cue: /(?:办结|办理完毕|答复完毕)[^，。；]{0,8}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: () => [[apps('total')]],
  },
  {
    id: 'carryForward',
    name: { zh: '结转下年度继续办理的申请', en: 'applications carried forward' },
    cue: /结转(?:至)?下(?:一)?年度?[^，。；]{0,8}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: () => [[apps('carryForward')]],
  },
  {
    id: 'granted',
    term: '予以公开',
    name: { zh: '予以公开', en: 'granted' },
    cue: /予以公开[^，。；]{0,4}$/,
    not: /不予以公开/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: () => [[apps('granted')]],
  },
  {
    id: 'partial',
    term: '部分公开',
    name: { zh: '部分公开', en: 'partly granted' },
    cue: /部分公开[^，。；]{0,4}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: () => [[apps('partial')]],
  },
  {
    id: 'withheld',
    term: '不予公开',
    name: { zh: '不予公开', en: 'withheld' },
    cue: /不予(?:以)?公开[^，。；]{0,4}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: (t) => [groupRows(t, 'withheld')],
  },
  {
    id: 'unavailable',
    term: '无法提供',
    name: { zh: '无法提供', en: 'unavailable' },
    cue: /无法提供[^，。；]{0,4}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: (t) => [groupRows(t, 'unavailable')],
  },
  {
    id: 'notProcessed',
    term: '不予处理',
    name: { zh: '不予处理', en: 'not processed' },
    cue: /不予处理[^，。；]{0,4}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: (t) => [groupRows(t, 'notProcessed')],
  },
  {
    id: 'otherHandling',
    term: '其他处理',
    name: { zh: '其他处理', en: 'otherwise handled' },
    cue: /其他处理[^，。；]{0,4}$/,
    units: COUNT_UNITS,
    context: APPLICATION_CONTEXT,
    readings: (t) => [otherRows(t)],
  },
  {
    id: 'review',
    name: { zh: '行政复议', en: 'administrative reviews' },
    cue: /行政复议(?:案件|申请)?[^，。；、和及与或]{0,4}$/,
    not: /诉讼|提案|建议|权责|事项/,
    units: CASE_UNITS,
    readings: () => [[appeals('review.total')]],
  },
  {
    id: 'litigation',
    name: { zh: '行政诉讼', en: 'administrative lawsuits' },
    cue: /行政诉讼(?:案件)?[^，。；、和及与或]{0,4}$/,
    not: /复议后|直接起诉|权责|事项/,
    units: CASE_UNITS,
    readings: () => [[appeals('direct.total'), appeals('afterReview.total')]],
  },
  {
    id: 'normative',
    name: { zh: '规范性文件', en: 'normative documents' },
    cue: /规范性文件[^，。；]{0,4}$/,
    // 部门规范性文件 in a government's report are its departments' (its own are 行政规范性文件).
    not: /解读|清理|备案审查|审查|征求意见|听证|宣传|部门规范性文件/,
    units: ['件', '条', '份', '个'],
    readings: (t) => {
      const block = t.tables.active.blocks.find((b) => b.id === '一');
      const row = block?.rows.find((r) => r.id === 'normative');
      if (!block || !row) return [];
      // Any of the row's figures may be the one quoted (made, published, in force)…
      return block.columns.map((c) => [cellRef('active', row.id, c.id)]);
    },
    // …but a qualified one is its own column's (the readings follow the block's columns: 2019
    // 新制作 · 新公开 · 对外公开总数, 2021 制发 · 废止 · 现行有效).
    qualifiers: [
      { pattern: /现行有效|对外公开总|共有|现有/, header: /现行有效|对外公开总数/ },
      { pattern: /新制作|制发|出台|印发|制定/, header: /新制作|制发/ },
      { pattern: /废止|宣布失效|清理废除/, header: /废止/ },
      { pattern: /新公开/, header: /新公开/ },
    ],
  },
];

export const ZERO_STATEMENTS: ZeroStatement[] = [
  {
    id: 'noApplications',
    name: { zh: '“未收到申请”', en: '"no applications received"' },
    pattern: /(?:未|没有|无)(?:收到|受理|接到|发生)[^。；]{0,16}(?:依申请|政府信息公开申请|公开申请|申请)/,
    cells: (t) => t.tables.applications.columns.map((c) => apps('new', c.id)),
  },
  {
    id: 'noAppeals',
    name: { zh: '“没有行政复议、行政诉讼”', en: '"no administrative review or litigation"' },
    pattern: /(?:未|没有|无)[^。；，]{0,20}(?:行政复议)[^。；]{0,6}(?:或|和|、|及)[^。；]{0,4}行政诉讼/,
    cells: (t) => t.tables.appeals.columns.map((c) => appeals(c.id)),
  },
];

export const UPHELD_STATEMENTS: UpheldStatement[] = [
  { id: 'reviewUpheld', after: 'review', blocks: ['review'] },
  { id: 'litigationUpheld', after: 'litigation', blocks: ['direct', 'afterReview'] },
];

/** Words after a count that say every case was upheld. */
/**
 * Words after a count that say every case was upheld. Not "其中结果维持72件": a count after the
 * words makes them one part of a breakdown, not a statement about all.
 */
export const UPHELD = /^(?:(?!其中)[^。；]){0,6}?(均获维持|均被维持|均予维持|结果(?:均)?(?:为)?维持|均维持|全部维持)(?![^。；，,]{0,3}\d)/;

/**
 * Labels joined into one figure ("予以公开及部分公开42件", "不予公开、无法提供共9件"): the figure is
 * the sum of the joined links' cells. Matched against the sentence up to the figure.
 */
export const COMBINED_JOINERS = '及|和|与|以及|、';
export const COMBINED_TAIL = '(?:两项|二项|三项|几项)?(?:共|合计|共计|总计|分别合计)?[^，。；、]{0,3}$';
