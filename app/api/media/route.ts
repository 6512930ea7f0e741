import { jsonErrorResponse } from '@/lib/http/json-error';
import { readBodyWithLimit } from '@/lib/http/read-body';
import { authenticateStaffRequest } from '@/lib/http/staff-request';
import { MAX_IMAGE_BYTES, uploadProblem } from '@/lib/media/image-type';
import { mediaVariantPath } from '@/lib/media/media-paths';
import { storeUploadedImage } from '@/lib/media/media-store';

/** An image upload from the editor: the body is the raw file; its type is read from its bytes. */
export async function POST(request: Request): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const bytes = await readBodyWithLimit(request, MAX_IMAGE_BYTES);
  if (bytes === null) {
    const size = Number(request.headers.get('content-length')) || MAX_IMAGE_BYTES + 1;
    const message = uploadProblem(null, size)!;
    return Response.json({ status: 'invalid', message, fieldErrors: { file: [message] } }, { status: 413 });
  }
  try {
    const image = await storeUploadedImage(user, bytes);
    return Response.json({ status: 'stored', ...image, previewUrl: mediaVariantPath(image.id, 640) }, { status: 201 });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
