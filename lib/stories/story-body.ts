import { z } from 'zod';
import {
  isSafeHref,
  MAX_IMAGE_ALT_LENGTH,
  MAX_IMAGE_CAPTION_LENGTH,
  MAX_IMAGE_CREDIT_LENGTH,
  MEDIA_ID_PATTERN,
  type StoryBlock,
  type StoryBody,
  type StoryInline,
  type StoryListItem,
} from './story-body-model';

export * from './story-body-model';

// A story body is Tiptap (ProseMirror) JSON. It is validated against exactly the node
// and mark types our editor makes before it is stored, so nothing else ever reaches the
// renderer or the public page: unknown nodes, attributes and URL schemes are refused
// (or, for attributes we do not use, dropped). The server's check; the browser uses the
// zod-free shape and helpers in ./story-body-model, re-exported here.

const MAX_BODY_BYTES = 1_000_000;
const MAX_DEPTH = 12;

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
const InlineSchema: z.ZodType<StoryInline> = z.discriminatedUnion('type', [TextSchema, HardBreakSchema]);
const inlineContent = z.array(InlineSchema).max(10_000).optional();

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
