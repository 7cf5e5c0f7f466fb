// The memo laid out as a Word document with the `docx` library: headings Word's navigation pane
// lists, a real numbered list per group (restarting at 1), the summary as a Word table, in the
// fonts and sizes of an official reply (仿宋 三号 body, 黑体 headings). Bundled apart as dist/memo.js.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { memoContent, type MemoContent } from './memo';
import type { FileOutcome } from '../check-file';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const LIST = 'memo-problems';

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 21 })], alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT })],
  });
}

function summaryTable(content: MemoContent): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // No., body, year, file, to correct, suggested, conclusion (twips of an A4 text width).
    columnWidths: [600, 2000, 700, 2300, 900, 900, 1600],
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: content.summaryHeader.map((h) => cell(h, true)) }),
      ...content.summaryRows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
    ],
  });
}

export async function writeMemoDocx(content: MemoContent): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.title, font: HEADING_FONT, size: 44 })] }),
    new Paragraph(content.intro),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: content.summaryTitle, font: HEADING_FONT })] }),
    summaryTable(content),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: content.detailsTitle, font: HEADING_FONT })] }),
  ];
  // Each group is its own instance of the list: its numbering starts again at 1.
  let instance = 0;
  for (const report of content.reports) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: report.heading, font: HEADING_FONT })] }));
    for (const fact of report.facts) children.push(new Paragraph(fact));
    if (report.remark) children.push(new Paragraph(report.remark));
    for (const group of report.groups) {
      instance++;
      const count = content.lang === 'zh' ? `（${group.items.length}项）` : ` (${group.items.length})`;
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: `${group.title}${count}`, font: HEADING_FONT })] }));
      for (const item of group.items) {
        const where = content.lang === 'zh' ? `（位置：${item.where}）` : ` (at: ${item.where})`;
        children.push(
          new Paragraph({
            numbering: { reference: LIST, level: 0, instance },
            children: [new TextRun(item.text), new TextRun({ text: where, italics: content.lang !== 'zh', color: '444444' })],
          }),
        );
      }
    }
  }
  children.push(new Paragraph(''), new Paragraph({ children: [new TextRun({ text: content.closing, size: 24, color: '444444' })] }));

  const doc = new Document({
    creator: 'Jiaohe',
    title: content.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 }, paragraph: { spacing: { line: 360 } } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' } },
        heading2: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' } },
        heading3: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' } },
        title: { run: { font: HEADING_FONT, size: 44, color: '000000' } },
      },
    },
    numbering: {
      config: [{ reference: LIST, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 640, hanging: 640 } } } }] }],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The memo of a batch as a .docx file's bytes: what it says, laid out (the bundle's entry). */
export function writeMemo(outcomes: readonly FileOutcome[], lang: 'zh' | 'en', date: Date): Promise<Uint8Array> {
  return writeMemoDocx(memoContent(outcomes, lang, date));
}
