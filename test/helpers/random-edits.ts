// Seeded random edits of a document, as an editor would send them (incremental ranges).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

/** A small deterministic PRNG (mulberry32): the same seed gives the same edits. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['1', '0', '7', '\t', '\n', '\r\n', '其中', '共', '条', '件', '、', '。', '（', '）', '一、总体情况\n', '（七）总计', ' ', '😀', '余', '%', '2021年'];

export interface EditStep {
  change: TextDocumentContentChangeEvent;
  text: string;
}

/**
 * `count` edits from `text`: each deletes up to 3 characters somewhere and inserts a fragment; with
 * `typing`, each inserts or deletes a single character, as a person types.
 */
export function randomEdits(text: string, count: number, seed: number, typing = false): EditStep[] {
  const next = prng(seed);
  let doc = TextDocument.create('mem://x', 'plaintext', 0, text);
  const steps: EditStep[] = [];
  for (let i = 0; i < count; i++) {
    const current = doc.getText();
    let start = Math.floor(next() * (current.length + 1));
    // Never split a surrogate pair: editors do not either.
    if (start > 0 && start < current.length && /[\uDC00-\uDFFF]/.test(current[start])) start--;
    let end = Math.min(current.length, start + (typing ? (next() < 0.25 ? 1 : 0) : Math.floor(next() * 4)));
    if (end < current.length && /[\uDC00-\uDFFF]/.test(current[end])) end++;
    const fragment = INSERTS[Math.floor(next() * INSERTS.length)];
    const insert = next() < 0.2 || (typing && end > start) ? '' : typing ? [...fragment][0] : fragment;
    const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    steps.push({ change, text: doc.getText() });
  }
  return steps;
}
