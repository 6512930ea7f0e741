import { beforeAll, expect, test } from 'vitest';
import { createStaff, forceStoryState, getTestSection } from '@/db/factories';
import { createStory } from '@/lib/stories/create-story';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { saveStory } from '@/lib/stories/save-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { transitionStory } from '@/lib/stories/transition-story';
import type { StaffUser } from '@/lib/users';
import { getArticlePage } from './article-page';
import { getAuthorPage, getFrontPage, getSectionPage, listRelatedStories } from './listings';
import { searchPublishedStories } from './search';
import {
  listFeedStories,
  listNewsSitemapStories,
  listSitemapMonths,
  listSitemapPages,
  listSitemapStories,
} from './syndication';

let reporter: StaffUser;
let colleague: StaffUser;
let editor: StaffUser;
let quietSection: number;

// Each test works in sections of its own, so counts do not depend on test order.
let sectionCounter = 0;
async function freshSection(name: string): Promise<{ id: number; slug: string }> {
  const slug = `${name.toLowerCase().replace(/\W+/g, '-')}-${++sectionCounter}`;
  return { id: await getTestSection(slug, name), slug };
}

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Ana Ruiz' });
  colleague = await createStaff({ role: 'reporter', name: 'Tom Berg' });
  editor = await createStaff({ role: 'editor', name: 'Eddie Editor' });
  quietSection = await getTestSection('quiet', 'Quiet');
});

const at = (iso: string) => new Date(iso);

async function publishStory(
  input: {
    headline: string;
    sectionId: number;
    paragraphs?: string[];
    agency?: string;
    dateline?: string;
    authorIds?: number[];
  },
  when = new Date(),
) {
  const { id, slug } = await createStory(
    reporter,
    {
      headline: input.headline,
      standfirst: `Standfirst of ${input.headline}`,
      sectionId: input.sectionId,
      agency: input.agency,
      dateline: input.dateline,
      authorIds: input.authorIds,
      body: storyBodyFromParagraphs(input.paragraphs ?? [`Body of ${input.headline}.`]),
    },
    when,
  );
  await transitionStory(reporter, id, { action: 'submit' }, when);
  await transitionStory(editor, id, { action: 'publish' }, when);
  return { id, slug };
}

test('a section page lists its published stories newest first, twenty to a page', async () => {
  const section = await freshSection('Harbour');
  for (let i = 0; i < 23; i++) {
    await publishStory({ headline: `Harbour story ${i}`, sectionId: section.id }, at(`2026-11-01T10:${10 + i}:00Z`));
  }
  const first = await getSectionPage(section.slug, 1);
  expect(first).toMatchObject({ section: { slug: section.slug, name: 'Harbour' }, page: 1, pageCount: 2, total: 23 });
  expect(first!.items.map((s) => s.headline).slice(0, 3)).toEqual([
    'Harbour story 22',
    'Harbour story 21',
    'Harbour story 20',
  ]);
  expect(first!.items).toHaveLength(20);
  const second = await getSectionPage(section.slug, 2);
  expect(second!.items.map((s) => s.headline)).toEqual(['Harbour story 2', 'Harbour story 1', 'Harbour story 0']);
  expect(second!.items[0]).toMatchObject({
    path: `/${section.slug}/harbour-story-2`,
    section: { slug: section.slug, name: 'Harbour' },
    bylines: [{ id: reporter.id, name: 'Ana Ruiz' }],
    firstPublishedAt: '2026-11-01T10:12:00.000Z',
  });
  expect((await getSectionPage(section.slug, 3))!.items).toEqual([]);
  expect(await getSectionPage('no-such-section', 1)).toBeNull();
});

