// Loads PDF.js (pdfjs-dist, an ES module) at run time, only when a PDF is opened: the packaged
// extension and the CLI carry it in dist/pdfjs/, a development checkout in node_modules.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installDomShim } from './dom-shim';

export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfJs {
  getDocument(source: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  GlobalWorkerOptions: { workerSrc: string };
  /** Operator codes of the operator list. */
  OPS: Record<string, number>;
}

export interface PdfPage {
  getTextContent(): Promise<{ items: Array<TextItem | { type: string }> }>;
  /** The page's drawing: what the ruling lines of its tables are read from. */
  getOperatorList(): Promise<{ fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }>;
  cleanup(): void;
}

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

interface Located {
  module: string;
  worker: string;
  cmaps?: string;
}

function locate(): Located | undefined {
  // dist/pdfjs beside the bundle (packaged), or beside a dist/ above (tests run from out/).
  for (const dir of [path.join(__dirname, 'pdfjs'), path.join(__dirname, '..', '..', 'dist', 'pdfjs'), path.join(__dirname, '..', '..', '..', 'dist', 'pdfjs')]) {
    if (existsSync(path.join(dir, 'pdf.min.mjs'))) {
      return { module: path.join(dir, 'pdf.min.mjs'), worker: path.join(dir, 'pdf.worker.min.mjs'), cmaps: path.join(dir, 'cmaps') + path.sep };
    }
  }
  try {
    const module = require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs');
    const root = path.dirname(path.dirname(path.dirname(module)));
    return { module, worker: path.join(path.dirname(module), 'pdf.worker.min.mjs'), cmaps: path.join(root, 'cmaps') + path.sep };
  } catch {
    return undefined;
  }
}

// `import()` written so that the bundler leaves it alone: pdfjs-dist is an ES module with
// top-level await, which a CommonJS bundle cannot inline.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

let loading: Promise<{ pdfjs: PdfJs; cmaps?: string }> | undefined;

export function loadPdfJs(): Promise<{ pdfjs: PdfJs; cmaps?: string }> {
  loading ??= (async () => {
    const located = locate();
    if (!located) throw new Error('PDF.js (pdfjs-dist) is not installed beside Jiaohe');
    installDomShim();
    const pdfjs = (await importModule(pathToFileURL(located.module).href)) as PdfJs;
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(located.worker).href;
    return { pdfjs, cmaps: located.cmaps && existsSync(located.cmaps) ? located.cmaps : undefined };
  })();
  return loading;
}
