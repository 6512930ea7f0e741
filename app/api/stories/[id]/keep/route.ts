import { jsonErrorResponse, readJsonBody } from '@/lib/http/json-error';
import { authenticateStaffRequest } from '@/lib/http/staff-request';
import { StoryIdSchema } from '@/lib/stories/story-input';
import { keepUnsavedText } from '@/lib/stories/story-revisions';

type Params = { params: Promise<{ id: string }> };

/** Text that can no longer be saved to the story (the lock was taken over): kept as a revision. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const id = StoryIdSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ status: 'gone', message: 'No such story' }, { status: 404 });
  const input = await readJsonBody(request, 1_200_000);
  if (input === null || typeof input !== 'object') {
    return Response.json(
      { status: 'invalid', message: 'The text could not be read', fieldErrors: {} },
      { status: 422 },
    );
  }
  try {
    return Response.json({ status: 'kept', ...(await keepUnsavedText(user, id.data, input as never)) });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
