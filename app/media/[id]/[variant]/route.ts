import { parseVariantSegment } from '@/lib/media/media-paths';
import { mediaFileResponse } from '@/lib/media/media-response';
import { readImageVariant } from '@/lib/media/media-store';

type Params = { params: Promise<{ id: string; variant: string }> };

/** A resized WebP of an uploaded image (`/media/{id}/w640`), for srcset on public pages. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, variant } = await params;
  const width = parseVariantSegment(variant);
  if (width === null) return new Response('Not found', { status: 404 });
  return mediaFileResponse(await readImageVariant(id, width));
}
