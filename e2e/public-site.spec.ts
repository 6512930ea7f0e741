import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import {
  LEAD_STORY,
  SEARCH_STORY,
  SEARCH_WORD,
  SECRET_DRAFT,
  SPORT_STORY_COUNT,
  sportHeadline,
} from './public-fixtures';
import { DEMO_FRONT_PAGE, DEMO_STORIES, demoPublishedCount } from '@/db/demo/demo-content';
import { storageStatePath } from './sign-in';

const LEAD_PATH = `/${LEAD_STORY.section}/${LEAD_STORY.slug}`;
const DEMO_LEAD = DEMO_STORIES.find((story) => story.slug === DEMO_FRONT_PAGE[0])!;

async function pageAs(browser: Browser, role: 'editor' | 'anonymous', options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    ...options,
    storageState: role === 'anonymous' ? { cookies: [], origins: [] } : storageStatePath(role),
  });
  return context.newPage();
}

const storyState = (page: Page) => page.getByRole('status', { name: 'Story state' });

/** Creates and publishes a story through the desk, as an editor; returns its public path. */
async function publishThroughDesk(editor: Page, headline: string, paragraph: string): Promise<string> {
  await editor.goto('/desk/stories/new');
  await editor.getByLabel('Headline').fill(headline);
  await editor.getByLabel('Standfirst').fill('Filed minutes ago.');
  await editor.getByLabel('Section').selectOption({ label: 'Business' });
  await editor.getByRole('textbox', { name: 'Story body' }).click();
  await editor.keyboard.type(paragraph);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(storyState(editor)).toHaveText('Draft');
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(editor)).toHaveText('In review');
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(storyState(editor)).toHaveText('Published');
  return (await editor.getByRole('link', { name: /^\/business\// }).getAttribute('href'))!;
}

async function text(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

/** Polls until every check passes; returns how long that took after `since`. */
async function msUntil(since: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check()) return Date.now() - since;
    if (Date.now() - since > 5_000) throw new Error('not visible after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const feeds = (section: string) => [
  '/feed.xml',
  '/atom.xml',
  `/${section}/feed.xml`,
  `/${section}/atom.xml`,
  '/news-sitemap.xml',
  `/sitemaps/stories-${new Date().toISOString().slice(0, 7)}.xml`,
  `/search?q=${SEARCH_WORD}`,
  '/',
  `/${section}`,
];

test.describe('readers', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the front page: the editors’ lead, the most recent stories newest first, and each section', async ({
    page,
  }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    // The demo newsroom's editors pinned a lead with a picture (e2e/demo-newsroom.spec.ts
    // moves it about and puts it back).
    const top = page.getByRole('region', { name: 'Top stories' });
    await expect(top.getByRole('heading', { level: 3 }).first()).toHaveText(DEMO_LEAD.headline);
    await expect(top.locator('.front-lead img')).toHaveAttribute('alt', DEMO_LEAD.image!.alt);
    // Other spec files publish stories of their own (and newer ones) into the same site,
    // so the check is relative: the newest fixture comes before every older one shown.
    const latest = page.getByRole('region', { name: 'Most recent' });
    const headlines = await latest.getByRole('link').allTextContents();
    const older = [SEARCH_STORY.headline, ...Array.from({ length: SPORT_STORY_COUNT }, (_, i) => sportHeadline(i + 1))];
    const shownOlder = older.filter((headline) => headlines.includes(headline));
    expect(headlines).toContain(LEAD_STORY.headline);
    expect(shownOlder.length).toBeGreaterThan(0);
    for (const headline of shownOlder) {
      expect(headlines.indexOf(LEAD_STORY.headline)).toBeLessThan(headlines.indexOf(headline));
    }
    await expect(page.getByRole('region', { name: 'Sport' }).getByRole('link', { name: 'Sport' })).toHaveAttribute(
      'href',
      '/sport',
    );
    await expect(page.getByText(SECRET_DRAFT.headline)).toHaveCount(0);
  });

  test('a section pages through its stories, newest first', async ({ page }) => {
    // The e2e stories are newer than the demo newsroom's, whose come last.
    const total = SPORT_STORY_COUNT + demoPublishedCount('sport');
    await page.goto('/sport');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sport');
    const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(headlines).toHaveCount(20);
    await expect(headlines.first()).toHaveText(sportHeadline(SPORT_STORY_COUNT));
    await page.getByRole('link', { name: 'Older stories' }).click();
    await expect(page).toHaveURL(/\/sport\/page\/2$/);
    await expect(headlines).toHaveCount(total - 20);
    await expect(headlines.nth(SPORT_STORY_COUNT - 20 - 1)).toHaveText(sportHeadline(1));
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    expect((await page.request.get('/sport/page/3')).status()).toBe(404);
    expect((await page.request.get('/no-such-section')).status()).toBe(404);
  });

  test('the article page: byline with agency credit, times, body as text, related stories, search metadata', async ({
    page,
  }) => {
    const response = await page.goto(LEAD_PATH);
    expect(response?.status()).toBe(200);
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(LEAD_STORY.headline);
    await expect(article).toContainText(LEAD_STORY.standfirst);
    await expect(article.locator('.article__byline')).toHaveText('By Riya Kapoor and Elena Marsh, with AFP');
    await expect(article.locator('.article__dateline')).toHaveText(LEAD_STORY.dateline);
    await expect(article.locator('time').first()).toHaveAttribute(
      'datetime',
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    // Stored markup is text: the payload is visible as characters and never runs.
    await expect(article).toContainText('<script>alert("xss")</script>');
    await expect(page.locator('.article__body script')).toHaveCount(0);

    const baseUrl = new URL(page.url()).origin;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseUrl}${LEAD_PATH}`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', LEAD_STORY.headline);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: LEAD_STORY.headline,
      articleSection: 'World',
      dateline: LEAD_STORY.dateline,
      author: [{ name: 'Riya Kapoor' }, { name: 'Elena Marsh' }],
      publisher: { name: 'Wiredesk', url: baseUrl },
    });
    expect(jsonLd.datePublished).toMatch(/Z$/);
    expect(jsonLd.dateModified).toMatch(/Z$/);

    await article.getByRole('link', { name: 'Elena Marsh' }).click();
    await expect(page).toHaveURL(/\/authors\/\d+-elena-marsh$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elena Marsh');
    await expect(page.getByRole('link', { name: LEAD_STORY.headline })).toBeVisible();
  });

  test('an author address with a stale name redirects to the current one', async ({ page, request }) => {
    await page.goto(LEAD_PATH);
    const href = (await page.getByRole('article').getByRole('link', { name: 'Riya Kapoor' }).getAttribute('href'))!;
    const id = /\/authors\/(\d+)-/.exec(href)![1];
    for (const old of [`/authors/${id}-old-name`, `/authors/${id}`]) {
      const stale = await request.get(old, { maxRedirects: 0 });
      expect(stale.status()).toBe(308);
      expect(new URL(stale.headers().location!, 'http://x').pathname).toBe(href);
    }
    // Staff with nothing published have no public page, and their id reveals no name.
    const admin = await request.get('/authors/3', { maxRedirects: 0 });
    expect(admin.status()).toBe(404);
  });

  test('search finds published stories with the words highlighted, and never a draft', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search stories' }).fill(SEARCH_WORD);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${SEARCH_WORD}$`));
    await expect(page.getByRole('status')).toHaveText(`1 story matches “${SEARCH_WORD}”`);
    const result = page.getByRole('main').getByRole('listitem');
    await expect(result.getByRole('link', { name: SEARCH_STORY.headline })).toBeVisible();
    await expect(result.locator('mark').first()).toHaveText(SEARCH_WORD);
    await expect(page.getByText(SECRET_DRAFT.headline)).toHaveCount(0);
  });

  test('the article works fully without JavaScript, and ships no script of its own', async ({ browser }) => {
    const page = await pageAs(browser, 'anonymous', { javaScriptEnabled: false });
    await page.goto(LEAD_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LEAD_STORY.headline);
    await expect(page.getByRole('article')).toContainText(LEAD_STORY.paragraphs[0]);
    // Links and the search form are plain HTML.
    await page.getByRole('searchbox', { name: 'Search stories' }).fill(SEARCH_WORD);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('link', { name: SEARCH_STORY.headline })).toBeVisible();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sport' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sport');
    await page.context().close();
  });
});

