// Small helpers over @xmldom/xmldom's DOM: elements by local name, whatever the prefix.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ImportError } from '../types';

export type { Element };

export function parseXml(xml: string, part: string): Element {
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new ImportError({ zh: `文件已损坏：${part} 不是有效的 XML（${String(e)}）`, en: `corrupt file: ${part} is not valid XML (${String(e)})` });
  }
  const root = doc.documentElement;
  if (!root) throw new ImportError({ zh: `文件已损坏：${part} 为空`, en: `corrupt file: ${part} is empty` });
  return root as unknown as Element;
}

export function children(element: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || (node as Element).localName === name)) out.push(node as Element);
  }
  return out;
}

export function child(element: Element | undefined, name: string): Element | undefined {
  if (!element) return undefined;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) return node as Element;
  }
  return undefined;
}

/** The w:val (or any *:val) attribute. */
export function val(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i)!;
    if (a.localName === 'val') return a.value;
  }
  return undefined;
}

export function attr(element: Element | undefined, localName: string): string | undefined {
  if (!element) return undefined;
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i)!;
    if (a.localName === localName) return a.value;
  }
  return undefined;
}
