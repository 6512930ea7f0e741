import { createHash } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { getDb } from '@/db/client';
import {
  media,
  notifications,
  publishedStories,
  sections,
  stories,
  storyAuthors,
  storyComments,
  storyEvents,
  storyPublications,
  storyRevisions,
  users,
  wireItems,
} from '@/db/schema';
import { DEMO_USERS, seedDatabase } from '@/db/seed';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { readImageVariant, readOriginalImage } from '@/lib/media/media-store';
import { getArticlePage } from '@/lib/public/article-page';
import { getFrontPage } from '@/lib/public/listings';
import { buildArticleJsonLd } from '@/lib/seo/article-json-ld';
import { getFrontPageForDesk } from '@/lib/stories/front-page';
import { listBoard } from '@/lib/stories/list-stories';
import { listNotifications } from '@/lib/stories/notifications';
import { STORY_STATES } from '@/lib/workflow';
import { checkNewsArticle } from '@/test/schema-org';
import {
  DEMO_FRONT_PAGE,
  DEMO_IMAGE_CREDIT,
  DEMO_STORIES,
  DEMO_WIRE_STORY,
  DEMO_WRITERS,
  demoPublishedCount,
} from './demo-content';
import { renderDemoImage } from './demo-images';
import { seedDemoNewsroom, type DemoSeedResult } from './seed-demo-newsroom';

// One database for the file: the tests run in order on the newsroom the first one makes.
const site = { name: 'Wiredesk', baseUrl: 'https://news.example.org' };
let first: DemoSeedResult;

async function actor(email: string) {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  return user!;
}

test('a new newsroom opens with the demo: stories, wire items and the writers behind the bylines', async () => {
  const db = await getDb();
  await seedDatabase(db, { demo: true, demoPassword: 'demo-password-1' });
  first = await seedDemoNewsroom({ password: 'demo-password-1' });
  console.log(`demo newsroom seeded in ${first.ms} ms`);
  expect(first).toMatchObject({ stories: DEMO_STORIES.length + 1, existing: 0, accountsCreated: DEMO_WRITERS.length });
  expect(first.wireItems).toBeGreaterThanOrEqual(9);
  // The demo accounts still sign in with the demo password; the writers have none anyone knows.
  expect((await signInWithPassword({ email: DEMO_USERS[0]!.email, password: 'demo-password-1' })).status).toBe('ok');
  expect((await signInWithPassword({ email: DEMO_WRITERS[0]!.email, password: 'demo-password-1' })).status).not.toBe(
    'ok',
  );
});

test('the desk shows stories in every one of the nine workflow states', async () => {
  const editor = await actor('editor@wiredesk.test');
  const board = await listBoard(editor, {});
  const filled = STORY_STATES.filter((state) => board[state].length > 0);
  expect(filled).toEqual([...STORY_STATES]);
});

test('at least twelve published stories in at least four sections, each with a credited picture, by several writers', async () => {
  const db = await getDb();
  const live = await db
    .select({ storyId: publishedStories.storyId, section: sections.slug, body: publishedStories.body })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId));
  expect(live.length).toBeGreaterThanOrEqual(12);
  expect(new Set(live.map((row) => row.section)).size).toBeGreaterThanOrEqual(4);
  for (const row of live) {
    const image = row.body.content.find((block) => block.type === 'image');
    expect(image, `story ${row.storyId} has a picture`).toBeDefined();
    expect(image?.type === 'image' && image.attrs).toMatchObject({
      credit: DEMO_IMAGE_CREDIT,
      width: 1600,
      height: 900,
    });
  }
  const writers = await db
    .selectDistinct({ userId: storyAuthors.userId })
    .from(storyAuthors)
    .where(
      inArray(
        storyAuthors.storyId,
        live.map((row) => row.storyId),
      ),
    );
  expect(writers.length).toBeGreaterThanOrEqual(5);
  for (const section of ['world', 'politics', 'business', 'technology', 'sport', 'culture'] as const) {
    expect(live.filter((row) => row.section === section)).toHaveLength(demoPublishedCount(section));
  }
});

