// Pasted HTML (Word, Google Docs, web pages) reduced to the structure a story keeps:
// paragraphs, crossheads, lists, quotes, rules, links, bold and italic. Styles, classes,
// fonts, scripts, comments and Office markup go. Pure and DOM-free (a small tokenizer), so
// the browser and the unit tests run the same code. Not the safety net: whatever survives
// is parsed by the editor's schema, and the server validates every save.

type Token =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'conditional'; start: boolean; condition: string };

// Skipped with everything inside them.
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'head',
  'title',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
  'xml',
  'meta',
  'link',
  'form',
  'nav',
]);
const RAW_TEXT = new Set(['script', 'style', 'xml', 'textarea', 'title', 'noscript', 'template']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr', 'col', 'area', 'base', 'source']);

// Elements that start a new block; their own tag is replaced by what the block means.
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'pre',
  'address',
  'td',
  'th',
  'caption',
  'center',
]);
const KEPT_CONTAINERS = new Set(['ul', 'ol', 'blockquote']);

function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeAttr(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      tokens.push({ kind: 'text', text: html.slice(i) });
      break;
    }
    if (lt > i) tokens.push({ kind: 'text', text: html.slice(i, lt) });
    if (html.startsWith('<!--', lt)) {
      // Word hides list markers and VML in conditional comments: <!--[if …]>…<![endif]-->
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![', lt)) {
      // Word's downlevel-revealed conditionals: <![if !supportLists]>…<![endif]>
      const end = html.indexOf(']>', lt);
      const condition = html.slice(lt + 3, end === -1 ? html.length : end).trim();
      tokens.push({ kind: 'conditional', start: !/^endif/i.test(condition), condition });
      i = end === -1 ? html.length : end + 2;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt, lt + 10_000));
    if (!match) {
      tokens.push({ kind: 'text', text: '&lt;' });
      i = lt + 1;
      continue;
    }
    const name = match[2]!.toLowerCase();
    i = lt + match[0].length;
    if (match[1]) {
      tokens.push({ kind: 'close', name });
      continue;
    }
    const rest = match[3] ?? '';
    tokens.push({ kind: 'open', name, attrs: parseAttrs(rest), selfClosing: /\/\s*$/.test(rest) || VOID.has(name) });
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close === -1 ? html.length : close;
    }
  }
  return tokens;
}

function styleOf(attrs: Record<string, string>): Record<string, string> {
  const style: Record<string, string> = {};
  for (const declaration of (attrs.style ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0)
      style[declaration.slice(0, colon).trim().toLowerCase()] = declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase();
  }
  return style;
}

const isBoldWeight = (weight: string | undefined) => !!weight && /^(bold|bolder|[6-9]00)$/.test(weight);

/** Which marks a styled inline element means (Google Docs writes bold as a styled span). */
function inlineMarks(
  name: string,
  attrs: Record<string, string>,
): { bold: boolean; italic: boolean; notBold: boolean } {
  const style = styleOf(attrs);
  const notBold = style['font-weight'] === 'normal' || style['font-weight'] === '400';
  return {
    bold: ((name === 'b' || name === 'strong') && !notBold) || isBoldWeight(style['font-weight']),
    italic: name === 'i' || name === 'em' || name === 'cite' || style['font-style'] === 'italic',
    notBold,
  };
}

function headingFor(name: string, attrs: Record<string, string>): 'h2' | 'h3' | null {
  if (name === 'h1' || name === 'h2') return 'h2';
  if (name === 'h3' || name === 'h4' || name === 'h5' || name === 'h6') return 'h3';
  const cls = attrs.class ?? '';
  // Word's own heading styles, when it writes them as paragraphs.
  if (/\bMso(Title|Heading1|Heading2)\b/i.test(cls)) return 'h2';
  if (/\bMsoHeading[3-6]\b/i.test(cls) || /\bMsoSubtitle\b/i.test(cls)) return 'h3';
  return null;
}

/** A Word list paragraph: `mso-list: l0 level1 lfo1` in its style. */
function wordListLevel(attrs: Record<string, string>): number | null {
  const list = styleOf(attrs)['mso-list'];
  if (!list || list === 'ignore' || list === 'skip') return null;
  const level = /level(\d+)/.exec(list);
  return level ? Number(level[1]) : 1;
}

/** A link readers may follow: http(s), mailto, or nothing. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

/** The closing tags for an inline entry's opening markup (`strong><em` → `</em></strong>`). */
const closers = (markup: string) =>
  markup
    .split('><')
    .reverse()
    .map((tag) => `</${tag.split(' ')[0]}>`)
    .join('');

/** The typed marker of a Word list paragraph ("1.", "a)", "·"), hidden in a supportLists conditional. */
function wordListMarker(tokens: Token[], from: number): string {
  let inside = false;
  let marker = '';
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'conditional') {
      if (t.start && /supportLists/i.test(t.condition)) inside = true;
      else if (!t.start && inside) break;
    } else if (t.kind === 'close' && t.name === 'p') break;
    else if (t.kind === 'text' && inside) marker += t.text;
  }
  return marker.replace(/&nbsp;|\u00a0/g, ' ').trim();
}

