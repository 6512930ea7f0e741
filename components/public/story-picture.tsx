import { mediaSrcSet, mediaVariantPath } from '@/lib/media/media-paths';
import type { CardImage } from '@/lib/public/story-card';

/**
 * A story's picture in resized WebP variants (srcset): the browser downloads only the
 * width the layout needs. `alt` is empty for thumbnails beside a headline link, which
 * already says what the story is.
 */
export function StoryPicture({
  image,
  sizes,
  displayWidth,
  alt,
  priority = false,
  className,
}: {
  image: CardImage;
  sizes: string;
  /** The widest the picture is shown, in CSS pixels: picks the plain `src` for old browsers. */
  displayWidth: number;
  alt: string;
  /** The page's main picture: fetched at once rather than lazily. */
  priority?: boolean;
  className?: string;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own variants and srcset; next/image would add client JS
    <img
      className={className}
      src={mediaVariantPath(image.mediaId, Math.min(displayWidth, image.width))}
      srcSet={mediaSrcSet(image.mediaId, image.width)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={alt}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
      {...(priority ? { fetchPriority: 'high' as const } : {})}
    />
  );
}
