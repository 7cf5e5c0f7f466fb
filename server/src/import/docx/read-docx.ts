// .docx → report text. Paragraphs become lines; tables become tab-separated rows built from Word's
// own cell structure: a horizontally merged cell (gridSpan) is one cell, a vertically merged
// continuation (vMerge) is the same cell as the one above and is not repeated. That is what keeps
// the numbers of a row in their columns, where a copy-paste shifts them.
import { Unzip, UnzipInflate } from 'fflate';
import { flatten, joinPieces, tableCellPlace, TextBuilder, type BuiltCell } from '../builder';
import { BUDGETS, overBudget } from '../budgets';
import { ImportError, type ImportedReport } from '../types';
import { numberingOf, Numbering, readStyles, type NumberingRef } from './numbering';
import { child, children, parseXml, val, type Element } from './xml';

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

function joinChunks(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The zip's end-of-central-directory record, within the last 64 KiB (its comment's most). */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 5 && bytes[at + 3] === 6) return true;
  }
  return false;
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError({
      zh: '文件有密码保护，或是旧版 .doc 格式：请去掉密码或另存为 .docx',
      en: 'the file is password-protected or an old binary .doc: remove the password or save it as .docx',
    });
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError({ zh: '不是 .docx 文件（不是 ZIP 压缩包）', en: 'not a .docx file (not a ZIP package)' });
  }
  const files: Record<string, Uint8Array> = {};
  const started: string[] = [];
  let failure: ImportError | undefined;
  const corrupt = (e: unknown) => new ImportError({ zh: `文件已损坏，无法解压（${String(e)}）`, en: `corrupt file: cannot unzip it (${String(e)})` });
  const unzipper = new Unzip((file) => {
    if (!PARTS.includes(file.name)) return;
    started.push(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Counted as it inflates: the sizes a zip header states may lie.
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return void (failure = corrupt(error));
      size += chunk.length;
      if (size > BUDGETS.zipPartBytes) {
        failure = overBudget('zipPartBytes');
        return file.terminate();
      }
      chunks.push(chunk);
      if (final) files[file.name] = joinChunks(chunks, size);
    };
    file.start();
  });
  unzipper.register(UnzipInflate);
  // Fed in small slices, so that no one slice can inflate to more than a few MB at once.
  const SLICE = 16 * 1024;
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) unzipper.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (e) {
    failure ??= corrupt(e);
  }
  if (failure) throw failure;
  // A file cut short: a part begun and never finished, or no zip directory at the end.
  if (started.some((name) => !files[name]) || !hasEndRecord(bytes)) throw corrupt('the file is cut short');
  return files;
}

interface Context {
  out: TextBuilder;
  numbering: Numbering;
  styles: ReturnType<typeof readStyles>;
  paragraphs: number;
  tables: number;
}

/** The text of runs inside a paragraph (or any inline container), with tabs and breaks. */
function inlineText(element: Element, pieces: string[]): void {
  for (const node of children(element)) {
    switch (node.localName) {
      case 't':
        pieces.push(node.textContent ?? '');
        break;
      case 'tab':
        pieces.push('\t');
        break;
      case 'br':
      case 'cr':
        pieces.push('\n');
        break;
      case 'noBreakHyphen':
        pieces.push('-');
        break;
      case 'del':
      case 'instrText':
      case 'delText':
      case 'drawing':
      case 'pict':
      case 'AlternateContent':
      case 'rPr':
      case 'pPr':
        break; // deleted text, field codes, pictures and text boxes, formatting
      default:
        inlineText(node, pieces); // r, hyperlink, ins, smartTag, fldSimple, sdt, customXml …
    }
  }
}

function paragraphText(paragraph: Element, context: Context): string {
  const pieces: string[] = [];
  inlineText(paragraph, pieces);
  const ref: NumberingRef | undefined = numberingOf(paragraph, context.styles);
  const prefix = ref ? context.numbering.next(ref) : '';
  return prefix + pieces.join('');
}

function bodyParagraph(paragraph: Element, context: Context): void {
  const index = ++context.paragraphs;
  const where = { zh: `第${index}段`, en: `paragraph ${index}` };
  const text = paragraphText(paragraph, context);
  for (const line of text.split('\n')) {
    // Tabs inside a paragraph are tab stops laying out columns: keep them as fields, as a paste does.
    const fields = line.replace(/^\t+|\t+$/g, '').split('\t');
    if (fields.length > 1) context.out.fields(fields.map((f) => ({ text: f, where })));
    else if (flatten(line)) context.out.paragraph(line, where);
    else context.out.blank();
  }
}

/** A table used for page layout (one column, or tables inside cells) is read as the blocks it holds. */
function isLayoutTable(table: Element): boolean {
  const rows = children(table, 'tr');
  const oneColumn = rows.every((row) => children(row, 'tc').length <= 1);
  const nested = rows.some((row) => children(row, 'tc').some((cell) => children(cell, 'tbl').length > 0));
  return oneColumn || nested;
}

function cellText(cell: Element, context: Context): string {
  return joinPieces(children(cell, 'p').map((p) => paragraphText(p, context).replace(/\s+/g, ' ')));
}

function table(tableElement: Element, context: Context): void {
  if (isLayoutTable(tableElement)) {
    for (const row of children(tableElement, 'tr')) for (const cell of children(row, 'tc')) blocks(cell, context);
    return;
  }
  const tableIndex = ++context.tables;
  context.out.blank();
  children(tableElement, 'tr').forEach((row, r) => {
    const cells: BuiltCell[] = [];
    let column = Number(val(child(child(row, 'trPr'), 'gridBefore')) ?? 0);
    for (const cell of children(row, 'tc')) {
      const tcPr = child(cell, 'tcPr');
      const span = Math.max(1, Number(val(child(tcPr, 'gridSpan')) ?? 1));
      const vMerge = child(tcPr, 'vMerge');
      const continuation = vMerge !== undefined && (val(vMerge) ?? 'continue') === 'continue';
      if (!continuation) cells.push({ text: cellText(cell, context), where: tableCellPlace(tableIndex, r + 1, column + 1) });
      column += span;
    }
    context.out.row(cells);
  });
  context.out.blank();
}

function blocks(container: Element, context: Context): void {
  for (const node of children(container)) {
    if (node.localName === 'p') bodyParagraph(node, context);
    else if (node.localName === 'tbl') table(node, context);
    else if (node.localName === 'sdt') blocks(child(node, 'sdtContent') ?? node, context);
    else if (node.localName === 'customXml' || node.localName === 'ins') blocks(node, context);
  }
}

export function readDocx(bytes: Uint8Array): ImportedReport {
  const files = unzip(bytes);
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new ImportError({ zh: '不是 Word 文档：缺少 word/document.xml', en: 'not a Word document: word/document.xml is missing' });
  const decode = (part: string) => (files[part] ? parseXml(new TextDecoder().decode(files[part]), part) : undefined);
  const body = child(decode('word/document.xml'), 'body');
  if (!body) throw new ImportError({ zh: '文件已损坏：文档没有正文', en: 'corrupt file: the document has no body' });
  const context: Context = {
    out: new TextBuilder('docx'),
    numbering: new Numbering(decode('word/numbering.xml')),
    styles: readStyles(decode('word/styles.xml')),
    paragraphs: 0,
    tables: 0,
  };
  blocks(body, context);
  return context.out.build();
}
