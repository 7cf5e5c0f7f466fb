// A document over the analysis budget (analyze.ts, MAX_ANALYSED_CHARS) is checked only up to it:
// said once, where the checked part ends, so that a clean result is never taken for the whole.
import { withThousands } from '../text/chars';
import type { Check } from './types';

export const documentTooLarge: Check = {
  id: 'document-too-large',
  description: { zh: '文档过大，只检查了前一部分', en: 'Document too large: only its first part was checked' },
  defaultSeverity: 'warning',
  fixable: false,
  run(ctx) {
    const cut = ctx.model.truncated;
    if (!cut) return;
    const lines = ctx.model.lines.length;
    ctx.report({
      span: { start: Math.max(0, cut.offset - 1), end: cut.offset },
      message: {
        zh: `文档有 ${withThousands(cut.length)} 个字符，超过检查上限（${withThousands(cut.offset)} 个字符以内）：只检查到第 ${lines} 行，其后的内容未检查。年报正文通常不到 20 万字；请删去附件、转存的网页内容等无关部分。`,
        en: `The document has ${withThousands(cut.length)} characters, over the analysis budget: it was checked up to line ${lines} (${withThousands(cut.offset)} characters) and the rest was not. An annual report is usually under 200,000 characters; remove appended material or pasted page content.`,
      },
    });
  },
};
