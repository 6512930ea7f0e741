import { mediaFileResponse } from '@/lib/media/media-response';
import { readOriginalImage } from '@/lib/media/media-store';

type Params = { params: Promise<{ id: string }> };

/**
 * An uploaded image as uploaded. Anyone with the address may fetch it: ids are random
 * (130 bits) and appear in public pages only once a story is published
 * (docs/decisions/007-authoring.md).
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  return mediaFileResponse(await readOriginalImage((await params).id));
}
