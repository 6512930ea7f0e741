// The story body's shape and the pure helpers over it: no validation library, so the
// browser's editor bundle can use them without carrying zod (lib/stories/story-body.ts
// holds the schema that validates a body on the server and re-exports all of this).

export type StoryMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };
export type StoryInline = { type: 'text'; text: string; marks?: StoryMark[] } | { type: 'hardBreak' };

/** Link targets readers may follow: web pages and e-mail, never `javascript:` or `data:`. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Uploaded media ids: random, lower-case base32 (lib/media/media-id.ts). */
export const MEDIA_ID_PATTERN = /^[a-z2-7]{26}$/;
export const MAX_IMAGE_CREDIT_LENGTH = 200;
export const MAX_IMAGE_CAPTION_LENGTH = 1000;
export const MAX_IMAGE_ALT_LENGTH = 500;

export type StoryImageAttrs = {
  /** Our media id only: the address is built from it, so no outside URL can get in. */
  mediaId: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

export type StoryBlock =
  | { type: 'paragraph'; content?: StoryInline[] }
  | { type: 'heading'; attrs: { level: 2 | 3 }; content?: StoryInline[] }
  | { type: 'blockquote'; content: StoryBlock[] }
  | { type: 'bulletList'; content: StoryListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: StoryListItem[] }
  | { type: 'horizontalRule' }
  | { type: 'image'; attrs: StoryImageAttrs };
export type StoryListItem = { type: 'listItem'; content: StoryBlock[] };
export type StoryBody = { type: 'doc'; content: StoryBlock[] };

/** The body of a new story: one empty paragraph, as the editor starts. */
export function emptyStoryBody(): StoryBody {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** A body made of plain paragraphs (seed data, tests, wire copy). */
export function storyBodyFromParagraphs(paragraphs: string[]): StoryBody {
  const content: StoryBlock[] = paragraphs
    .filter((text) => text.trim() !== '')
    .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function inlineText(content: StoryInline[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

function blockText(block: StoryBlock): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(block.content)];
    case 'blockquote':
      return block.content.flatMap(blockText);
    case 'bulletList':
    case 'orderedList':
      return block.content.flatMap((item) => item.content.flatMap(blockText));
    case 'horizontalRule':
      return [];
    case 'image':
      // The caption is text readers see; the credit and alt text are not counted.
      return [block.attrs.caption];
  }
}

/** The media ids of every image in the body, in order, without repeats. */
export function storyBodyMediaIds(body: StoryBody): string[] {
  const ids = new Set<string>();
  const visit = (blocks: StoryBlock[]) => {
    for (const block of blocks) {
      if (block.type === 'image') ids.add(block.attrs.mediaId);
      else if (block.type === 'blockquote') visit(block.content);
      else if (block.type === 'bulletList' || block.type === 'orderedList')
        for (const item of block.content) visit(item.content);
    }
  };
  visit(body.content);
  return [...ids];
}

/** Every image in the body, in order (each once): the first is the story's picture. */
export function storyBodyImages(body: StoryBody): StoryImageAttrs[] {
  const images = new Map<string, StoryImageAttrs>();
  const visit = (blocks: StoryBlock[]) => {
    for (const block of blocks) {
      if (block.type === 'image') {
        if (!images.has(block.attrs.mediaId)) images.set(block.attrs.mediaId, block.attrs);
      } else if (block.type === 'blockquote') visit(block.content);
      else if (block.type === 'bulletList' || block.type === 'orderedList')
        for (const item of block.content) visit(item.content);
    }
  };
  visit(body.content);
  return [...images.values()];
}

/** Words in a text, as the desk counts them (live counts, revision sizes). */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return matches ? matches.length : 0;
}

/** Reading time in whole minutes at 230 words a minute; at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}

/** The body as plain text, one block per paragraph: for search, word counts and diffs. */
export function storyBodyToText(body: StoryBody): string {
  return body.content
    .flatMap(blockText)
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .join('\n\n');
}

type Loose = Record<string, unknown> & { type?: unknown; content?: unknown; attrs?: Record<string, unknown> };

function normalizeInline(node: Loose): unknown {
  if (node.type !== 'text') return node.type === 'hardBreak' ? { type: 'hardBreak' } : node;
  const marks = Array.isArray(node.marks)
    ? (node.marks as Loose[]).map((mark) =>
        mark.type === 'link' ? { type: 'link', attrs: { href: mark.attrs?.href } } : { type: mark.type },
      )
    : undefined;
  return { type: 'text', text: node.text, marks };
}

function normalizeBlock(node: Loose): unknown {
  const children = (map: (child: Loose) => unknown) =>
    Array.isArray(node.content) ? (node.content as Loose[]).map(map) : undefined;
  const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : (value ?? ''));
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', content: children(normalizeInline) };
    case 'heading':
      return { type: 'heading', attrs: { level: node.attrs?.level }, content: children(normalizeInline) };
    case 'blockquote':
      return { type: 'blockquote', content: children(normalizeBlock) };
    case 'bulletList':
    case 'orderedList':
      return {
        type: node.type,
        attrs: node.type === 'orderedList' && node.attrs ? { start: node.attrs.start } : undefined,
        content: children((item) => ({
          type: 'listItem',
          content: (Array.isArray(item.content) ? (item.content as Loose[]) : []).map(normalizeBlock),
        })),
      };
    case 'horizontalRule':
      return { type: 'horizontalRule' };
    case 'image': {
      const a = node.attrs ?? {};
      return {
        type: 'image',
        attrs: {
          mediaId: a.mediaId,
          width: a.width,
          height: a.height,
          alt: trimmed(a.alt),
          caption: trimmed(a.caption),
          credit: trimmed(a.credit),
        },
      };
    }
    default:
      return node;
  }
}

/**
 * The body reduced to what the server keeps of it (the fields the schema knows, image
 * texts trimmed): the editor adds attributes we never store, so "is this what the server
 * has?" compares this. A browser-side mirror of StoryBodySchema's output for valid bodies.
 */
export function normalizeStoryBody(body: StoryBody): StoryBody {
  const doc = body as unknown as Loose;
  if (doc.type !== 'doc' || !Array.isArray(doc.content)) return body;
  return { type: 'doc', content: (doc.content as Loose[]).map(normalizeBlock) as StoryBlock[] };
}
