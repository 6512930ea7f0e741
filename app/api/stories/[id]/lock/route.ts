import { jsonErrorResponse, readJsonBody } from '@/lib/http/json-error';
import { authenticateStaffRequest } from '@/lib/http/staff-request';
import { EDIT_SESSION_HEADER, type LockResponse } from '@/lib/stories/autosave-protocol';
import { StoryIdSchema } from '@/lib/stories/story-input';
import {
  claimStoryLock,
  getStoryLock,
  parseEditSession,
  requireEditSession,
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

const sessionOf = (request: Request) => request.headers.get(EDIT_SESSION_HEADER);

/** Who holds the edit lock (read-only pages poll this), as the asking editor page sees it. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const id = await storyId(params);
  if (id === null) return Response.json({ status: 'gone' }, { status: 404 });
  try {
    return toResponse(await getStoryLock(user, id, parseEditSession(sessionOf(request))));
  } catch (error) {
    return jsonErrorResponse(error);
  }
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
    const session = requireEditSession(sessionOf(request));
    return toResponse(takeOver ? await takeOverStoryLock(user, id, session) : await claimStoryLock(user, id, session));
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
  try {
    const session = parseEditSession(sessionOf(request));
    if (session) await releaseStoryLock(user, id, session);
    return new Response(null, { status: 204 });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
