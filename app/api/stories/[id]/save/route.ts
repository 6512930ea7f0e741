import { jsonErrorResponse, readJsonBody } from '@/lib/http/json-error';
import { authenticateStaffRequest } from '@/lib/http/staff-request';
import { StaleVersionError } from '@/lib/errors';
import { saveStory } from '@/lib/stories/save-story';
import { EDIT_SESSION_HEADER, type SaveResponse } from '@/lib/stories/autosave-protocol';
import { parseEditSession } from '@/lib/stories/story-lock';
import { StoryIdSchema } from '@/lib/stories/story-input';
import { getWorkingCopy } from '@/lib/stories/story-revisions';

type Params = { params: Promise<{ id: string }> };

// A body is at most 1 MB of JSON (StoryBodySchema); the other fields are small.
const MAX_REQUEST_BYTES = 1_200_000;

/** The editor's autosave (and Save, and Ctrl+S): JSON in, JSON out, through saveStory. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const user = await authenticateStaffRequest(request);
  if (user instanceof Response) return user;
  const id = StoryIdSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ status: 'gone', message: 'No such story' }, { status: 404 });
  const input = await readJsonBody(request, MAX_REQUEST_BYTES);
  if (input === null || typeof input !== 'object') {
    return Response.json(
      { status: 'invalid', message: 'The story could not be read', fieldErrors: {} },
      { status: 422 },
    );
  }
  try {
    const session = parseEditSession(request.headers.get(EDIT_SESSION_HEADER));
    const result = await saveStory(user, id.data, input as Parameters<typeof saveStory>[2], new Date(), session);
    const body: SaveResponse = {
      status: 'saved',
      version: result.version,
      changed: result.changed,
      savedAt: new Date().toISOString(),
    };
    return Response.json(body);
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const theirs = await getWorkingCopy(user, id.data);
      const body: SaveResponse = {
        status: 'conflict',
        message: error.message,
        keptRevisionId: error.keptRevisionId,
        theirs: {
          version: theirs.version,
          headline: theirs.headline,
          standfirst: theirs.standfirst,
          slug: theirs.slug,
          dateline: theirs.dateline,
          sectionId: theirs.sectionId,
          authorIds: theirs.authorIds,
          body: theirs.body,
          updatedByName: theirs.updatedByName,
          updatedAt: theirs.updatedAt.toISOString(),
        },
      };
      return Response.json(body, { status: 409 });
    }
    return jsonErrorResponse(error);
  }
}
