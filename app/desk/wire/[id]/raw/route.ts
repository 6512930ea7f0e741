import { getCurrentUser } from '@/lib/auth/current-user';
import { NotFoundError } from '@/lib/errors';
import { StoryIdSchema } from '@/lib/stories/story-input';
import { getWireItemBytes } from '@/lib/wire/wire-queue';

type Context = { params: Promise<{ id: string }> };

// The file exactly as it was received, for download.
export async function GET(_request: Request, context: Context): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in first', { status: 401 });
  const id = StoryIdSchema.safeParse((await context.params).id);
  if (!id.success) return new Response('Not found', { status: 404 });
  try {
    const { bytes, filename } = await getWireItemBytes(user, id.data);
    const name = (filename ?? `wire-item-${id.data}`).replace(/[^\w.-]+/g, '_');
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${name}"`,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
