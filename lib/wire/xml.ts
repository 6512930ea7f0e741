import { Parser } from 'htmlparser2';
import { decodeXmlText } from './entities';
import { WireParseError } from './errors';
import { MAX_MARKUP_DEPTH } from './limits';
import type { WarningCollector } from './warnings';

/*
 * A small read-only tree over htmlparser2's tokenizer. htmlparser2 never reads a DTD,
 * never fetches anything and never expands declared entities (we decode references
 * ourselves, in one pass: see entities.ts), so XXE and entity bombs have nothing to
 * work with. What a validating parser would do, we do by hand: refuse input that is
 * cut off, cap nesting, and note (not fail on) the small repairs real feeds need.
 */

export type XmlNode = XmlElement | string;

export type XmlElement = {
  /** Local name, lower-cased: `ns0:newsItem` → `newsitem`. */
  name: string;
  /** The name as written, prefix included. */
  qname: string;
  /** Attribute names lower-cased, prefixes kept (`xml:lang`, `rtr:msgtype`); values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
};

export type ParseMarkupOptions = {
  /** XML: strict nesting rules, our own entity decoding, truncation is an error. HTML: forgiving. */
  mode: 'xml' | 'html';
  warnings: WarningCollector;
};

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return (colon === -1 ? qname : qname.slice(colon + 1)).toLowerCase();
}

/** Parses XML (or an HTML fragment) into a tree under a synthetic `#document` element. */
export function parseMarkup(source: string, options: ParseMarkupOptions): XmlElement {
  const { mode, warnings } = options;
  const xml = mode === 'xml';
  const root: XmlElement = { name: '#document', qname: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let inCdata = false;
  let sawEntityDeclaration = false;
  let parsingEnded = false;

  const parser: Parser = new Parser(
    {
      onopentag(qname, attribs) {
        if (stack.length > MAX_MARKUP_DEPTH) {
          throw new WireParseError(`${xml ? 'XML' : 'HTML'} nested more than ${MAX_MARKUP_DEPTH} levels deep`);
        }
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(attribs)) {
          attrs[key.toLowerCase()] = xml ? decodeXmlText(value, warnings) : value;
        }
        const element: XmlElement = { name: localName(qname), qname, attrs, children: [] };
        stack[stack.length - 1]!.children.push(element);
        stack.push(element);
      },
      onclosetag(_qname, isImplied) {
        if (stack.length <= 1) return;
        const element = stack.pop()!;
        if (xml && isImplied && !parsingEnded) {
          // htmlparser2 reports self-closing tags as implied closes too; a real mismatch is
          // an end tag for an outer element while this one is still open.
          const tag = source.slice(parser.startIndex, parser.endIndex + 1);
          if (!tag.endsWith('/>')) {
            warnings.addToGroup('Malformed XML repaired (element closed by the wrong end tag)', `<${element.qname}>`);
          }
        }
      },
      ontext(data) {
        const parent = stack[stack.length - 1]!;
        const value = xml && !inCdata ? decodeXmlText(data, warnings) : data;
        const last = parent.children[parent.children.length - 1];
        // htmlparser2 may deliver one text run in pieces; keep it as one string.
        if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
        else parent.children.push(value);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '!doctype') {
          if (/<!ENTITY/i.test(data)) sawEntityDeclaration = true;
        } else if (name.toLowerCase() === '!entity') {
          sawEntityDeclaration = true;
        }
      },
    },
    {
      xmlMode: xml,
      decodeEntities: !xml,
      recognizeSelfClosing: true,
      // HTML rules (void elements, implied </p>) need lower-case names; XML keeps its case.
      lowerCaseTags: !xml,
      lowerCaseAttributeNames: !xml,
    },
  );
  parser.write(source);
  if (xml) {
    // Before end() closes everything implicitly: whatever is still open was cut off.
    const open = stack.slice(1);
    if (open.length > 0) {
      throw new WireParseError(`Truncated XML: <${open[0]!.qname}> is not closed`);
    }
  }
  parsingEnded = true;
  parser.end();

  // A plain <!DOCTYPE nitf SYSTEM "nitf.dtd"> is normal and needs no warning: nothing is fetched.
  if (sawEntityDeclaration) {
    warnings.add('DTD entity declarations ignored: Wiredesk never loads DTDs or expands declared entities');
  }
  if (xml && !root.children.some((child) => typeof child !== 'string')) {
    throw new WireParseError('Not XML: no root element found');
  }
  return root;
}

/** The first child element (any depth 1) of `element` whose local name is one of `names`. */
export function childElement(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) {
    if (typeof child !== 'string' && names.includes(child.name)) return child;
  }
  return undefined;
}

/** All child elements with one of `names` (all children when no names are given). */
export function childElements(element: XmlElement | undefined, ...names: string[]): XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && (names.length === 0 || names.includes(child.name))) found.push(child);
  }
  return found;
}

/** Follows a path of local names, first match at each step. */
export function pathElement(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const step of path) current = childElement(current, step);
  return current;
}

/** Every descendant with one of `names`, document order, not descending into matches. */
export function findElements(element: XmlElement | undefined, names: string[], into = false): XmlElement[] {
  const found: XmlElement[] = [];
  if (!element) return found;
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (names.includes(child.name)) {
        found.push(child);
        if (into) walk(child);
      } else {
        walk(child);
      }
    }
  };
  walk(element);
  return found;
}

/** The first descendant with one of `names`. */
export function findElement(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (names.includes(child.name)) return child;
    const deeper = findElement(child, ...names);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Concatenated text of an element and its descendants (raw whitespace kept). */
export function textContent(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  let result = '';
  for (const child of node.children) result += typeof child === 'string' ? child : textContent(child);
  return result;
}

/** An attribute by local name (`lang` finds `xml:lang`), or undefined. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const direct = element.attrs[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(element.attrs)) {
    const colon = key.indexOf(':');
    if (colon !== -1 && key.slice(colon + 1) === name) return value;
  }
  return undefined;
}

/** The first element child of the document: the root element. */
export function rootElement(document: XmlElement): XmlElement | undefined {
  return childElements(document)[0];
}
