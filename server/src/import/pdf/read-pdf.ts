// .pdf → report text, from the text layer PDF.js extracts (positions rebuilt into rows and cells by
// rows.ts). A page with no text layer is a scan: said so, never guessed at.
import { TextBuilder } from '../builder';
import { ImportError, type ImportedReport } from '../types';
import { loadPdfJs, type TextItem } from './pdfjs';
import { layoutPage, type Run } from './rows';

function toRun(item: TextItem): Run {
  const [a, b, c, d, x, y] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  return { text: item.str, x, y, width: item.width, size };
}

function failure(error: unknown): ImportError {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException') return new ImportError({ zh: 'PDF 有密码保护：请提供未加密的文件', en: 'the PDF is password-protected: provide an unencrypted copy' });
  if (name === 'InvalidPDFException') return new ImportError({ zh: '不是有效的 PDF 文件（文件已损坏？）', en: 'not a valid PDF file (corrupt?)' });
  return new ImportError({ zh: `无法读取 PDF：${String(error)}`, en: `cannot read the PDF: ${String(error)}` });
}

export async function readPdf(bytes: Uint8Array): Promise<ImportedReport> {
  const { pdfjs, cmaps } = await loadPdfJs();
  // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), cMapUrl: cmaps, cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    throw failure(error);
  }
  const out = new TextBuilder('pdf');
  const scanned: number[] = [];
  try {
    for (let p = 1; p <= document.numPages; p++) {
      const page = await document.getPage(p);
      const content = await page.getTextContent();
      const runs = content.items.filter((i): i is TextItem => 'str' in i).map(toRun);
      const lines = layoutPage(runs);
      if (lines.length === 0) scanned.push(p);
      for (const line of lines) {
        const where = { zh: `第${p}页 第${line.line}行`, en: `page ${p}, line ${line.line}` };
        if (line.cells.length > 1) out.row(line.cells.map((text) => ({ text, where })));
        else out.paragraph(line.cells[0], where);
      }
      page.cleanup();
    }
  } catch (error) {
    throw failure(error);
  } finally {
    await document.destroy();
  }
  if (scanned.length === document.numPages) {
    throw new ImportError({ zh: 'PDF 没有文字层（扫描件或图片）：无法检查，请提供可复制文字的版本', en: 'the PDF has no text layer (a scan or images): nothing to check; provide a version with selectable text' });
  }
  if (scanned.length > 0) {
    out.note({ zh: `第${scanned.join('、')}页没有文字层（扫描件？），未检查`, en: `page(s) ${scanned.join(', ')} have no text layer (scanned?) and were not checked` });
  }
  return out.build();
}
