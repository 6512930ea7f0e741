import { getCurrentUser } from '@/lib/auth/current-user';
import { isSameOrigin, readBodyWithLimit } from '@/lib/http/read-body';
import { can } from '@/lib/permissions';
import { ingestWireFile, MAX_STORED_FILE_BYTES } from '@/lib/wire/ingest';

// The desk's "Upload wire files": one file per request, so the page can show progress
// and a result per file. Body = the raw file; its name in X-Filename (URI-encoded).
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  if (!can(user, 'desk:view')) return Response.json({ error: 'Not allowed' }, { status: 403 });
  if (!isSameOrigin(request)) return Response.json({ error: 'Cross-site request refused' }, { status: 403 });
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
  const result = await ingestWireFile(bytes, { channel: 'upload', filename, source: user.name });
  return Response.json(result, { status: result.status === 'rejected' ? 422 : 200 });
}
