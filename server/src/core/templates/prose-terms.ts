// Quantities that reports state in prose, for figure-repeat: the same quantity stated twice with
// different values ("政策解读 6 条" … "政策解读 7 条"). Scope words mark a different quantity.

export const QUANTITY_TERMS = [
  '政策解读', '新闻发布会', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费',
  '政府信息公开申请', '依申请公开', '政务新媒体', '微信公众号', '政务微博', '政府网站', '主动公开政府信息',
  '人大代表建议', '政协委员提案', '建议提案', '回应关切', '网民留言', '在线访谈', '政务公开培训', '业务培训',
  '重大行政决策', '公开指南', '公开目录', '年度报告',
] as const;

/** Words that make two statements about one term different quantities (scope, period, channel, part). */
export const SCOPE_WORDS =
  /本级|本地|上级|转发|全区|全市|全县|全省|全镇|全乡|各类|各部门|各单位|乡镇|街道|新增|同比|去年|上年|累计|微信|微博|新媒体|其他|其它|合计|涉及|其中|以上|以下|平均|每|月|季度|共/;

/**
 * Measures of one term that are different quantities ("现行有效规范性文件393件" is not "本年制发…77件"):
 * two statements repeat each other only when they carry the same of these.
 */
export const QUANTITY_QUALIFIERS: readonly RegExp[] = [
  /现行有效/, /制发|新制作|出台|印发|制定/, /废止|失效/, /新公开|公开发布/, /对外公开总/,
  /办结|答复/, /收到|受理|新收/, /处理决定/,
];
