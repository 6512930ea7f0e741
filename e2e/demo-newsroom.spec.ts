import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_FRONT_PAGE, DEMO_STORIES, type DemoStory } from '@/db/demo/demo-content';
import { storageStatePath } from './sign-in';

// The e2e server starts on a database seeded the way a first start seeds one (e2e/prepare.ts
// adds its own stories after the demo newsroom's), so this is what a newcomer sees.

const story = (slug: string): DemoStory => DEMO_STORIES.find((s) => s.slug === slug)!;
const pathOf = (s: DemoStory) => `/${s.section}/${s.slug}`;
const [LEAD, SECOND, THIRD] = DEMO_FRONT_PAGE.map(story) as [DemoStory, DemoStory, DemoStory];
// Published, not pinned: the one an editor puts on top.
const NEWCOMER = story('rovers-reach-cup-semi-final-on-penalties');

async function pageAs(browser: Browser, role: 'editor' | 'reporter'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

/** The front page as a reader gets it right now: the lead's address and the top stories' in order. */
async function readFront(request: APIRequestContext): Promise<{ lead: string | null; top: string[] }> {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const html = await response.text();
  const lead = /class="front-lead__headline"><a href="([^"]+)"/.exec(html)?.[1] ?? null;
  const topSection = html.slice(html.indexOf('id="top-heading"'), html.indexOf('id="latest-heading"'));
  const top = [...topSection.matchAll(/class="story-card__headline"><a href="([^"]+)"/g)].map((m) => m[1]!);
  return { lead, top };
}

/** Polls the readers' front page until `check` passes; how long that took after `since`, in ms. */
async function msUntilReaders(
  request: APIRequestContext,
  since: number,
  check: (front: Awaited<ReturnType<typeof readFront>>) => boolean,
): Promise<number> {
  for (;;) {
    if (check(await readFront(request))) return Date.now() - since;
    if (Date.now() - since > 5_000) throw new Error('not visible to readers after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The lead and the first two top stories: the part of the front page the demo's editors pinned. */
const demoOrder = (front: { lead: string | null; top: string[] }) => [front.lead, ...front.top.slice(0, 2)];

const frontOrder = (page: Page) => page.getByRole('list', { name: 'Front page order' });
const slotOf = (page: Page, headline: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: headline, exact: true }) });

test.describe('a reader on a fresh start', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the front page has at least six articles, led by the editors’ pick with its picture', async ({ page }) => {
    expect((await page.goto('/'))?.status()).toBe(200);
    const main = page.getByRole('main');
    const articles = new Set(
      (await main.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).filter(
        (href): href is string => href !== null && /^\/[a-z0-9-]+\/[a-z0-9-]+$/.test(href),
      ),
    );
    console.log(`fresh start: ${articles.size} different articles linked from the front page`);
    expect(articles.size).toBeGreaterThanOrEqual(6);

    const top = page.getByRole('region', { name: 'Top stories' });
    await expect(top.getByRole('heading', { level: 3 }).first()).toHaveText(LEAD.headline);
    const picture = top.getByRole('img', { name: LEAD.image!.alt });
    await expect(picture).toBeVisible();
    // The browser picked a resized variant and it loaded.
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await picture.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/[a-z2-7]{26}\/w\d+$/);
    await expect(top.getByText('Wiredesk demo image (CC0)').first()).toBeVisible();
  });

  test('an article from the demo has a description, a picture for social cards and a large Twitter card', async ({
    page,
  }) => {
    const budget = story('brennick-assembly-passes-budget-after-late-night-vote');
    await page.goto(pathOf(budget));
    // No standfirst: the description is the first paragraph, cut to fit.
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description!.length).toBeLessThanOrEqual(160);
    expect(budget.body[0]).toContain(description!.replace(/…$/, ''));
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(ogImage).toMatch(/\/media\/[a-z2-7]{26}\/w1280$/);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1280');
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '720');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    expect((await page.request.get(new URL(ogImage!).pathname)).headers()['content-type']).toBe('image/webp');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      description,
      image: [{ '@type': 'ImageObject', url: ogImage, width: 1280, height: 720 }],
      author: [{ '@type': 'Person', name: 'Tomás Reyes', url: expect.stringMatching(/\/authors\/\d+-tomas-reyes$/) }],
      publisher: { logo: { '@type': 'ImageObject', width: 512, height: 512 } },
    });
    const logo = await page.request.get(new URL(jsonLd.publisher.logo.url).pathname);
    expect(logo.headers()['content-type']).toBe('image/png');
  });
});

