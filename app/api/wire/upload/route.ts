import { jsonErrorResponse } from '@/lib/http/json-error';
import { readBodyWithLimit } from '@/lib/http/read-body';
import { authenticateStaffRequest } from '@/lib/http/staff-request';
import { ingestWireFile, MAX_STORED_FILE_BYTES } from '@/lib/wire/ingest';

// The desk's "Upload wire files": one file per request, so the page can show progress
// and a result per file. Body = the raw file; its name in X-Filename (URI-encoded).
// Who may upload is decided in lib/ (ingestWireFile checks wire:ingest for staff).
export async function POST(request: Request): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const bytes = await readBodyWithLimit(request, MAX_STORED_FILE_BYTES);
  if (bytes === null) {
    return Response.json(
      { status: 'rejected', error: `File is larger than ${MAX_STORED_FILE_BYTES / 1024 / 1024} MB; not stored` },
      { status: 413 },
    );
  }
  let filename: string | null = null;
  try {
    filename = decodeURIComponent(request.headers.get('x-filename') ?? '') || null;
  } catch {
    filename = request.headers.get('x-filename');
  }
  try {
    const result = await ingestWireFile(user, { bytes, filename });
    return Response.json(result, { status: result.status === 'rejected' ? 422 : 200 });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
