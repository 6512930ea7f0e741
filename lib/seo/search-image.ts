import { mediaVariantPath } from '@/lib/media/media-paths';
import { absoluteUrl } from '@/lib/public-routes';

/** The variant search engines and social cards get: wide enough for large previews (≥ 1200). */
export const SEARCH_IMAGE_WIDTH = 1280;

/**
 * The absolute address and exact pixel size of the image variant given to search
 * engines and social cards. Variants are never enlarged, and sharp rounds the height.
 */
export function searchImage(
  image: { mediaId: string; width: number; height: number },
  baseUrl: string,
): { url: string; width: number; height: number } {
  const width = Math.min(image.width, SEARCH_IMAGE_WIDTH);
  const height = width === image.width ? image.height : Math.round((image.height * width) / image.width);
  return { url: absoluteUrl(baseUrl, mediaVariantPath(image.mediaId, SEARCH_IMAGE_WIDTH)), width, height };
}
