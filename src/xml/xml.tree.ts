import { SaxesParser } from 'saxes';

/** An element of a parsed document: its name as written, attributes, and children in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
  /** Line of the start tag, for messages. */
  line: number;
}

/**
 * How deep elements may nest in a tree: a Chancery TEI record is some ten levels deep, and the
 * code that reads a tree walks it by recursion, which a document nested 80,000 deep would
 * overflow.
 */
export const XML_MAX_DEPTH = 1_000;

/** A document nested deeper than {@link XML_MAX_DEPTH}: where, for the reader's message. */
export class XmlTooDeepError extends Error {
  constructor(readonly line: number) {
    super(`elements nested more than ${XML_MAX_DEPTH.toLocaleString('en-US')} deep at line ${line}`);
  }
}

/**
 * Parses a whole document into a tree (names as written, prefixes kept). For documents that fit in
 * memory: a record's TEI export, not a FRUS volume, which is read as a stream. Throws
 * {@link XmlTooDeepError} past {@link XML_MAX_DEPTH}.
 *
 * @example parseXmlTree('<a x="1">t<b/></a>').children // ['t', { name: 'b', … }]
 */
export function parseXmlTree(
  xml: string,
  options: { onDoctype?: (doctype: string) => void } = {},
): XmlElement {
  const parser = new SaxesParser({ position: true });
  if (options.onDoctype) parser.on('doctype', options.onDoctype);
  const root: XmlElement = { name: '#document', attributes: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
      line: parser.line,
    };
    (stack.at(-1) as XmlElement).children.push(element);
    stack.push(element);
    if (stack.length > XML_MAX_DEPTH + 1) throw new XmlTooDeepError(parser.line);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const text = (value: string) => {
    const parent = stack.at(-1) as XmlElement;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(xml).close();
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('the document has no root element');
  return top;
}

/** Child elements, by name when given. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

/** The first child element of that name (and attribute values, when given), or undefined. */
export function childElement(
  element: XmlElement,
  name: string,
  attributes: Record<string, string> = {},
): XmlElement | undefined {
  return childElements(element, name).find((c) =>
    Object.entries(attributes).every(([k, v]) => c.attributes[k] === v),
  );
}

/** Every descendant element of that name, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of childElements(e)) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** All the text inside an element, as written. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
