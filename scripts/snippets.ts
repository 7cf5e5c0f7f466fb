// Generates snippets/jiaohe.code-snippets from the report skeleton, so the snippets never drift
// from the template data. Run by `npm run snippets`; a test checks the file is current.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { skeleton } from '../server/src/core';

/** Snippet body lines; the year and the body become tab stops; $ and } are escaped. */
export function snippetFile(): string {
  const body = (format: '2019' | '2021', year: number) =>
    skeleton({ format, year, body: '__BODY__' })
      .replace(/[$}\\]/g, (c) => `\\${c}`)
      .replace(/__BODY__/g, '${1:××人民政府}')
      .replace(new RegExp(String(year), 'g'), `\${2:${year}}`)
      .split('\n');
  const snippets = {
    'jiaohe-report-2021': {
      prefix: ['nianbao2021', '年报2021'],
      description: '政府信息公开工作年度报告框架（2021年版格式） / Annual report skeleton, 2021 format',
      body: body('2021', 2025),
    },
    'jiaohe-report-2019': {
      prefix: ['nianbao2019', '年报2019'],
      description: '政府信息公开工作年度报告框架（2019年版格式） / Annual report skeleton, 2019 format',
      body: body('2019', 2020),
    },
  };
  return JSON.stringify(snippets, null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(path.join(process.cwd(), 'snippets', 'jiaohe.code-snippets'), snippetFile());
  console.log('snippets/jiaohe.code-snippets written');
}
