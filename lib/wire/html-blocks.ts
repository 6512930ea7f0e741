import { fixDoubleEscaping } from './entities';
import { normalizeInline, splitParagraphs } from './text';
import type { WarningCollector } from './warnings';
import type { BodyBlock } from './wire-item';
import { childElements, findElements, parseMarkup, type XmlElement, type XmlNode } from './xml';

/*
 * Reduces XHTML, NITF and HTML bodies to paragraph and heading blocks. Only text is
 * ever copied out: no tag, attribute, script or style survives, so event handlers and
 * `javascript:` links have nowhere to go.
 */

// Never text: code, media, forms, page furniture, and NITF's editorial notes and media.
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'track',
  'map',
  'area',
  'figure',
  'figcaption',
  'form',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'nav',
  'aside',
  'footer',
  'header',
  'dialog',
  'slot',
  'media',
  'media-reference',
  'media-caption',
  'media-producer',
  'media-metadata',
  'note',
  'body.head',
  'body.end',
  'hedline',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl2', 'hl3', 'hl4']);
const BLOCKS = new Set(['p', 'blockquote', 'li', 'dt', 'dd', 'pre', 'address', 'center', 'caption', 'tagline']);
const CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'block',
  'body.content',
  'ul',
  'ol',
  'dl',
  'hgroup',
  'fieldset',
  'details',
  'summary',
  'tbody',
  'thead',
  'tfoot',
  'datacontent',
  'nitf',
]);
// Page metadata that agencies put inside the body markup (dpa's teaser and notepad, TT's
// vignette and byline): kept out of the body; the first few are handed back as metadata.
const META_CLASSES = new Set([
  'byline',
  'dat',
  'vignette',
  'teaser',
  'slugline',
  'genre',
  'closingline',
  'notepad',
  'np-nonpublic',
  'publicationdate',
]);
const KEPT_META = ['byline', 'vignette', 'teaser'] as const;
export type BodyMeta = Partial<Record<(typeof KEPT_META)[number], string>>;

// The start of a tag: "<p>", "<div class=…", "</b", "<br/>". An unfinished one counts too,
// since a lenient HTML reader would still take it for a tag.
const TAG_START = /<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?=[\s/>]|$)/;
const TAG_START_GLOBAL = new RegExp(TAG_START.source, 'g');
const MAX_REDUCTIONS = 3;

function classTokens(element: XmlElement): string[] {
  const value = element.attrs.class;
  return value ? value.toLowerCase().split(/\s+/) : [];
}

/** Text a reader would see in an element: dropped elements (scripts, media…) are skipped. */
export function visibleText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  if (DROPPED.has(node.name)) return '';
  let result = '';
  for (const child of node.children) {
    result += typeof child === 'string' ? child : visibleText(child);
    if (typeof child !== 'string' && (BLOCKS.has(child.name) || child.name === 'br')) result += ' ';
  }
  return result;
}

/**
 * The text of a metadata element (a headline, a `<link>`, a `<title>`), whitespace
 * collapsed; null when absent or empty. Markup nested inside still loses scripts and styles.
 */
export function textOf(element: XmlElement | undefined): string | null {
  if (!element) return null;
  let text = '';
  for (const child of element.children) text += visibleText(child);
  return normalizeInline(text) || null;
}

type ReduceOptions = {
  warnings: WarningCollector;
  reparsed?: boolean;
  /**
   * The markup wraps typewriter-style text (ANSA's text/plain inlineData holding a <p>):
   * blank lines and indented lines inside an element start new paragraphs. Otherwise HTML
   * rules apply and whitespace inside a paragraph is just space.
   */
  plainTextLayout?: boolean;
};

