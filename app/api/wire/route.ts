import { authenticateApiToken } from '@/lib/api-tokens';
import { readBodyWithLimit } from '@/lib/http/read-body';
import { ingestWireFile, MAX_STORED_FILE_BYTES } from '@/lib/wire/ingest';

// POST /api/wire — Authorization: Bearer <token>, body = the raw file (DESIGN.md, "Interfaces").
export async function POST(request: Request): Promise<Response> {
  const token = await authenticateApiToken(request.headers.get('authorization'));
  if (!token) {
    return Response.json(
      { error: 'A valid API token is required: Authorization: Bearer <token>' },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    );
  }
  const bytes = await readBodyWithLimit(request, MAX_STORED_FILE_BYTES);
  if (bytes === null) {
    return Response.json(
      { status: 'rejected', error: `File is larger than ${MAX_STORED_FILE_BYTES / 1024 / 1024} MB; not stored` },
      { status: 413 },
    );
  }
  const filename = request.headers.get('x-filename');
  const result = await ingestWireFile(token, { bytes, filename });
  return Response.json(result, { status: result.status === 'rejected' ? 422 : 200 });
}