test('the desk of a fresh start shows stories in at least eight workflow states', async ({ browser }) => {
  const editor = await pageAs(browser, 'editor');
  await editor.goto('/desk/stories?view=board');
  const columns = editor.locator('.board__column');
  await expect(columns).toHaveCount(9);
  const filled: string[] = [];
  for (const column of await columns.all()) {
    if ((await column.getByRole('listitem').count()) > 0)
      filled.push((await column.getByRole('heading').textContent())!);
  }
  console.log(`fresh start: stories on the desk in ${filled.length} states (${filled.join(', ')})`);
  expect(filled.length).toBeGreaterThanOrEqual(8);
  // And the dashboard has the conversation to go with them.
  await editor.goto('/desk');
  await expect(editor.getByRole('link', { name: /^Notifications/ })).toContainText(/\d+ unread/);
});

test('Pin to front and Move up: readers see the new order on the front page within a second', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const editor = await pageAs(browser, 'editor');
  // Cached before the change, so what follows measures invalidation, not a first render.
  expect(demoOrder(await readFront(request))).toEqual([pathOf(LEAD), pathOf(SECOND), pathOf(THIRD)]);

  // From the story page: an older story, found through the desk's search.
  await editor.goto(`/desk/stories?q=${encodeURIComponent('Rovers penalties')}`);
  await editor.getByRole('link', { name: NEWCOMER.headline, exact: true }).click();
  const panel = editor.getByRole('region', { name: 'Front page' });
  await expect(panel).toContainText('Not pinned');
  await panel.getByRole('button', { name: 'Pin to front' }).click();
  const pinned = Date.now();
  const pinMs = await msUntilReaders(request, pinned, (front) => front.lead === pathOf(NEWCOMER));
  console.log(`Pin to front → the readers' front page leads with it: ${pinMs} ms`);
  test.info().annotations.push({ type: 'Pin to front → visible to readers (ms)', description: String(pinMs) });
  expect(pinMs).toBeLessThan(1_000);
  await expect(panel).toContainText('Pinned as the lead story.');
  await expect(editor.getByRole('region', { name: 'Timeline' })).toContainText('Pinned to the front page');
  expect((await readFront(request)).top.slice(0, 3)).toEqual([pathOf(LEAD), pathOf(SECOND), pathOf(THIRD)]);

  // On the desk's front page: the editors' order, the new lead on top.
  await editor.goto('/desk/front');
  await expect(frontOrder(editor).getByRole('listitem').first()).toContainText(NEWCOMER.headline);
  // Order the top stories: the third moves above the second.
  await slotOf(editor, THIRD.headline).getByRole('button', { name: 'Move up' }).click();
  const moved = Date.now();
  const moveMs = await msUntilReaders(request, moved, (front) => {
    const { top } = front;
    return top.indexOf(pathOf(THIRD)) !== -1 && top.indexOf(pathOf(THIRD)) < top.indexOf(pathOf(SECOND));
  });
  console.log(`Move up → the readers' top stories in the new order: ${moveMs} ms`);
  test.info().annotations.push({ type: 'Move up → visible to readers (ms)', description: String(moveMs) });
  expect(moveMs).toBeLessThan(1_000);

  // Put the demo's front page back for the specs that follow.
  await slotOf(editor, NEWCOMER.headline).getByRole('button', { name: 'Remove from front' }).click();
  await expect(frontOrder(editor).getByRole('listitem').first()).toContainText(LEAD.headline);
  await slotOf(editor, SECOND.headline).getByRole('button', { name: 'Move up' }).click();
  await expect
    .poll(async () => demoOrder(await readFront(request)))
    .toEqual([pathOf(LEAD), pathOf(SECOND), pathOf(THIRD)]);
});

test('reporters see the front page order but cannot change it', async ({ browser }) => {
  const reporter = await pageAs(browser, 'reporter');
  await reporter.goto('/desk/front');
  await expect(frontOrder(reporter).getByRole('listitem').first()).toContainText(LEAD.headline);
  await expect(reporter.getByRole('button', { name: 'Pin to front' })).toHaveCount(0);
  await expect(reporter.getByRole('button', { name: /^Move/ })).toHaveCount(0);
});

test('the desk’s front page is accessible (axe: no serious or critical violation)', async ({ browser }) => {
  const editor = await pageAs(browser, 'editor');
  await editor.goto('/desk/front');
  await expect(frontOrder(editor)).toBeVisible();
  const results = await new AxeBuilder({ page: editor }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
