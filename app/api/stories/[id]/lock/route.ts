import { jsonErrorResponse, readJsonBody } from '@/lib/http/json-error';
import { authenticateStaffRequest } from '@/lib/http/staff-request';
import type { LockResponse } from '@/lib/stories/autosave-protocol';
import { StoryIdSchema } from '@/lib/stories/story-input';
import {
  claimStoryLock,
  getStoryLock,
  releaseStoryLock,
  takeOverStoryLock,
  type StoryLockView,
} from '@/lib/stories/story-lock';

type Params = { params: Promise<{ id: string }> };

function toResponse(view: StoryLockView): Response {
  const body: LockResponse =
    view.status === 'mine'
      ? {
          status: 'mine',
          keptRevisions: view.keptRevisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        }
      : view.status === 'held'
        ? { ...view, since: view.since.toISOString() }
        : view;
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

async function storyId(params: Params['params']): Promise<number | null> {
  const id = StoryIdSchema.safeParse((await params).id);
  return id.success ? id.data : null;
}

/** Who holds the edit lock (read-only pages poll this). */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const id = await storyId(params);
  if (id === null) return Response.json({ status: 'gone' }, { status: 404 });
  return toResponse(await getStoryLock(user, id));
}

/** Takes or renews the lock (the heartbeat); `{"takeOver": true}` takes it from its holder. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const id = await storyId(params);
  if (id === null) return Response.json({ status: 'gone' }, { status: 404 });
  const input = await readJsonBody(request, 1000);
  const takeOver = typeof input === 'object' && input !== null && (input as { takeOver?: unknown }).takeOver === true;
  try {
    return toResponse(takeOver ? await takeOverStoryLock(user, id) : await claimStoryLock(user, id));
  } catch (error) {
    return jsonErrorResponse(error);
  }
}

/** Lets go of the lock (the page is being left). */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const id = await storyId(params);
  if (id === null) return Response.json({ status: 'gone' }, { status: 404 });
  await releaseStoryLock(user, id);
  return new Response(null, { status: 204 });
}
