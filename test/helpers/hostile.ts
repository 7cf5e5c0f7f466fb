// Adversarial inputs, generated (never committed as binaries): each one a file an attacker or an
// unlucky user could hand the checker. `scale` 1 is the full size of the hostile-input issue; the
// unit tests use a small fraction so that CI stays fast, `npm run fuzz` the full size.
import { Deflate, strToU8, Zlib, zipSync } from 'fflate';

export interface HostileInput {
  name: string;
  /** What the file is, in a few words (printed by the fuzz run). */
  what: string;
  make(): Uint8Array;
}

const enc = (s: string) => new TextEncoder().encode(s);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deflates `count` copies of one byte without ever holding them all (1 GB of spaces is ~1 MB). */
function deflatedRun(byte: number, count: number, zlibWrapped: boolean): Uint8Array {
  const chunk = new Uint8Array(Math.min(count, 1 << 24)).fill(byte);
  const parts: Uint8Array[] = [];
  const stream = zlibWrapped ? new Zlib({ level: 9 }) : new Deflate({ level: 9 });
  stream.ondata = (data) => parts.push(data);
  for (let left = count; left > 0; left -= chunk.length) {
    const last = left <= chunk.length;
    stream.push(last ? chunk.subarray(0, left) : chunk, last);
  }
  return concat(parts);
}

function docx(documentXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(documentXml),
  });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A zip whose only entry says it holds 1 000 bytes and inflates to `size`. */
function lyingZip(size: number): Uint8Array {
  const name = enc('word/document.xml');
  const data = deflatedRun(0x20, size, false);
  const header = (central: boolean) => {
    const b = new DataView(new ArrayBuffer(central ? 46 : 30));
    let o = 0;
    const u32 = (v: number) => { b.setUint32(o, v, true); o += 4; };
    const u16 = (v: number) => { b.setUint16(o, v, true); o += 2; };
    u32(central ? 0x02014b50 : 0x04034b50);
    if (central) u16(20);
    u16(20); u16(0); u16(8); u16(0); u16(0x21);
    u32(0); u32(data.length); u32(1000); // crc, compressed size, the lie
    u16(name.length); u16(0);
    if (central) { u16(0); u16(0); u16(0); u32(0); u32(0); }
    return new Uint8Array(b.buffer);
  };
  const local = concat([header(false), name, data]);
  const central = concat([header(true), name]);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, central.length, true);
  end.setUint32(16, local.length, true);
  return concat([local, central, new Uint8Array(end.buffer)]);
}

/** A PDF from its objects (each "<<…>>" or "<<…>>stream…"), with a correct cross-reference table. */
function pdf(objects: Array<string | Uint8Array[]>): Uint8Array {
  const parts: Uint8Array[] = [enc('%PDF-1.7\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const bytes = concat([enc(`${i + 1} 0 obj\n`), ...(typeof body === 'string' ? [enc(body)] : body), enc('\nendobj\n')]);
    parts.push(bytes);
    at += bytes.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(enc(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return concat(parts);
}

/** A title that makes any text below it a report to check (not a note to skip). */
const TITLE = '某县人民政府2021年政府信息公开工作年度报告';

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

export function hostileInputs(scale: number): HostileInput[] {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  return [
    {
      name: 'many-paragraphs.docx',
      what: `.docx, word/document.xml of ${n(20)} MB of one-character paragraphs`,
      make: () => docx(`<w:document ${W}><w:body>${'<w:p><w:r><w:t>1</w:t></w:r></w:p>'.repeat(n(20 * 1024 * 1024) / 34 | 0)}</w:body></w:document>`),
    },
    {
      name: 'lying-zip.docx',
      what: `.docx whose entry says 1 000 bytes and inflates to ${n(2048)} MB`,
      make: () => lyingZip(n(2 * 1024 * 1024 * 1024)),
    },
    {
      name: 'spans.html',
      what: `.html, a row of ${n(1000)} cells colspan=1000 rowspan=1000, then ${n(10000)} rows`,
      make: () => enc(`<table><tr>${'<td colspan=1000 rowspan=1000>1</td>'.repeat(n(1000))}</tr>${'<tr><td>1</td></tr>'.repeat(n(10000))}</table>`),
    },
    {
      name: 'deep.html',
      what: `.html nested ${n(100000)} elements deep`,
      make: () => enc(`<html><body>${'<div>'.repeat(n(100000))}一、总体情况${'</div>'.repeat(n(100000))}</body></html>`),
    },
    {
      name: 'flate-bomb.pdf',
      what: `.pdf with a Flate stream of ${n(1024)} MB of spaces`,
      make: () => {
        const data = deflatedRun(0x20, n(1024 * 1024 * 1024), true);
        return pdf([
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
          [enc(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, enc('\nendstream')],
          FONT,
        ]);
      },
    },
    {
      name: 'page-loop.pdf',
      what: `.pdf whose page tree lists one page ${n(200000)} times`,
      make: () => {
        const content = 'BT /F1 12 Tf 72 720 Td (1) Tj ET';
        return pdf([
          '<< /Type /Catalog /Pages 2 0 R >>',
          `<< /Type /Pages /Kids [${'3 0 R '.repeat(n(200000))}] /Count ${n(200000)} >>`,
          '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
          `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
          FONT,
        ]);
      },
    },
    {
      name: 'long-prose-line.txt',
      what: `text: one line of ${n(10)} MB of prose with figures`,
      make: () => enc(`${TITLE}\n${'一、总体情况 2021年 共 12 件 '.repeat(n(10 * 1024 * 1024) / 37 | 0)}`),
    },
    {
      name: 'bars.txt',
      what: `text: table 三 in a one-cell-per-line copy, a line of ${n(900000)} bars, then ${n(50000)} lines of one bar`,
      make: () => enc(`${TITLE}\n三、收到和处理政府信息公开申请情况\n申请人情况 |\n${'|'.repeat(n(900000))}\n一、本年新收政府信息公开申请数量 |\n${'|\n'.repeat(n(50000))}`),
    },
    {
      name: 'many-headings.txt',
      what: `text: ${n(1000000)} lines of 一、总体情况`,
      make: () => enc(`${TITLE}\n${'一、总体情况\n'.repeat(n(1000000))}`),
    },
  ];
}