/** Paragraph and heading blocks from a body element (XHTML `<body>`, NITF `<body.content>`, an HTML fragment). */
export function reduceToBlocks(root: XmlElement, options: ReduceOptions): { blocks: BodyBlock[]; meta: BodyMeta } {
  const { warnings } = options;
  const blocks: BodyBlock[] = [];
  const meta: BodyMeta = {};
  let buffer = '';

  const pushParagraph = (text: string) => {
    const fixed = fixDoubleEscaping(text, warnings);
    if (!options.reparsed && TAG_START.test(fixed)) {
      // Markup that arrived escaped as text (NTB's embed codes) is markup all the same.
      warnings.add('Escaped HTML in the body was reduced to text');
      const inner = reduceHtml(fixed, { ...options, reparsed: true });
      blocks.push(...inner.blocks);
      return;
    }
    const cleaned = normalizeInline(fixed);
    if (cleaned) blocks.push({ type: 'paragraph', text: cleaned });
  };
  const flushParagraphs = () => {
    if (buffer.trim() !== '') {
      if (options.plainTextLayout) for (const paragraph of splitParagraphs(buffer)) pushParagraph(paragraph);
      else pushParagraph(buffer);
    }
    buffer = '';
  };
  const flushHeading = () => {
    const text = normalizeInline(fixDoubleEscaping(buffer, warnings));
    if (text) blocks.push({ type: 'heading', text });
    buffer = '';
  };

  const emitTable = (table: XmlElement) => {
    for (const caption of childElements(table, 'caption')) pushParagraph(visibleText(caption));
    for (const row of findElements(table, ['tr'])) {
      const cells = childElements(row, 'td', 'th')
        .map((cell) => normalizeInline(visibleText(cell)))
        .filter((cell) => cell !== '');
      if (cells.length > 0) pushParagraph(cells.join(' | '));
    }
  };

  // TT nests its vignette inside a "dat" block: look for kept metadata all the way down.
  const collectMeta = (element: XmlElement) => {
    const key = KEPT_META.find((kept) => classTokens(element).includes(kept));
    if (key) {
      const text = normalizeInline(visibleText(element));
      if (text && meta[key] === undefined) meta[key] = text;
      return;
    }
    for (const child of element.children) if (typeof child !== 'string' && !DROPPED.has(child.name)) collectMeta(child);
  };

  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        buffer += child;
        continue;
      }
      const name = child.name;
      if (DROPPED.has(name)) continue;
      const metaClass = classTokens(child).find((token) => META_CLASSES.has(token));
      if (metaClass) {
        collectMeta(child);
        continue;
      }
      if (name === 'br') {
        buffer += '\n';
      } else if (name === 'table') {
        flushParagraphs();
        emitTable(child);
      } else if (HEADINGS.has(name)) {
        flushParagraphs();
        walk(child);
        flushHeading();
      } else if (BLOCKS.has(name) || CONTAINERS.has(name)) {
        flushParagraphs();
        walk(child);
        flushParagraphs();
      } else {
        walk(child); // inline: em, a, span, NITF person/org/location…
      }
    }
  };
  walk(root);
  flushParagraphs();
  return { blocks, meta };
}

/** Parses an HTML fragment or document (RSS description, ninjs body_html) and reduces it to blocks. */
export function reduceHtml(html: string, options: ReduceOptions): { blocks: BodyBlock[]; meta: BodyMeta } {
  const document = parseMarkup(html, { mode: 'html', warnings: options.warnings });
  return reduceToBlocks(document, options);
}

/** True when text holds markup (a tag), so it should be read as HTML rather than plain text. */
export function looksLikeMarkup(text: string): boolean {
  return TAG_START.test(text);
}

/**
 * Blocks whose text still holds markup (escaped once or many times over) are read as HTML
 * again, a few rounds at most; whatever still looks like a tag after that has its "<"
 * replaced by "‹", so no block can ever carry a tag, however deeply it was escaped.
 */
export function reduceMarkupInBlocks(blocks: BodyBlock[], warnings: WarningCollector): BodyBlock[] {
  let current = blocks;
  for (let round = 0; round < MAX_REDUCTIONS && current.some((block) => looksLikeMarkup(block.text)); round++) {
    warnings.add('Markup in the text was reduced to text');
    current = current.flatMap((block) =>
      looksLikeMarkup(block.text)
        ? reduceHtml(block.text, { warnings, reparsed: true }).blocks.map((inner) => ({
            type: block.type === 'heading' ? ('heading' as const) : inner.type,
            text: inner.text,
          }))
        : [block],
    );
  }
  return current.map((block) => {
    if (!looksLikeMarkup(block.text)) return block;
    warnings.add('Markup escaped too many times was neutralised');
    return { type: block.type, text: block.text.replace(TAG_START_GLOBAL, (tag) => `‹${tag.slice(1)}`) };
  });
}

/** One line of text with any markup reduced to its words (headlines, bylines). */
export function reduceMarkupInLine(value: string | null, warnings: WarningCollector): string | null {
  if (value === null || !looksLikeMarkup(value)) return value;
  const blocks = reduceMarkupInBlocks([{ type: 'paragraph', text: value }], warnings);
  return normalizeInline(blocks.map((block) => block.text).join(' ')) || null;
}