test('with nothing pinned, the front page leads with the newest stories, then the latest of each section without repeats', async () => {
  const a = await freshSection('Alpha');
  const b = await freshSection('Beta');
  await publishStory({ headline: 'Alpha old', sectionId: a.id }, at('2030-01-01T08:00:00Z'));
  await publishStory({ headline: 'Beta only', sectionId: b.id }, at('2030-01-01T09:00:00Z'));
  await publishStory({ headline: 'Alpha new', sectionId: a.id }, at('2030-01-01T10:00:00Z'));
  const front = await getFrontPage({ slots: 2, perSection: 3, latest: 3 });
  expect(front.lead?.headline).toBe('Alpha new');
  expect(front.top.map((s) => s.headline)).toEqual(['Beta only']);
  // The most recent list is the plain newest-first run, whatever is shown above it.
  expect(front.latest.map((s) => s.headline)).toEqual(['Alpha new', 'Beta only', 'Alpha old']);
  expect(front.sections.find((s) => s.slug === a.slug)?.stories.map((s) => s.headline)).toEqual(['Alpha old']);
  // A section whose only story is already on top is left out rather than shown empty.
  expect(front.sections.find((s) => s.slug === b.slug)).toBeUndefined();
});

test('an author page lists the stories they have a byline on, and only authors with some have one', async () => {
  const author = await createStaff({ role: 'reporter', name: 'Petra Pages' });
  const section = await freshSection('Authors');
  const { id } = await createStory(author, {
    headline: 'Petra solo',
    sectionId: section.id,
    body: storyBodyFromParagraphs(['x']),
  });
  await forceStoryState(id, 'approved');
  await transitionStory(editor, id, { action: 'publish' }, at('2026-10-01T10:00:00Z'));
  await publishStory(
    { headline: 'Joint piece', sectionId: section.id, authorIds: [reporter.id, author.id] },
    at('2026-10-02T10:00:00Z'),
  );
  const page = await getAuthorPage(author.id, 1);
  expect(page).toMatchObject({ author: { id: author.id, name: 'Petra Pages' }, total: 2, pageCount: 1 });
  expect(page!.items.map((s) => s.headline)).toEqual(['Joint piece', 'Petra solo']);
  expect(page!.items[0]!.bylines.map((b) => b.name)).toEqual(['Ana Ruiz', 'Petra Pages']);
  expect(await getAuthorPage(editor.id, 1)).toBeNull(); // staff with nothing published
  expect(await getAuthorPage(999_999, 1)).toBeNull();
});

test('an article page has the live text, bylines with agency credit, and related stories from its section', async () => {
  const section = await freshSection('Quakes');
  await publishStory({ headline: 'Earlier quake', sectionId: section.id }, at('2026-09-01T10:00:00Z'));
  const { slug } = await publishStory(
    {
      headline: 'Quake shakes the capital',
      sectionId: section.id,
      agency: 'AFP',
      dateline: 'KYIV',
      authorIds: [reporter.id, colleague.id],
      paragraphs: ['First <b>tremor</b> at dawn.'],
    },
    at('2026-09-02T10:00:00Z'),
  );
  const result = await getArticlePage(section.slug, slug);
  expect(result.status).toBe('published');
  if (result.status !== 'published') return;
  expect(result.article).toMatchObject({
    headline: 'Quake shakes the capital',
    bylines: [
      { id: reporter.id, name: 'Ana Ruiz' },
      { id: colleague.id, name: 'Tom Berg' },
    ],
    agency: 'AFP',
    dateline: 'KYIV',
    path: `/${section.slug}/${slug}`,
    firstPublishedAt: '2026-09-02T10:00:00.000Z',
    bodyHtml: '<p>First &lt;b&gt;tremor&lt;/b&gt; at dawn.</p>',
  });
  expect(result.related.map((s) => s.headline)).toEqual(['Earlier quake']);
  expect(await getArticlePage(section.slug, 'no-such-story')).toEqual({ status: 'unknown' });
  expect(await listRelatedStories(result.article.storyId, 'no-such-section')).toEqual([]);
});

