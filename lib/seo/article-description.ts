import type { StoryBody, StoryInline } from '@/lib/stories/story-body-model';

/** Search engines show about this many characters of a description. */
export const META_DESCRIPTION_MAX = 160;

/** The text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function truncateAtWord(text: string, max = META_DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // A single enormous word is cut mid-word rather than leaving nothing.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

function inlineText(content: StoryInline[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : ' ')).join('');
}

/** The text of the body's first paragraph that has any (headings, images and quotes skipped). */
export function firstParagraphText(body: StoryBody): string {
  for (const block of body.content) {
    if (block.type !== 'paragraph') continue;
    const text = inlineText(block.content).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return '';
}

/**
 * What an article says about itself to search engines and social cards: the standfirst,
 * or when there is none the first paragraph, at most 160 characters either way.
 */
export function describeArticle(standfirst: string, body: StoryBody): string {
  return truncateAtWord(standfirst.trim() || firstParagraphText(body));
}
