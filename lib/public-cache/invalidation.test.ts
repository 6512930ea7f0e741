import postgres from 'postgres';
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, getTestSection } from '@/db/factories';
import { createStory } from '@/lib/stories/create-story';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { saveStory } from '@/lib/stories/save-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { transitionStory } from '@/lib/stories/transition-story';
import type { StaffUser } from '@/lib/users';
import { INVALIDATION_CHANNEL } from './invalidate-public-pages';
import { getInvalidationRegistry, isInvalidatedSince } from './invalidation-registry.js';
import { applyInvalidationMessage } from './listen-for-invalidations';
import { PUBLIC_TAGS } from './public-tags';

let reporter: StaffUser;
let colleague: StaffUser;
let editor: StaffUser;
let n = 0;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Rita Reporter' });
  colleague = await createStaff({ role: 'reporter', name: 'Colin Colleague' });
  editor = await createStaff({ role: 'editor', name: 'Eddie Editor' });
});

async function section(): Promise<{ id: number; slug: string }> {
  const slug = `inv-${++n}`;
  return { id: await getTestSection(slug, `Invalidation ${n}`), slug };
}

async function draft(sectionId: number, headline = `Story ${++n}`) {
  return createStory(reporter, { headline, sectionId, body: storyBodyFromParagraphs(['Text.']) });
}

/** Tags invalidated since `since`, out of the ones asked about. */
function invalidated(tags: string[], since: number): string[] {
  return tags.filter((tag) => isInvalidatedSince([tag], since));
}

async function tick(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 2));
  return Date.now();
}

test('publishing invalidates the front page, search, sitemaps, its section, its address and its authors', async () => {
  const home = await section();
  const elsewhere = await section();
  const { id, slug } = await draft(home.id);
  await transitionStory(reporter, id, { action: 'submit' });
  const before = await tick();
  const watched = [
    PUBLIC_TAGS.front,
    PUBLIC_TAGS.search,
    PUBLIC_TAGS.sitemaps,
    PUBLIC_TAGS.section(home.slug),
    PUBLIC_TAGS.path(home.slug, slug),
    PUBLIC_TAGS.author(reporter.id),
    PUBLIC_TAGS.section(elsewhere.slug),
    PUBLIC_TAGS.author(colleague.id),
  ];
  expect(invalidated(watched, before)).toEqual([]);
  await transitionStory(editor, id, { action: 'publish' });
  expect(invalidated(watched, before)).toEqual(watched.slice(0, 6));
});

test('moves that do not change the public site invalidate nothing, and neither does a refused one', async () => {
  const home = await section();
  const { id } = await draft(home.id);
  const before = await tick();
  await transitionStory(reporter, id, { action: 'submit' });
  await transitionStory(editor, id, { action: 'approve' });
  await transitionStory(editor, id, { action: 'publish' });
  const afterPublish = await tick();
  await expect(transitionStory(editor, id, { action: 'kill' })).rejects.toThrow('A note is required');
  expect(invalidated([PUBLIC_TAGS.section(home.slug)], afterPublish)).toEqual([]);
  expect(invalidated([PUBLIC_TAGS.section(home.slug)], before)).toHaveLength(1);
});

test('a slug and section change reaches the old address and the old section too', async () => {
  const from = await section();
  const to = await section();
  const { id, slug } = await draft(from.id);
  await transitionStory(reporter, id, { action: 'submit' });
  await transitionStory(editor, id, { action: 'publish' });
  const story = await getStoryForEditor(editor, id);
  await saveStory(editor, id, {
    headline: story.headline,
    standfirst: story.standfirst,
    slug: `${slug}-moved`,
    sectionId: to.id,
    body: story.body,
    baseVersion: story.version,
  });
  const before = await tick();
  await transitionStory(editor, id, { action: 'publish_update' });
  const tags = [
    PUBLIC_TAGS.path(from.slug, slug),
    PUBLIC_TAGS.section(from.slug),
    PUBLIC_TAGS.path(to.slug, `${slug}-moved`),
    PUBLIC_TAGS.section(to.slug),
  ];
  expect(invalidated(tags, before)).toEqual(tags);

  for (const [action, note] of [
    ['unpublish', undefined],
    ['publish', undefined],
    ['kill', 'Legal'],
  ] as const) {
    const at = await tick();
    await transitionStory(editor, id, { action, note });
    expect(invalidated(tags, at), action).toEqual(tags);
  }
});

test('a byline change on a published story reaches both authors’ pages at once', async () => {
  const home = await section();
  const { id } = await draft(home.id);
  await transitionStory(reporter, id, { action: 'submit' });
  await transitionStory(editor, id, { action: 'publish' });
  const story = await getStoryForEditor(editor, id);
  const before = await tick();
  await saveStory(editor, id, {
    headline: story.headline,
    standfirst: story.standfirst,
    slug: story.slug,
    sectionId: home.id,
    body: story.body,
    authorIds: [colleague.id],
    baseVersion: story.version,
  });
  expect(invalidated([PUBLIC_TAGS.author(reporter.id), PUBLIC_TAGS.author(colleague.id)], before)).toHaveLength(2);
  // Other saves of a published story change only the working copy: nothing public to drop.
  const again = await tick();
  await saveStory(editor, id, {
    headline: 'Working-copy headline',
    standfirst: story.standfirst,
    slug: story.slug,
    sectionId: home.id,
    body: story.body,
    authorIds: [colleague.id],
    baseVersion: story.version + 1,
  });
  expect(invalidated([PUBLIC_TAGS.section(home.slug), PUBLIC_TAGS.front], again)).toEqual([]);
});

test('the invalidation is broadcast to other instances through the database; a refused move sends nothing', async () => {
  const home = await section();
  const { id, slug } = await draft(home.id);
  await transitionStory(reporter, id, { action: 'submit' });
  const messages: string[] = [];
  const stop = await listen((payload) => messages.push(payload));
  try {
    await expect(transitionStory(editor, id, { action: 'kill' })).rejects.toThrow();
    await transitionStory(editor, id, { action: 'publish' });
    await expect.poll(() => messages.length).toBe(1);
    const message = JSON.parse(messages[0]!) as { origin: string; tags: string[] };
    expect(message.origin).toBe(getInvalidationRegistry().instanceId);
    expect(message.tags).toContain(PUBLIC_TAGS.path(home.slug, slug));
  } finally {
    await stop();
  }
});

// PostgreSQL (npm run test:db): a second connection, like another instance. PGlite: its own listen().
async function listen(onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    const client = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await client.listen(INVALIDATION_CHANNEL, onMessage);
    return () => client.end();
  }
  const db = (await getDb()) as unknown as {
    $client: { listen: (channel: string, cb: (payload: string) => void) => Promise<() => Promise<void>> };
  };
  return db.$client.listen(INVALIDATION_CHANNEL, onMessage);
}

test('a broadcast from another instance is applied; our own is not applied twice; garbage means everything', async () => {
  const start = await tick();
  applyInvalidationMessage(JSON.stringify({ origin: 'other-instance', tags: ['public:section:remote'] }));
  expect(isInvalidatedSince(['public:section:remote'], start)).toBe(true);
  expect(isInvalidatedSince(['public:section:untouched'], start)).toBe(false);

  const own = getInvalidationRegistry().instanceId;
  applyInvalidationMessage(JSON.stringify({ origin: own, tags: ['public:section:own'] }));
  expect(isInvalidatedSince(['public:section:own'], start)).toBe(false);

  applyInvalidationMessage('{"origin": "other", "tags": [tru');
  expect(isInvalidatedSince(['public:section:untouched'], start)).toBe(true);
});
