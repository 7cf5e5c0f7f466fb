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
  /本级|本地|上级|转发|全区|全市|全县|全省|全镇|全乡|各类|各部门|各单位|部门|乡镇|街道|新增|同比|去年|上年|累计|微信|微博|新媒体|其他|其它|合计|涉及|其中|以上|以下|平均|每|月|季度|共/;

/**
 * Measures of one term that are different quantities ("现行有效规范性文件393件" is not "本年制发…77件"):
 * two statements repeat each other only when they carry the same of these.
 */
export const QUANTITY_QUALIFIERS: readonly RegExp[] = [
  /现行有效/, /制发|新制作|出台|印发|制定/, /废止|失效/, /新公开|公开发布/, /对外公开总/,
  /办结|答复/, /收到|受理|新收/, /处理决定/,
];

// The breakdown grammar ("共…X条，其中A条、B条"), read by evaluate/breakdowns.ts.

/** Words before a figure that make it the total of a list that opens the next sentence. */
export const BREAKDOWN_TOTAL_MARKER = /(?:共|累计|总计|合计|共计|总数|总量|全年)[^，。；]{0,16}$/;
/** A list that names its remainder ("其他…") is complete; otherwise a short sum may be a selection. */
export const BREAKDOWN_REMAINDER = /其他|其它|其余|剩余|另有/;
/** A ；-clause that opens with a verb is a new statement, not one more part of the list. */
export const BREAKDOWN_NEW_STATEMENT = /^[\s，,]*(?:[一二三四五六七八九十]是)?(?:公开|发布|组织|开展|召开|举办|印发|制定|出台|完成|办理|收到|受理|回应|处理|更新|编制|梳理|建立|推进|加强|审核|报送|接待|参加|培训|共|全年|此外|另外|同时)/;
/** Words that make a list a selection ("主要包括…等"): its parts need not add up to the total. */
export const BREAKDOWN_SELECTION = /等|主要|包括|例如|如/;
