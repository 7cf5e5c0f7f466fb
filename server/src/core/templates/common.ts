// Parts shared by the 2019 and 2021 formats: table 三 (but for its （六） rows) and table 四.
import type { AppealsTableSpec, ColumnSpec, GroupSpec, RowSpec } from './types';

const count = (id: string, header: string, short = header): ColumnSpec => ({ id, header, short, kind: 'count' });

/** Table 三 columns: 自然人, five kinds of 法人或其他组织, 总计 (no subtotal column). */
export const APPLICANT_COLUMNS: ColumnSpec[] = [
  count('person', '自然人'),
  count('business', '商业企业'),
  count('research', '科研机构'),
  count('charity', '社会公益组织'),
  count('legal', '法律服务机构'),
  count('otherOrg', '其他'),
  count('total', '总计'),
];

/** The parts that I1 adds up to the 总计 column. */
export const APPLICANT_PART_COLUMNS = APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);

export const APPLICATION_HEADERS = [
  '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和',
  '申请人情况',
  '法人或其他组织',
  ...APPLICANT_COLUMNS.map((c) => c.header),
];

export const APPLICATION_GROUPS_COMMON: GroupSpec[] = [
  { id: 'results', label: '三、本年度办理结果', keys: ['本年度办理结果'] },
  { id: 'withheld', label: '（三）不予公开', keys: ['不予公开'] },
  { id: 'unavailable', label: '（四）无法提供', keys: ['无法提供'] },
  { id: 'notProcessed', label: '（五）不予处理', keys: ['不予处理'] },
];

const row = (id: string, label: string, keys: string[], ordinal?: string, group?: string): RowSpec => ({
  id,
  label,
  keys,
  ordinal,
  group,
});

export const APPLICATION_ROWS_HEAD: RowSpec[] = [
  row('new', '一、本年新收政府信息公开申请数量', ['本年新收政府信息公开申请数量', '本年新收'], '一'),
  row('carried', '二、上年结转政府信息公开申请数量', ['上年结转政府信息公开申请数量', '上年结转'], '二'),
  row('granted', '（一）予以公开', ['予以公开'], '(一)', 'results'),
  row(
    'partial',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    ['部分公开(区分处理的,只计这一情形,不计其他情形)', '部分公开'],
    '(二)',
    'results',
  ),
  row('withheld.1', '1.属于国家秘密', ['属于国家秘密'], '1', 'withheld'),
  row('withheld.2', '2.其他法律行政法规禁止公开', ['其他法律行政法规禁止公开'], '2', 'withheld'),
  row('withheld.3', '3.危及“三安全一稳定”', ['危及“三安全一稳定”', '危及三安全一稳定'], '3', 'withheld'),
  row('withheld.4', '4.保护第三方合法权益', ['保护第三方合法权益'], '4', 'withheld'),
  row('withheld.5', '5.属于三类内部事务信息', ['属于三类内部事务信息'], '5', 'withheld'),
  row('withheld.6', '6.属于四类过程性信息', ['属于四类过程性信息'], '6', 'withheld'),
  row('withheld.7', '7.属于行政执法案卷', ['属于行政执法案卷'], '7', 'withheld'),
  row('withheld.8', '8.属于行政查询事项', ['属于行政查询事项'], '8', 'withheld'),
  row('unavailable.1', '1.本机关不掌握相关政府信息', ['本机关不掌握相关政府信息'], '1', 'unavailable'),
  row('unavailable.2', '2.没有现成信息需要另行制作', ['没有现成信息需要另行制作'], '2', 'unavailable'),
  row('unavailable.3', '3.补正后申请内容仍不明确', ['补正后申请内容仍不明确'], '3', 'unavailable'),
  row('notProcessed.1', '1.信访举报投诉类申请', ['信访举报投诉类申请'], '1', 'notProcessed'),
  row('notProcessed.2', '2.重复申请', ['重复申请'], '2', 'notProcessed'),
  row('notProcessed.3', '3.要求提供公开出版物', ['要求提供公开出版物'], '3', 'notProcessed'),
  row('notProcessed.4', '4.无正当理由大量反复申请', ['无正当理由大量反复申请'], '4', 'notProcessed'),
  row(
    'notProcessed.5',
    '5.要求行政机关确认或重新出具已获取信息',
    ['要求行政机关确认或重新出具已获取信息'],
    '5',
    'notProcessed',
  ),
];

export const APPLICATION_ROWS_TAIL: RowSpec[] = [
  row('total', '（七）总计', ['总计'], '(七)', 'results'),
  row('carryForward', '四、结转下年度继续办理', ['结转下年度继续办理', '结转下年度'], '四'),
];

/** The single 2019 （六） row. */
export const OTHER_ROW_2019: RowSpec = row('other', '（六）其他处理', ['其他处理'], '(六)', 'results');

/** The 2021 （六） group and its three rows. */
export const OTHER_GROUP_2021: GroupSpec = { id: 'other', label: '（六）其他处理', keys: ['其他处理'] };
export const OTHER_ROWS_2021: RowSpec[] = [
  row(
    'other.1',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '逾期不补正'],
    '1',
    'other',
  ),
  row(
    'other.2',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '逾期未按收费通知', '缴纳费用'],
    '2',
    'other',
  ),
  row('other.3', '3.其他', ['其他'], '3', 'other'),
];

const OUTCOMES: Array<[string, string]> = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['otherResult', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

export const APPEAL_BLOCKS: Array<{ id: string; name: string }> = [
  { id: 'review', name: '行政复议' },
  { id: 'direct', name: '行政诉讼·未经复议直接起诉' },
  { id: 'afterReview', name: '行政诉讼·复议后起诉' },
];

/** Table 四: one row of 15 values, three blocks of five outcomes. */
export const APPEALS_TABLE: AppealsTableSpec = {
  kind: 'appeals',
  headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...OUTCOMES.map(([, h]) => h)],
  columns: APPEAL_BLOCKS.flatMap((b) =>
    OUTCOMES.map(([o, header]) => count(`${b.id}.${o}`, header, `${b.name}·${header}`)),
  ),
  rows: [row('values', '行政复议、行政诉讼', [])],
};

export const APPEAL_OUTCOME_IDS = OUTCOMES.map(([id]) => id);
