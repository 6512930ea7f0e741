import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createTestStory, forceStoryState } from '@/db/factories';
import { stories, storyEvents } from '@/db/schema';
import { ForbiddenError, InvalidTransitionError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { ROLES, type Role } from '@/lib/roles';
import type { StaffUser } from '@/lib/users';
import { nextState, STORY_STATES, WORKFLOW_ACTIONS } from '@/lib/workflow';
import { transitionStory } from './transition-story';

// The whole role × state × action × ownership matrix, executed for real through lib/:
// an allowed move changes the state and writes exactly one audit event; a refused one
// throws and changes nothing at all.

const staff = {} as Record<Role, StaffUser>;
let otherReporter: StaffUser;

beforeAll(async () => {
  for (const role of ROLES) staff[role] = await createStaff({ role });
  otherReporter = await createStaff({ role: 'reporter' });
});

async function snapshot(storyId: number) {
  const db = await getDb();
  const [story] = await db.select().from(stories).where(eq(stories.id, storyId));
  const events = await db.select().from(storyEvents).where(eq(storyEvents.storyId, storyId));
  return { story: story!, events };
}

const cases = ROLES.flatMap((role) =>
  STORY_STATES.flatMap((state) =>
    WORKFLOW_ACTIONS.flatMap((action) => [true, false].map((own) => [role, action, state, own] as const)),
  ),
);

test.each(cases)('a %s tries to %s a %s story (own: %s)', async (role, action, state, own) => {
  const actor = staff[role];
  const author = own ? actor : otherReporter;
  const { id } = await createTestStory(author);
  // Published stories get pending changes, so that "publish update" is possible.
  await forceStoryState(id, state, { pendingChanges: state === 'published' });
  const before = await snapshot(id);

  const attempt = transitionStory(
    actor,
    id,
    {
      action,
      note: action === 'request_changes' || action === 'kill' ? 'A reason' : undefined,
      publishAt: action === 'schedule' ? new Date(Date.now() + 3_600_000) : undefined,
    },
    new Date(),
  );

  const to = nextState(action, state);
  const permitted = can(actor, action, { state, authorIds: [author.id] });
  if (to !== null && permitted) {
    await expect(attempt).resolves.toEqual({ state: to });
    const after = await snapshot(id);
    expect(after.story.state).toBe(to);
    expect(after.events).toHaveLength(before.events.length + 1);
    const event = after.events.at(-1)!;
    expect(event).toMatchObject({ action, fromState: state, toState: to, actorId: actor.id });
  } else {
    await expect(attempt).rejects.toBeInstanceOf(to === null ? InvalidTransitionError : ForbiddenError);
    expect(await snapshot(id)).toEqual(before);
  }
});
