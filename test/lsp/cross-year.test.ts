// In the editor: last year's report beside the file is found and compared.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from '../helpers/lsp-client';
import { readSeed, seedPath, NEEDS_SEEDS } from '../helpers/seeds';
import { tempDir } from '../helpers/temp';

describe('cross-year in the editor', { skip: NEEDS_SEEDS }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('uses the file of the same body and the previous year in the same folder, and names it', async () => {
    const dir = tempDir('jiaohe-sib-');
    const lastYear = readSeed('000')
      .replace('四方台区人民政府\n\n2020 年政府信息公开工作年度报告', '绥芬河市人民政府2020年政府信息公开工作年度报告')
      .replace(/四、结转下年度继续办理(\t0)+/, '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1');
    writeFileSync(path.join(dir, '绥芬河2020.txt'), lastYear);
    copyFileSync(seedPath('004'), path.join(dir, '绥芬河2021.txt'));
    const uri = pathToFileURL(path.join(dir, '绥芬河2021.txt')).toString();
    const published = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(path.join(dir, '绥芬河2021.txt'), 'utf8') } });
    const cross = (await published).diagnostics.filter((d) => d.code === 'figure-cross-year');
    assert.deepEqual(cross.map((d) => d.range.start.line + 1), [58, 58]);
    assert.match(String(cross[0].message), /绥芬河2020\.txt/);
    // The hover on 二、上年结转 shows last year's value beside this year's.
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: cross[0].range.start })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Last year's report \(绥芬河2020\.txt\), 四、结转下年度继续办理: 1 ✗/);
  });
});