/**
 * The JavaScript a browser gets with a page: every script file it fetched and every inline
 * script except JSON-LD (data, never run), in bytes and gzipped bytes.
 */
async function javaScriptOf(browser: Browser, url: string) {
  const page = await pageAs(browser, 'anonymous');
  const files: { url: string; bytes: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then((body) => {
        files.push({ url: response.url(), bytes: body.length, gzip: gzipSync(body).length });
      }),
    );
  });
  const answer = await page.goto(url, { waitUntil: 'load' });
  expect(answer?.status(), url).toBe(200);
  await Promise.all(pending);
  const inline = await page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((scripts) => scripts.map((script) => script.outerHTML));
  const inlineBytes = inline.reduce((sum, code) => sum + Buffer.byteLength(code), 0);
  const inlineGzip = inline.length === 0 ? 0 : gzipSync(inline.join('')).length;
  await page.context().close();
  return {
    files,
    inline,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0) + inlineBytes,
    gzip: files.reduce((sum, file) => sum + file.gzip, 0) + inlineGzip,
  };
}

test.describe('reader pages ship no JavaScript', () => {
  // Issue 15's budget is 15 kB gzipped per reader page; they ship none, and any script
  // that came back would also be refused by their CSP (script-src 'none').
  const BUDGET_GZIP = 15 * 1024;

  test('home, section, article, author and search pages: 0 bytes of script, JSON-LD only', async ({
    browser,
    request,
  }) => {
    const article = await text(request, LEAD_PATH);
    const author = /href="(\/authors\/\d+-[a-z0-9-]+)"/.exec(article)?.[1];
    expect(author, 'an author link on the article').toBeTruthy();
    const pages = [
      ['home', '/'],
      ['section', '/sport'],
      ['section, page 2', '/sport/page/2'],
      ['article', LEAD_PATH],
      ['author', author!],
      ['search', `/search?q=${SEARCH_WORD}`],
      ['search, no query', '/search'],
      ['article shared with tracking parameters', `${LEAD_PATH}?utm_source=newsletter`],
    ] as const;
    const measured: string[] = [];
    for (const [name, url] of pages) {
      // Twice: the first answer may be a fresh render, the second comes from memory.
      for (const pass of ['first', 'second']) {
        const js = await javaScriptOf(browser, url);
        measured.push(`${name} (${pass}): ${js.files.length} files, ${js.bytes} B, ${js.gzip} B gzip`);
        expect(
          js.gzip,
          `${name} ${url}: ${JSON.stringify({ files: js.files, inline: js.inline })}`,
        ).toBeLessThanOrEqual(BUDGET_GZIP);
        expect(
          js.files.map((file) => file.url),
          `${name} ${url}`,
        ).toEqual([]);
        expect(js.inline, `${name} ${url}`).toEqual([]);
      }
      // Nor any preload of one, which a browser would fetch anyway.
      expect(await text(request, url), url).not.toMatch(/<link[^>]+as="script"|rel="modulepreload"|\/_next\/[^"]*\.js/);
    }
    test.info().annotations.push({ type: 'JavaScript per reader page', description: measured.join('; ') });
    // The same measurement finds Next.js's runtime where it is meant to be (sign-in).
    expect((await javaScriptOf(browser, '/login')).gzip).toBeGreaterThan(BUDGET_GZIP);
  });

  test('without JavaScript a reader gets everywhere: front page, section pages, article, author, search and its pages', async ({
    browser,
  }) => {
    const page = await pageAs(browser, 'anonymous', { javaScriptEnabled: false });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sport' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sport');
    await page.getByRole('link', { name: 'Older stories' }).click();
    await expect(page).toHaveURL(/\/sport\/page\/2$/);
    await page.getByRole('link', { name: 'Newer stories' }).click();
    await expect(page).toHaveURL(/\/sport$/);
    await page.getByRole('link', { name: sportHeadline(SPORT_STORY_COUNT) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sportHeadline(SPORT_STORY_COUNT));
    await page.getByRole('link', { name: 'Wiredesk', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto(LEAD_PATH);
    await page.getByRole('article').getByRole('link', { name: 'Elena Marsh' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elena Marsh');
    await page.getByRole('link', { name: LEAD_STORY.headline }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LEAD_STORY.headline);
    // Search, from the header form and again from the search page's own form.
    await page.getByRole('searchbox', { name: 'Search stories' }).fill('cup');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('stories match “cup”');
    await page.getByRole('link', { name: 'More results' }).click();
    await expect(page).toHaveURL(/\/search\?q=cup&page=2$/);
    await page.getByRole('searchbox', { name: 'Search published stories' }).fill(SEARCH_WORD);
    await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('link', { name: SEARCH_STORY.headline })).toBeVisible();
    await page.context().close();
  });
});

test('a publish shows in pages, feeds and sitemaps within a second; unpublish takes it out and answers 410', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const editor = await pageAs(browser, 'editor');
  const headline = `Markets rally on ${SEARCH_WORD} merger news`;
  // Everything is cached before the publish, so what follows proves invalidation, not a first render.
  for (const url of feeds('business')) expect(await text(request, url)).not.toContain(headline);

  const path = await publishThroughDesk(editor, headline, 'Shares rose sharply in early trading.');
  const published = Date.now();
  const elapsed = await msUntil(published, async () => {
    const bodies = await Promise.all([path, ...feeds('business')].map((url) => text(request, url)));
    return bodies.every((body) => body.includes(headline) || body.includes(path));
  });
  test.info().annotations.push({ type: 'publish → visible everywhere (ms)', description: String(elapsed) });
  console.log(`publish → visible on the article, home, section, feeds, sitemaps and search: ${elapsed} ms`);
  expect(elapsed).toBeLessThan(1_000);
  expect(await text(request, '/feed.xml')).toContain(`<title>${headline}</title>`);

  await editor.getByRole('button', { name: 'Unpublish' }).click();
  await expect(storyState(editor)).toHaveText('Unpublished');
  const unpublished = Date.now();
  const gone = await msUntil(unpublished, async () => {
    if ((await request.get(path)).status() !== 410) return false;
    const bodies = await Promise.all(feeds('business').map((url) => text(request, url)));
    return bodies.every((body) => !body.includes(headline));
  });
  test.info().annotations.push({ type: 'unpublish → gone everywhere (ms)', description: String(gone) });
  console.log(`unpublish → 410 and gone from feeds, sitemaps and search: ${gone} ms`);
  expect(gone).toBeLessThan(1_000);
  const reader = await pageAs(browser, 'anonymous');
  expect((await reader.goto(path))?.status()).toBe(410);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('This story is no longer available');
  await expect(reader.getByText('Shares rose sharply')).toHaveCount(0);
});

test('after a slug change and "Publish update", the old address answers 301 to the new one', async ({
  browser,
  request,
}) => {
  const editor = await pageAs(browser, 'editor');
  const path = await publishThroughDesk(editor, 'Factory output beats forecasts', 'Output rose 4 percent.');
  expect((await request.get(path)).status()).toBe(200);
  await editor.getByLabel('Slug').fill('factory-output-beats-forecasts-again');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  // The button appears once the page knows there are changes to publish.
  const publishUpdate = editor.getByRole('button', { name: 'Publish update' });
  await expect(publishUpdate).toBeVisible();
  await publishUpdate.click();
  // Publish update asks whether it is a correction; this one is not.
  await editor.getByRole('dialog', { name: 'Publish update' }).getByRole('button', { name: 'Publish update' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Update published.' })).toBeVisible();
  await expect(storyState(editor)).toHaveText('Published');

  const moved = await request.get(path, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(new URL(moved.headers().location!, 'http://relative.invalid').pathname).toBe(
    '/business/factory-output-beats-forecasts-again',
  );
  expect(await text(request, '/business/factory-output-beats-forecasts-again')).toContain('Output rose 4 percent.');
  expect(await text(request, '/business/feed.xml')).toContain('/business/factory-output-beats-forecasts-again');
});

test('a killed story answers 410 with a short notice, at every address it had', async ({ browser, request }) => {
  const editor = await pageAs(browser, 'editor');
  const path = await publishThroughDesk(editor, 'Retailer denies takeover talks', 'The company declined to comment.');
  expect((await request.get(path)).status()).toBe(200);
  await editor.getByRole('button', { name: 'Kill' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Kill' });
  await dialog.getByLabel('Note').fill('Legal asked us to take it down.');
  await dialog.getByRole('button', { name: 'Kill' }).click();
  await expect(storyState(editor)).toHaveText('Killed');
  const gone = await request.get(path);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain('This story is no longer available');
  expect(await text(request, '/business/feed.xml')).not.toContain('Retailer denies takeover talks');
});

test.describe('accessibility (axe: no serious or critical violation)', () => {
  async function expectAccessible(page: Page) {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }

  for (const [name, url] of [
    ['home', '/'],
    ['section', '/sport'],
    ['article', LEAD_PATH],
    ['search', `/search?q=${SEARCH_WORD}`],
    ['login', '/login'],
  ] as const) {
    test(`${name} page`, async ({ browser }) => {
      const page = await pageAs(browser, 'anonymous');
      await page.goto(url);
      await expectAccessible(page);
    });
  }

  test('desk dashboard and story editor', async ({ browser }) => {
    const page = await pageAs(browser, 'editor');
    await page.goto('/desk');
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/desk/stories/new');
    await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/desk/stories?q=zephyrine');
    await page.getByRole('link', { name: SECRET_DRAFT.headline }).click();
    await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible();
    await expectAccessible(page);
  });
});
