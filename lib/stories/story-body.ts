import { z } from 'zod';

// A story body is Tiptap (ProseMirror) JSON. It is validated against exactly the node
// and mark types our editor makes before it is stored, so nothing else ever reaches the
// renderer or the public page: unknown nodes, attributes and URL schemes are refused
// (or, for attributes we do not use, dropped). Pure: shared by the editor and the server.

const MAX_BODY_BYTES = 1_000_000;
const MAX_DEPTH = 12;

/** Link targets readers may follow: web pages and e-mail, never `javascript:` or `data:`. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

const MarkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({
    type: z.literal('link'),
    attrs: z.object({
      href: z.string().max(2000).refine(isSafeHref, { error: 'Links must be http(s) or mailto addresses' }),
    }),
  }),
]);

const TextSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(100_000),
  marks: z.array(MarkSchema).max(5).optional(),
});
const HardBreakSchema = z.object({ type: z.literal('hardBreak') });
const InlineSchema = z.discriminatedUnion('type', [TextSchema, HardBreakSchema]);
const inlineContent = z.array(InlineSchema).max(10_000).optional();

export type StoryInline = z.infer<typeof InlineSchema>;

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

const ImageSchema = z.object({
  type: z.literal('image'),
  attrs: z.object({
    mediaId: z.string().regex(MEDIA_ID_PATTERN, { error: 'Images must be uploaded to Wiredesk' }),
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000),
    alt: z.string().trim().max(MAX_IMAGE_ALT_LENGTH, 'Alt text is too long').default(''),
    caption: z.string().trim().max(MAX_IMAGE_CAPTION_LENGTH, 'Caption is too long').default(''),
    credit: z
      .string({ error: 'Every image needs a credit' })
      .trim()
      .min(1, 'Every image needs a credit')
      .max(MAX_IMAGE_CREDIT_LENGTH, 'Credit is too long'),
  }),
});
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

const ParagraphSchema = z.object({ type: z.literal('paragraph'), content: inlineContent });
const HeadingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: inlineContent,
});
const HorizontalRuleSchema = z.object({ type: z.literal('horizontalRule') });

const BlockSchema: z.ZodType<StoryBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    ParagraphSchema,
    HeadingSchema,
    z.object({ type: z.literal('blockquote'), content: z.array(BlockSchema).min(1).max(1000) }),
    z.object({ type: z.literal('bulletList'), content: z.array(ListItemSchema).min(1).max(1000) }),
    z.object({
      type: z.literal('orderedList'),
      attrs: z.object({ start: z.number().int().min(0).max(1_000_000).optional() }).optional(),
      content: z.array(ListItemSchema).min(1).max(1000),
    }),
    HorizontalRuleSchema,
    ImageSchema,
  ]),
);
const ListItemSchema: z.ZodType<StoryListItem> = z.lazy(() =>
  z.object({ type: z.literal('listItem'), content: z.array(BlockSchema).min(1).max(1000) }),
);

function depthOf(node: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return depth;
  const content = (node as { content?: unknown }).content;
  if (!Array.isArray(content)) return depth;
  let max = depth;
  for (const child of content) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

export const StoryBodySchema: z.ZodType<StoryBody, unknown> = z
  .unknown()
  .superRefine((value, ctx) => {
    // Checked before the recursive schema (depth first: it stops early) so a hostile,
    // deeply nested or huge body costs next to nothing.
    if (depthOf(value) > MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: 'The story body is nested too deeply' });
      return;
    }
    if (JSON.stringify(value ?? null).length > MAX_BODY_BYTES) {
      ctx.addIssue({ code: 'custom', message: 'The story body is too long' });
    }
  })
  .pipe(z.object({ type: z.literal('doc'), content: z.array(BlockSchema).max(10_000) }));

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
