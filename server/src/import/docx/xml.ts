// A small XML tree for the parts of a .docx, built from htmlparser2's streaming parser in XML
// mode (iterative, about three times lighter than a W3C DOM): elements by local name whatever the
// prefix, their attributes by local name, and the text directly inside them. No DTD is read, so
// no entity is ever expanded (no XXE, no billion laughs). Element count and depth are budgeted.
import { Parser } from 'htmlparser2';
import { BUDGETS, overBudget } from '../budgets';
import { ImportError } from '../types';

export interface Element {
  localName: string;
  /** Attributes by local name ("w:val" → "val"). */
  attributes: Record<string, string>;
  elements: Element[];
  /** The text directly inside the element (for w:t). */
  textContent: string;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function parseXml(xml: string, part: string): Element {
  const root: Element = { localName: '', attributes: {}, elements: [], textContent: '' };
  const open: Element[] = [root];
  let count = 0;
  let unclosed = false;
  let failure: ImportError | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (failure) return;
        if (++count > BUDGETS.xmlElements) failure = overBudget('xmlElements');
        else if (open.length > BUDGETS.depth) failure = overBudget('depth');
        if (failure) return parser.pause();
        const attributes: Record<string, string> = {};
        for (const key in attribs) attributes[local(key)] = attribs[key];
        const element: Element = { localName: local(name), attributes, elements: [], textContent: '' };
        open[open.length - 1].elements.push(element);
        open.push(element);
      },
      ontext(data) {
        if (open.length > 1) open[open.length - 1].textContent += data;
      },
      onclosetag(_name, implied) {
        if (failure) return;
        // Implied: self-closed (<w:b/>), or left open where the input ended or a parent closed.
        if (implied && !xml.startsWith('/>', parser.endIndex - 1)) unclosed = true;
        if (open.length > 1) open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (failure) throw failure;
  const documentElement = root.elements[0];
  if (!documentElement) throw new ImportError({ zh: `文件已损坏：${part} 为空`, en: `corrupt file: ${part} is empty` });
  // A part cut short (a truncated or damaged file) leaves elements open at its end.
  if (unclosed || root.elements.length > 1) throw new ImportError({ zh: `文件已损坏：${part} 不是有效的 XML（元素未闭合）`, en: `corrupt file: ${part} is not valid XML (elements left unclosed)` });
  return documentElement;
}

export function children(element: Element, name?: string): Element[] {
  return name === undefined ? element.elements : element.elements.filter((e) => e.localName === name);
}

export function child(element: Element | undefined, name: string): Element | undefined {
  return element?.elements.find((e) => e.localName === name);
}

/** The w:val (or any *:val) attribute. */
export function val(element: Element | undefined): string | undefined {
  return element?.attributes.val;
}

export function attr(element: Element | undefined, localName: string): string | undefined {
  return element?.attributes[localName];
}
