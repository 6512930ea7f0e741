// Addresses of uploaded images, shared by the renderer (server), the editor (browser) and
// the media routes. Pure: no file system, no database.

/** Every media answer's cache header: an id's bytes (and its variants') never change. */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Widths the server makes variants in; any other width is refused, so nobody can fill the disk. */
export const MEDIA_VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export type MediaVariantWidth = (typeof MEDIA_VARIANT_WIDTHS)[number];

/** The original file, as uploaded. */
export function mediaPath(mediaId: string): string {
  return `/media/${mediaId}`;
}

/** The variant at most `width` pixels wide; picks the smallest variant width that covers it. */
export function mediaVariantPath(mediaId: string, width: number): string {
  const variant = MEDIA_VARIANT_WIDTHS.find((w) => w >= width) ?? MEDIA_VARIANT_WIDTHS.at(-1)!;
  return `/media/${mediaId}/w${variant}`;
}

/**
 * A srcset for an image `width` pixels wide: every variant narrower than the original,
 * then the original width itself (served by the next variant up, which never enlarges).
 */
export function mediaSrcSet(mediaId: string, width: number): string {
  const largest = MEDIA_VARIANT_WIDTHS.at(-1)!;
  const entries: string[] = [];
  for (const w of MEDIA_VARIANT_WIDTHS) if (w < width) entries.push(`/media/${mediaId}/w${w} ${w}w`);
  const top = Math.min(width, largest);
  if (!MEDIA_VARIANT_WIDTHS.some((w) => w === top && w < width))
    entries.push(`${mediaVariantPath(mediaId, top)} ${top}w`);
  return entries.join(', ');
}

/** The variant width named in a path segment (`w640`), or null if it is not one we make. */
export function parseVariantSegment(segment: string): MediaVariantWidth | null {
  const match = /^w(\d{3,4})$/.exec(segment);
  const width = match ? Number(match[1]) : NaN;
  return (MEDIA_VARIANT_WIDTHS as readonly number[]).includes(width) ? (width as MediaVariantWidth) : null;
}
