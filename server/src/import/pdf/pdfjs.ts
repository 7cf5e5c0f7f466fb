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

/** The built-ins whose functions PDF.js's polyfills may replace (see `keepingBuiltIns`). */
const BUILT_INS: readonly object[] = [
  JSON, Math, Reflect, Object, Object.prototype, Array, Array.prototype, Function.prototype, String, String.prototype,
  Number, Number.prototype, Promise, Promise.prototype, Map.prototype, Set.prototype, WeakMap.prototype, WeakSet.prototype,
  RegExp.prototype, Date.prototype, ArrayBuffer.prototype, DataView.prototype, Object.getPrototypeOf(Uint8Array),
  Object.getPrototypeOf(Uint8Array.prototype), Uint8Array, Uint8Array.prototype,
];

/**
 * Runs `load` and puts back the built-in functions it replaced. PDF.js's legacy build (the one that
 * runs on every Node.js an editor may bring) carries core-js, which on loading replaces, for the
 * whole process, built-ins it finds short of the latest standard: JSON.stringify (13× slower on a
 * set of diagnostics), Array.prototype.push (2.3× slower), JSON.parse, Function.prototype.toString.
 * Every report checked after a PDF, and every message of the language server once a PDF had been
 * opened, paid for them. The runtime's own functions do all that PDF.js asks of them; what the
 * runtime lacks (Promise.withResolvers on Node.js 20, the new Set methods, …) stays, for PDF.js.
 */
async function keepingBuiltIns<T>(load: () => Promise<T>): Promise<T> {
  const before = BUILT_INS.map((o) => Object.getOwnPropertyDescriptors(o) as Record<PropertyKey, PropertyDescriptor>);
  // (Its warnings while it loads are about rendering — no canvas package, no ImageData — which
  // Jiaohe never does; its warnings while it reads are off too, verbosity 0 in read-pdf.ts.)
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await load();
  } finally {
    console.warn = warn;
    BUILT_INS.forEach((o, i) => {
      for (const key of Reflect.ownKeys(before[i])) {
        const was = before[i][key];
        const now = Object.getOwnPropertyDescriptor(o, key);
        if (typeof was.value === 'function' && now?.configurable && now.value !== was.value) Object.defineProperty(o, key, was);
      }
    });
  }
}

let loading: Promise<{ pdfjs: PdfJs; cmaps?: string }> | undefined;

export function loadPdfJs(): Promise<{ pdfjs: PdfJs; cmaps?: string }> {
  loading ??= (async () => {
    const located = locate();
    if (!located) throw new Error('PDF.js (pdfjs-dist) is not installed beside Jiaohe');
    installDomShim();
    const workerSrc = pathToFileURL(located.worker).href;
    // The worker module too, now: in Node.js PDF.js imports it into this thread on the first
    // document (the same module then), and it carries the same polyfills.
    const pdfjs = await keepingBuiltIns(async () => {
      const loaded = (await importModule(pathToFileURL(located.module).href)) as PdfJs;
      await importModule(workerSrc);
      return loaded;
    });
    pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
    return { pdfjs, cmaps: located.cmaps && existsSync(located.cmaps) ? located.cmaps : undefined };
  })();
  return loading;
}