test('search: websearch syntax, best match first, highlighted words, published stories only', async () => {
  const section = await freshSection('Search');
  await publishStory(
    {
      headline: 'Ferry strike halts the quorvex crossing',
      sectionId: section.id,
      paragraphs: ['The quorvex ferry stayed in port.'],
    },
    at('2026-08-01T10:00:00Z'),
  );
  await publishStory(
    {
      headline: 'Bus timetable',
      sectionId: section.id,
      paragraphs: ['Buses replace the quorvex ferry during the strike.'],
    },
    at('2026-08-02T10:00:00Z'),
  );
  await publishStory(
    { headline: 'Quorvex bus depot opens', sectionId: section.id, paragraphs: ['A new depot.'] },
    at('2026-08-03T10:00:00Z'),
  );
  const draft = await createStory(reporter, {
    headline: 'Draft about the quorvex ferry',
    sectionId: section.id,
    body: storyBodyFromParagraphs(['quorvex ferry draft']),
  });
  expect(draft.id).toBeGreaterThan(0);

  const ferry = await searchPublishedStories('quorvex ferry');
  expect(ferry.results.map((r) => r.headline.map((p) => p.text).join(''))).toEqual([
    'Ferry strike halts the quorvex crossing',
    'Bus timetable',
  ]);
  expect(ferry.total).toBe(2);
  expect(ferry.results[0]!.headline).toContainEqual({ text: 'quorvex', match: true });
  expect(ferry.results[1]!.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(
    expect.arrayContaining(['quorvex', 'ferry']),
  );
  expect((await searchPublishedStories('quorvex -ferry')).results.map((r) => r.storyId)).toHaveLength(1);
  expect((await searchPublishedStories('"quorvex bus"')).total).toBe(1);
  expect((await searchPublishedStories('quorvex or nonexistentword')).total).toBe(3);
  expect((await searchPublishedStories('draft quorvex')).total).toBe(0);
  // Syntax characters alone are not an error, just nothing to find.
  expect(await searchPublishedStories('&&& ((( !!!')).toMatchObject({ total: 0, results: [] });
  expect(await searchPublishedStories('   ')).toMatchObject({ total: 0, results: [] });
});

test('search results page through the matches', async () => {
  const section = await freshSection('Pager');
  for (let i = 0; i < 5; i++) {
    await publishStory({ headline: `Blimvar report ${i}`, sectionId: section.id }, at(`2026-07-0${i + 1}T10:00:00Z`));
  }
  const first = await searchPublishedStories('blimvar', 1, 2);
  const third = await searchPublishedStories('blimvar', 3, 2);
  expect(first).toMatchObject({ total: 5, pageCount: 3, capped: false });
  expect(third.results).toHaveLength(1);
  const seen = new Set([
    ...first.results.map((r) => r.storyId),
    ...(await searchPublishedStories('blimvar', 2, 2)).results.map((r) => r.storyId),
    ...third.results.map((r) => r.storyId),
  ]);
  expect(seen.size).toBe(5);
});

test('the news sitemap has the stories first published in the last 48 hours, newest first', async () => {
  const now = at('2031-03-10T12:00:00Z');
  const section = await freshSection('News');
  await publishStory({ headline: 'Three days old', sectionId: section.id }, at('2031-03-07T12:00:00Z'));
  await publishStory({ headline: 'Forty-nine hours old', sectionId: section.id }, at('2031-03-08T11:00:00Z'));
  await publishStory({ headline: 'Forty-seven hours old', sectionId: section.id }, at('2031-03-08T13:00:00Z'));
  await publishStory({ headline: 'One hour old', sectionId: section.id }, at('2031-03-10T11:00:00Z'));
  const stories = await listNewsSitemapStories(now);
  expect(stories.map((s) => s.headline)).toEqual(['One hour old', 'Forty-seven hours old']);
  expect(stories[0]).toEqual({
    path: `/${section.slug}/one-hour-old`,
    headline: 'One hour old',
    firstPublishedAt: '2031-03-10T11:00:00.000Z',
  });
});

test('sitemaps: one file per month of first publication, each listing that month’s stories', async () => {
  const section = await freshSection('Months');
  await publishStory({ headline: 'January piece', sectionId: section.id }, at('2019-01-31T23:59:00Z'));
  await publishStory({ headline: 'February piece', sectionId: section.id }, at('2019-02-01T00:01:00Z'));
  const months = await listSitemapMonths();
  expect(months).toEqual(
    expect.arrayContaining([
      { path: '/sitemaps/stories-2019-01.xml', lastModified: '2019-01-31T23:59:00.000Z' },
      { path: '/sitemaps/stories-2019-02.xml', lastModified: '2019-02-01T00:01:00.000Z' },
    ]),
  );
  expect(await listSitemapStories('2019-01')).toEqual([
    { path: `/${section.slug}/january-piece`, lastModified: '2019-01-31T23:59:00.000Z' },
  ]);
  const pages = (await listSitemapPages()).map((p) => p.path);
  expect(pages).toContain('/');
  expect(pages).toContain(`/${section.slug}`);
  expect(pages).toContain(`/authors/${reporter.id}-ana-ruiz`);
  expect(pages).not.toContain(`/authors/${editor.id}-eddie-editor`);
});

test('nothing unpublished leaks: drafts, reviews, schedules, unpublished, killed, spiked and pending edits', async () => {
  const section = await freshSection('Leaks');
  const secret = (state: string) => `Secret ${state} glorptang`;
  const leakTo = async (state: Parameters<typeof forceStoryState>[1]) => {
    const { id } = await createStory(reporter, {
      headline: secret(state),
      sectionId: section.id,
      body: storyBodyFromParagraphs([`glorptang ${state} body`]),
    });
    await forceStoryState(id, state);
    return id;
  };
  for (const state of ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'spiked'] as const) {
    await leakTo(state);
  }
  const unpublished = await publishStory({ headline: secret('unpublished'), sectionId: section.id });
  await transitionStory(editor, unpublished.id, { action: 'unpublish' });
  const killed = await publishStory({ headline: secret('killed'), sectionId: section.id });
  await transitionStory(editor, killed.id, { action: 'kill', note: 'Legal' });
  // Published, with a working copy readers must not see until "Publish update".
  const live = await publishStory({
    headline: 'Live glorptang story',
    sectionId: section.id,
    paragraphs: ['Live text.'],
  });
  const working = await getStoryForEditor(editor, live.id);
  await saveStory(editor, live.id, {
    headline: secret('working copy'),
    standfirst: working.standfirst,
    slug: 'secret-working-slug',
    sectionId: quietSection,
    body: storyBodyFromParagraphs(['glorptang working copy body']),
    baseVersion: working.version,
  });

  const everything = JSON.stringify([
    await getFrontPage({ slots: 50, perSection: 50, latest: 50 }),
    await getSectionPage(section.slug, 1),
    await getSectionPage('quiet', 1),
    await getAuthorPage(reporter.id, 1),
    await searchPublishedStories('glorptang'),
    await listFeedStories({ limit: 1000 }),
    await listFeedStories({ sectionSlug: section.slug }),
    await listNewsSitemapStories(new Date(Date.now() + 60_000)),
    await listSitemapMonths().then((months) =>
      Promise.all(months.map((m) => listSitemapStories(m.path.slice(18, 25)))),
    ),
    await listSitemapPages(),
    await getArticlePage(section.slug, live.slug),
    await getArticlePage('quiet', 'secret-working-slug'),
  ]);
  expect(everything).toContain('Live glorptang story');
  expect(everything).toContain('Live text.');
  // Checked one by one, so a failure names what leaked rather than dumping every page.
  const leaked = ['Secret ', 'glorptang draft', 'glorptang spiked', 'working copy', 'secret-working-slug'].filter(
    (text) => everything.includes(text),
  );
  expect(leaked).toEqual([]);
  expect((await searchPublishedStories('glorptang')).total).toBe(1);
  expect((await searchPublishedStories('secret')).total).toBe(0);
  expect(await getArticlePage(section.slug, unpublished.slug)).toEqual({ status: 'gone' });
  expect(await getArticlePage(section.slug, killed.slug)).toEqual({ status: 'gone' });
});
