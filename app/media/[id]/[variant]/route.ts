import { MEDIA_CACHE_CONTROL, parseVariantSegment } from '@/lib/media/media-paths';
import { readImageVariant } from '@/lib/media/media-store';

type Params = { params: Promise<{ id: string; variant: string }> };

/** A resized WebP of an uploaded image (`/media/{id}/w640`), for srcset on public pages. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, variant } = await params;
  const width = parseVariantSegment(variant);
  if (width === null) return new Response('Not found', { status: 404 });
  const file = await readImageVariant(id, width);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mime,
      'Content-Length': String(file.bytes.length),
      'Cache-Control': MEDIA_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
