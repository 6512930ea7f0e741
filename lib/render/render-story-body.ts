import { mediaSrcSet, mediaVariantPath } from '@/lib/media/media-paths';
import {
  isSafeHref,
  MEDIA_ID_PATTERN,
  type StoryBlock,
  type StoryBody,
  type StoryImageAttrs,
  type StoryInline,
} from '@/lib/stories/story-body';

// Tiptap JSON → HTML without a DOM, through an allowlist: each known node and mark maps
// to fixed markup, text is escaped, links are re-checked; anything unknown renders as
// nothing. Bodies are validated on save too — this is the second line, not the first.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function renderInline(node: StoryInline): string {
  if (node.type === 'hardBreak') return '<br>';
  if (node.type !== 'text' || typeof node.text !== 'string') return '';
  let html = escapeHtml(node.text);
  // Marks nest inside-out in a fixed order so the same text always gives the same markup.
  const marks = node.marks ?? [];
  if (marks.some((mark) => mark.type === 'italic')) html = `<em>${html}</em>`;
  if (marks.some((mark) => mark.type === 'bold')) html = `<strong>${html}</strong>`;
  const link = marks.find((mark) => mark.type === 'link');
  if (link && link.type === 'link' && typeof link.attrs?.href === 'string' && isSafeHref(link.attrs.href)) {
    html = `<a href="${escapeHtml(link.attrs.href)}" rel="noopener">${html}</a>`;
  }
  return html;
}

function renderInlines(content: StoryInline[] | undefined): string {
  return Array.isArray(content) ? content.map(renderInline).join('') : '';
}

function renderBlocks(blocks: unknown): string {
  return Array.isArray(blocks) ? (blocks as StoryBlock[]).map(renderBlock).join('') : '';
}

function renderBlock(block: StoryBlock): string {
  switch (block?.type) {
    case 'paragraph': {
      const inner = renderInlines(block.content);
      return inner ? `<p>${inner}</p>` : '';
    }
    case 'heading': {
      const level = block.attrs?.level === 3 ? 3 : 2;
      return `<h${level}>${renderInlines(block.content)}</h${level}>`;
    }
    case 'blockquote':
      return `<blockquote>${renderBlocks(block.content)}</blockquote>`;
    case 'bulletList':
      return `<ul>${(block.content ?? []).map((item) => `<li>${renderBlocks(item?.content)}</li>`).join('')}</ul>`;
    case 'orderedList': {
      const start = block.attrs?.start;
      const startAttr = Number.isInteger(start) && start !== 1 ? ` start="${start}"` : '';
      return `<ol${startAttr}>${(block.content ?? []).map((item) => `<li>${renderBlocks(item?.content)}</li>`).join('')}</ol>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'image':
      return renderImage(block.attrs);
    default:
      return '';
  }
}

// Column width of the article body: the browser picks the variant for it from srcset.
const IMAGE_SIZES = '(min-width: 760px) 720px, 100vw';
const DEFAULT_WIDTH = 960;

function renderImage(attrs: StoryImageAttrs | undefined): string {
  if (!attrs || typeof attrs.mediaId !== 'string' || !MEDIA_ID_PATTERN.test(attrs.mediaId)) return '';
  const width = Number.isInteger(attrs.width) && attrs.width > 0 ? attrs.width : DEFAULT_WIDTH;
  const height = Number.isInteger(attrs.height) && attrs.height > 0 ? attrs.height : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const caption = [text(attrs.caption), text(attrs.credit)].filter(Boolean).join(' — ');
  const img =
    `<img src="${escapeHtml(mediaVariantPath(attrs.mediaId, Math.min(width, DEFAULT_WIDTH)))}"` +
    ` srcset="${escapeHtml(mediaSrcSet(attrs.mediaId, width))}" sizes="${IMAGE_SIZES}"` +
    ` width="${width}"${height ? ` height="${height}"` : ''} alt="${escapeHtml(text(attrs.alt))}"` +
    ` loading="lazy" decoding="async">`;
  return `<figure>${img}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

/** The story body as safe HTML for the public page and feeds. */
export function renderStoryBody(body: StoryBody): string {
  return renderBlocks(body?.content);
}
