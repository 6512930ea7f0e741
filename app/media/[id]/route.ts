import { MEDIA_CACHE_CONTROL } from '@/lib/media/media-paths';
import { readOriginalImage } from '@/lib/media/media-store';

type Params = { params: Promise<{ id: string }> };

/**
 * An uploaded image as uploaded. Anyone with the address may fetch it: ids are random
 * (130 bits) and appear in public pages only once a story is published
 * (docs/decisions/007-authoring.md).
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const file = await readOriginalImage((await params).id);
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