/** Cleans HTML from the clipboard down to the markup a story keeps. */
export function cleanPastedHtml(html: string): string {
  const tokens = tokenize(html);
  const out: string[] = [];
  // Open containers we kept (ul, ol, blockquote) and blocks we opened (p, h2, h3, li).
  const containers: string[] = [];
  let block: string | null = null;
  let dropDepth = 0;
  let dropName = '';
  let hideConditional = 0;
  const inline: { name: string; out: string | null }[] = [];
  let wordList: 'ul' | 'ol' | null = null;
  // Paragraphs inside a list item (Google Docs writes <li><p>…</p></li>) stay in the item.
  let innerBlocks = 0;

  const openInline = () =>
    inline
      .filter((m) => m.out)
      .map((m) => `<${m.out}>`)
      .join('');
  const closeInline = () =>
    inline
      .filter((m) => m.out)
      .reverse()
      .map((m) => closers(m.out!))
      .join('');
  const closeBlock = () => {
    if (block) {
      out.push(closeInline(), `</${block}>`);
      block = null;
    }
  };
  const closeWordList = () => {
    if (wordList) {
      closeBlock();
      out.push(`</${wordList}>`);
    }
    wordList = null;
  };
  const ensureBlock = () => {
    if (!block) {
      closeWordList();
      block = 'p';
      out.push('<p>', openInline());
    }
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'conditional') {
      // <![if !supportLists]> wraps Word's typed list marker ("1." or "·"): note it, drop it.
      if (/supportLists/i.test(token.condition)) hideConditional = token.start ? 1 : 0;
      else if (!token.start) hideConditional = 0;
      continue;
    }
    if (dropDepth > 0) {
      if (token.kind === 'open' && token.name === dropName && !token.selfClosing) dropDepth++;
      if (token.kind === 'close' && token.name === dropName) dropDepth--;
      continue;
    }
    if (token.kind === 'text') {
      if (hideConditional) continue;
      const text = token.text.replace(/\s+/g, ' ');
      if (!block && text.trim() === '') continue;
      if (text.replace(/&nbsp;|\u00a0/g, '').trim() === '' && !block) continue;
      ensureBlock();
      out.push(text.replace(/</g, '&lt;'));
      continue;
    }
    const { name } = token;
    if (token.kind === 'open') {
      if (DROP_WITH_CONTENT.has(name) && !token.selfClosing) {
        dropDepth = 1;
        dropName = name;
        continue;
      }
      if (name.includes(':')) continue; // <o:p>, <v:shape>, <w:…>: Office's own markup
      if (name === 'br') {
        if (block) out.push('<br>');
        continue;
      }
      if (name === 'hr') {
        closeWordList();
        closeBlock();
        out.push('<hr>');
        continue;
      }
      if (name === 'img') continue; // only images uploaded to Wiredesk belong in a story
      if (KEPT_CONTAINERS.has(name)) {
        closeWordList();
        closeBlock();
        containers.push(name);
        const start = name === 'ol' ? Number(token.attrs.start) : NaN;
        out.push(name === 'ol' && Number.isInteger(start) && start > 1 ? `<ol start="${start}">` : `<${name}>`);
        continue;
      }
      if (BLOCKS.has(name)) {
        if (block === 'li' && name !== 'li') {
          innerBlocks++;
          continue;
        }
        if (name === 'p' && wordListLevel(token.attrs) !== null) {
          closeBlock();
          const type = /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(wordListMarker(tokens, index + 1)) ? 'ol' : 'ul';
          if (wordList !== type) {
            closeWordList();
            wordList = type;
            out.push(`<${type}>`);
          }
          block = 'li';
          out.push('<li>', openInline());
          continue;
        }
        closeWordList();
        closeBlock();
        const heading = headingFor(name, token.attrs);
        if (name === 'li') {
          block = 'li';
          out.push('<li>', openInline());
        } else if (heading) {
          block = heading;
          out.push(`<${heading}>`, openInline());
        }
        // Other blocks open a paragraph on their first text (ensureBlock), so empty ones vanish.
        continue;
      }
      if (name === 'a') {
        const href = safeHref(token.attrs.href);
        inline.push({ name, out: href ? `a href="${escapeAttr(href)}"` : null });
        if (href && block) out.push(`<a href="${escapeAttr(href)}">`);
        continue;
      }
      const marks = inlineMarks(name, token.attrs);
      const tags = [marks.bold ? 'strong' : null, marks.italic ? 'em' : null].filter(Boolean) as string[];
      // One entry per element; a span that is bold and italic opens both.
      if (token.selfClosing) continue;
      inline.push({ name, out: tags.length ? tags.join('><') : null });
      if (tags.length && block) out.push(`<${tags.join('><')}>`);
      continue;
    }
    // Closing tags.
    if (DROP_WITH_CONTENT.has(name) || name.includes(':')) continue;
    if (KEPT_CONTAINERS.has(name)) {
      closeBlock();
      const at = containers.lastIndexOf(name);
      if (at !== -1) {
        out.push(
          ...containers
            .splice(at)
            .reverse()
            .map((c) => `</${c}>`),
        );
      }
      continue;
    }
    if (BLOCKS.has(name)) {
      if (innerBlocks > 0 && name !== 'li') innerBlocks--;
      else {
        innerBlocks = 0;
        closeBlock();
      }
      continue;
    }
    const at = inline.map((m) => m.name).lastIndexOf(name);
    if (at !== -1) {
      // Elements left open inside the one that closed (sloppy markup) close with it and reopen.
      const closed = inline.splice(at);
      const after = closed.slice(1);
      if (block) {
        for (const mark of [...closed].reverse()) if (mark.out) out.push(closers(mark.out));
        for (const mark of after) if (mark.out) out.push(`<${mark.out}>`);
      }
      inline.push(...after);
    }
  }
  closeWordList();
  closeBlock();
  out.push(...containers.reverse().map((c) => `</${c}>`));
  let result = out.join('');
  for (let pass = 0; pass < 3; pass++) result = result.replace(/<(strong|em)><\/\1>/g, '');
  return result.replace(/<(p|h2|h3)>(\s|&nbsp;|\u00a0|<br>)*<\/\1>/g, '');
}
