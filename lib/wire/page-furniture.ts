// Lines that web pages and feeds wrap around a story: sharing buttons, newsletter boxes,
// "Continue reading…" links. They are never part of the copy.
const FURNITURE = new Set([
  'daily newsletter',
  'newsletter',
  'share this article',
  'share',
  'share on facebook',
  'share on twitter',
  'tweet',
  'copy link',
  'advertisement',
  'advertising',
  'sponsored',
  'subscribe',
  'sign up',
  'sign up for our newsletter',
  'read more',
  'continue reading',
  'comments',
  'most read',
  'related articles',
  'related stories',
  'follow us',
  'print',
  'email',
]);
const RELATED_LINK = /^(?:related|read more|see also|also read|more on this|read also|lire aussi)\s*:/i;

/** True for a line of page furniture ("Daily Newsletter", "Share this article", "Continue reading…"). */
export function isPageFurniture(line: string): boolean {
  const folded = line
    .toLowerCase()
    .replace(/[.…:!\s]+$/, '')
    .trim();
  return FURNITURE.has(folded);
}

/** True for a link to another story ("Related: …", "Read more: …"). */
export function isRelatedLink(line: string): boolean {
  return RELATED_LINK.test(line.trim());
}
