import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '@/lib/permissions';
import type { Role } from '@/lib/roles';
import { createStory } from '@/lib/stories/create-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import type { NewStoryInput } from '@/lib/stories/story-input';
import { createUser, SYSTEM, type NewUser, type StaffUser } from '@/lib/users';
import { transitionStory } from '@/lib/stories/transition-story';
import type { StoryState, WorkflowAction } from '@/lib/workflow';
import { getDb } from './client';
import { sections, stories, storyRevisions } from './schema';

export const FACTORY_PASSWORD = 'correct horse battery';

/** A valid new-user input with a unique email; override any field. */
export function buildUser(overrides: Partial<NewUser> = {}): NewUser & { password: string } {
  const tag = randomBytes(4).toString('hex');
  return {
    name: `Staff ${tag}`,
    email: `staff-${tag}@wiredesk.test`,
    role: 'reporter' satisfies Role,
    password: FACTORY_PASSWORD,
    ...overrides,
  };
}

/** Creates a staff account through the same path the CLI and admin screen use. */
export async function createStaff(overrides: Partial<NewUser> = {}): Promise<StaffUser & { password: string }> {
  const input = buildUser(overrides);
  const user = await createUser(SYSTEM, input);
  return { ...user, password: input.password };
}

/** A valid new-story input; override any field. */
export function buildStory(overrides: Partial<NewStoryInput> = {}): NewStoryInput {
  const tag = randomBytes(3).toString('hex');
  return {
    headline: `Council approves harbour plan ${tag}`,
    standfirst: 'The vote ends a decade of argument over the waterfront.',
    sectionId: 1,
    body: storyBodyFromParagraphs([
      'The city council voted 31 to 12 on Tuesday to approve the harbour plan.',
      'Work is due to start in the spring.',
    ]),
    ...overrides,
  };
}

/** A section to put test stories in (the seed's "World", created if the database is empty). */
export async function getTestSection(slug = 'world', name = 'World'): Promise<number> {
  const db = await getDb();
  await db.insert(sections).values({ slug, name }).onConflictDoNothing({ target: sections.slug });
  const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  return section!.id;
}

/** Creates a draft through the same path the desk uses. */
export async function createTestStory(author: Actor, overrides: Partial<NewStoryInput> = {}) {
  return createStory(author, buildStory({ sectionId: await getTestSection(), ...overrides }));
}

/** One move through the real workflow: who, what, when (and the note, time or correction it needs). */
export type WorkflowStep = {
  by: Actor;
  action: WorkflowAction;
  at: Date;
  note?: string;
  publishAt?: Date;
  correction?: string;
};

/**
 * Walks a story through the workflow one transition at a time, exactly as the desk does
 * (so audit events, notifications, the public copy and cache invalidation are all real).
 */
export async function walkStory(storyId: number, steps: readonly WorkflowStep[]): Promise<void> {
  for (const step of steps) {
    await transitionStory(
      step.by,
      storyId,
      {
        action: step.action,
        note: step.note,
        publishAt: step.publishAt,
        isCorrection: step.correction ? true : undefined,
        correction: step.correction,
      },
      step.at,
    );
  }
}

/** Creates a draft as `reporter` and publishes it as `editor` (submit, publish), at `at`. */
export async function publishTestStory(
  reporter: Actor,
  editor: Actor,
  overrides: Partial<NewStoryInput> = {},
  at = new Date(),
): Promise<{ id: number; slug: string }> {
  const story = await createStory(reporter, buildStory({ sectionId: await getTestSection(), ...overrides }), at);
  await walkStory(story.id, [
    { by: reporter, action: 'submit', at },
    { by: editor, action: 'publish', at },
  ]);
  return story;
}

/**
 * Puts a story straight into a workflow state, bypassing the workflow — for tests that
 * need a story "in review" or "published" without walking it there. Published-ish
 * states get a live revision; `pendingChanges` adds a working-copy version readers do not see.
 */
export async function forceStoryState(
  storyId: number,
  state: StoryState,
  options: { pendingChanges?: boolean; embargoUntil?: Date | null } = {},
): Promise<void> {
  const db = await getDb();
  const [revision] = await db
    .select({ id: storyRevisions.id, version: storyRevisions.version })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), eq(storyRevisions.kind, 'save')))
    .orderBy(desc(storyRevisions.version))
    .limit(1);
  const wasPublished = ['published', 'unpublished', 'killed'].includes(state);
  const live = wasPublished && revision ? { liveRevisionId: revision.id, liveVersion: revision.version } : {};
  await db
    .update(stories)
    .set({
      state,
      ...live,
      ...(wasPublished ? { firstPublishedAt: new Date(), lastPublishedAt: new Date() } : {}),
      ...(options.embargoUntil !== undefined ? { embargoUntil: options.embargoUntil } : {}),
      ...(options.pendingChanges && revision ? { version: revision.version + 1 } : {}),
    })
    .where(eq(stories.id, storyId));
  if (options.pendingChanges && revision) {
    const [current] = await db.select().from(stories).where(eq(stories.id, storyId));
    await db.insert(storyRevisions).values({
      storyId,
      version: revision.version + 1,
      kind: 'save',
      headline: `${current!.headline} (updated)`,
      standfirst: current!.standfirst,
      body: current!.body,
      bodyText: current!.bodyText,
      authorId: current!.createdById,
    });
    await db
      .update(stories)
      .set({ headline: `${current!.headline} (updated)` })
      .where(eq(stories.id, storyId));
  }
}