test('the front page leads with the editors’ pinned lead and its picture, then their top stories in order', async () => {
  const front = await getFrontPage();
  const slugOf = (path: string) => path.split('/').at(-1);
  expect([front.lead!, ...front.top].slice(0, 3).map((story) => slugOf(story.path))).toEqual([...DEMO_FRONT_PAGE]);
  expect(front.lead?.image).toMatchObject({ width: 1600, height: 900, credit: DEMO_IMAGE_CREDIT });
  expect(front.lead?.image?.alt).toMatch(/^Illustration: /);
  expect(1 + front.top.length).toBe(6);
  expect(front.latest.length).toBe(8);
  expect(front.sections.length).toBeGreaterThanOrEqual(4);
  const editor = await actor('editor@wiredesk.test');
  expect((await getFrontPageForDesk(editor)).pinnedCount).toBe(3);
});

test('one story carries a dated correction, with the fix in its text', async () => {
  const page = await getArticlePage('business', 'aldren-ferries-orders-four-electric-boats');
  expect(page.status).toBe('published');
  if (page.status !== 'published') return;
  expect(page.article.corrections).toEqual([
    {
      text: 'An earlier version of this story said the boats would carry 300 passengers each. They will carry 180.',
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    },
  ]);
  expect(page.article.bodyHtml).toContain('carry 180 passengers each');
  expect(page.article.bodyHtml).not.toContain('carry 300 passengers each');
});

test('the story made from the wire is credited to its agency and linked to the item, which is marked used', async () => {
  const page = await getArticlePage('world', DEMO_WIRE_STORY.slug);
  expect(page.status).toBe('published');
  if (page.status !== 'published') return;
  expect(page.article.agency).toBe('AFP');
  expect(page.article.bylines.map((b) => b.name)).toEqual(['Riya Kapoor']);
  expect(page.article.standfirst).toBe(DEMO_WIRE_STORY.standfirst);
  expect(page.article.images[0]?.credit).toBe(DEMO_IMAGE_CREDIT);
  const db = await getDb();
  const [row] = await db
    .select({ status: wireItems.status })
    .from(stories)
    .innerJoin(wireItems, eq(wireItems.id, stories.sourceWireItemId))
    .where(eq(stories.slug, DEMO_WIRE_STORY.slug));
  expect(row?.status).toBe('used');
});

test('every published demo article has JSON-LD a search engine accepts, naming its image at the size served', async () => {
  const db = await getDb();
  const live = await db
    .select({ section: sections.slug, slug: publishedStories.slug })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId));
  for (const { section, slug } of live) {
    const page = await getArticlePage(section, slug);
    if (page.status !== 'published') throw new Error(`${slug} is not published`);
    expect(checkNewsArticle(buildArticleJsonLd(page.article, site)), slug).toEqual([]);
    expect(page.article.description.length).toBeLessThanOrEqual(160);
  }
  const page = await getArticlePage('politics', 'brennick-assembly-passes-budget-after-late-night-vote');
  if (page.status !== 'published') throw new Error('not published');
  // No standfirst: the description is the first paragraph, cut at a word.
  expect(page.article.standfirst).toBe('');
  expect(page.article.description).toMatch(/^The Brennick regional assembly approved next year’s budget .*…$/);
  const [image] = buildArticleJsonLd(page.article, site).image!;
  const variant = await readImageVariant(page.article.images[0]!.mediaId, 1280);
  const served = await sharp(variant!.bytes).metadata();
  expect({ width: image!.width, height: image!.height }).toEqual({ width: served.width, height: served.height });
});

