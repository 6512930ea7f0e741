import { z } from 'zod';
import { slugify } from '@/lib/stories/slug';
import { isReservedSegment } from './reserved-segments.js';

// Addresses of the public site, in one place: routes in app/, proxy.ts, feeds, sitemaps
// and JSON-LD all build URLs here, so a change of scheme is one edit.

export { isReservedSegment, RESERVED_TOP_LEVEL_SEGMENTS } from './reserved-segments.js';

export const SectionSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens only')
  .max(60)
  .refine((slug) => !isReservedSegment(slug), { error: 'This address is used by the site itself' });

/** Stories per listing page (sections, authors, search). */
export const PUBLIC_PAGE_SIZE = 20;

export function articlePath(sectionSlug: string, storySlug: string): string {
  return `/${sectionSlug}/${storySlug}`;
}

/** /world, /world/page/2, … (page 1 has no suffix, so there is one address per page). */
export function sectionPath(sectionSlug: string, page = 1): string {
  return page > 1 ? `/${sectionSlug}/page/${page}` : `/${sectionSlug}`;
}

export function sectionFeedPath(sectionSlug: string, format: 'rss' | 'atom' = 'rss'): string {
  return `/${sectionSlug}/${format === 'rss' ? 'feed.xml' : 'atom.xml'}`;
}

/** The author's address segment: the stable id, then the name for people ("12-ana-ruiz"). */
export function authorSegment(author: { id: number; name: string }): string {
  const name = slugify(author.name);
  return name ? `${author.id}-${name}` : String(author.id);
}

export function authorPath(author: { id: number; name: string }, page = 1): string {
  const base = `/authors/${authorSegment(author)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

/** The author id in an address segment ("12-ana-ruiz" → 12); null if it is not one. */
export function parseAuthorSegment(segment: string): number | null {
  const match = /^([1-9][0-9]{0,9})(?:-[a-z0-9-]*)?$/.exec(segment);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}

/** A page number from an address segment ("2" → 2); null for "1" (page 1 has no suffix), "02", "x"… */
export function parsePageSegment(segment: string): number | null {
  if (!/^[1-9][0-9]{0,5}$/.test(segment)) return null;
  const page = Number(segment);
  return page >= 2 ? page : null;
}

export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** An absolute URL on the public site (feeds, sitemaps, canonical links, JSON-LD). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
