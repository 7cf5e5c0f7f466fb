// The workspace both e2e hosts open: each real report in a folder of its own (so no report finds
// another as "last year's"), a note that is not a report, a scratch folder for the tests' files,
// a Word report, and fix-all on save for plain text.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { docxFromText, hasCjkFont, pdfFromText } from '../helpers/documents';
import { readSeed, seedPath, SEED_IDS } from '../helpers/seeds';

export async function makeWorkspace(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'jiaohe-e2e-ws-'));
  for (const id of SEED_IDS) {
    mkdirSync(path.join(root, 'seeds', id), { recursive: true });
    copyFileSync(seedPath(id), path.join(root, 'seeds', id, `report-${id}.txt`));
  }
  writeFileSync(path.join(root, 'notes.txt'), '会议纪要\n\n下周一讨论办公用品采购，请各科室报送需求。\n');
  mkdirSync(path.join(root, 'scratch'));
  // A Word report, for the open/convert commands.
  mkdirSync(path.join(root, 'word'));
  writeFileSync(path.join(root, 'word', 'report.docx'), await docxFromText(readSeed('001')));
  // A PDF report (where a CJK font is at hand to write one), for the same commands.
  if (hasCjkFont()) {
    mkdirSync(path.join(root, 'pdf'));
    writeFileSync(path.join(root, 'pdf', 'report.pdf'), await pdfFromText(readSeed('004')));
  }
  mkdirSync(path.join(root, '.vscode'));
  writeFileSync(
    path.join(root, '.vscode', 'settings.json'),
    JSON.stringify({ '[plaintext]': { 'editor.codeActionsOnSave': { 'source.fixAll.jiaohe': 'always' } }, 'files.autoSave': 'off' }, null, 2),
  );
  return root;
}