test('the desk has conversations: notes on stories, and unread notifications for reporter and editor', async () => {
  const db = await getDb();
  expect(await db.$count(storyComments)).toBeGreaterThanOrEqual(4);
  const reporter = await actor('reporter@wiredesk.test');
  const editor = await actor('editor@wiredesk.test');
  const told = (await listNotifications(reporter)).map((n) => n.kind);
  expect(told).toEqual(expect.arrayContaining(['published', 'changes_requested']));
  expect((await listNotifications(editor)).map((n) => n.kind)).toContain('submitted');
  // Newest first by id, and the ids follow the times: the seed works in time order.
  const times = (await listNotifications(editor)).map((n) => n.createdAt.getTime());
  expect(times).toEqual([...times].sort((a, b) => b - a));
});

test('seeding again adds nothing: no story, revision, event, picture or notification more', async () => {
  const db = await getDb();
  const count = async () =>
    Promise.all(
      [
        stories,
        storyRevisions,
        storyEvents,
        storyComments,
        storyPublications,
        media,
        notifications,
        wireItems,
        users,
      ].map((table) => db.$count(table)),
    );
  const before = await count();
  const again = await seedDemoNewsroom({ password: 'demo-password-1' });
  expect(again).toMatchObject({ stories: 0, existing: DEMO_STORIES.length + 1, accountsCreated: 0 });
  expect(await count()).toEqual(before);
});

/** What a reader and the desk see of the demo, without ids and times. */
async function contentSnapshot() {
  const db = await getDb();
  const rows = await db
    .select({
      id: stories.id,
      slug: stories.slug,
      headline: stories.headline,
      standfirst: stories.standfirst,
      state: stories.state,
      bodyText: stories.bodyText,
      version: stories.version,
      section: sections.slug,
    })
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .orderBy(asc(stories.id));
  const bylines = await db
    .select({ storyId: storyAuthors.storyId, name: users.name })
    .from(storyAuthors)
    .innerJoin(users, eq(users.id, storyAuthors.userId))
    .orderBy(asc(storyAuthors.storyId), asc(storyAuthors.position));
  const notes = await db.select({ body: storyComments.body }).from(storyComments).orderBy(asc(storyComments.id));
  const pictures = await db.select({ id: media.id }).from(media).orderBy(asc(media.createdAt), asc(media.bytes));
  const hashes = await Promise.all(
    pictures.map(async ({ id }) =>
      createHash('sha256')
        .update((await readOriginalImage(id))!.bytes)
        .digest('hex'),
    ),
  );
  return {
    stories: rows.map(({ id, ...row }) => ({
      ...row,
      bylines: bylines.filter((b) => b.storyId === id).map((b) => b.name),
    })),
    notes: notes.map((note) => note.body),
    front: (await getFrontPage()).lead?.headline,
    pictures: hashes.sort(),
  };
}

test('the demo is the same every time: text, slugs, states, order and pictures, whenever it runs', async () => {
  const before = await contentSnapshot();
  const db = await getDb();
  await db.execute(sql`truncate ${users}, ${sections}, ${media} restart identity cascade`);
  await db.execute(sql`truncate wire_files, wire_facets restart identity cascade`);
  await seedDatabase(db, { demo: true, demoPassword: 'demo-password-2' });
  await seedDemoNewsroom({ password: 'demo-password-2', now: new Date('2031-05-06T07:08:09Z') });
  expect(await contentSnapshot()).toEqual(before);
  expect(before.stories).toHaveLength(DEMO_STORIES.length + 1);
});

test('a picture is the same bytes every time it is drawn, and another story’s differs', async () => {
  const [a, b, c] = await Promise.all([
    renderDemoImage('harbour', 7),
    renderDemoImage('harbour', 7),
    renderDemoImage('harbour', 8),
  ]);
  expect(a.equals(b)).toBe(true);
  expect(a.equals(c)).toBe(false);
  expect(await sharp(a).metadata()).toMatchObject({ width: 1600, height: 900, format: 'jpeg' });
});
