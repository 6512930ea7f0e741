import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageStatePath } from './sign-in';

async function pageAs(browser: Browser, role: 'reporter' | 'editor' | 'anonymous'): Promise<Page> {
  const context = await browser.newContext(
    role === 'anonymous' ? { storageState: { cookies: [], origins: [] } } : { storageState: storageStatePath(role) },
  );
  return context.newPage();
}

const storyState = (page: Page) => page.getByRole('status', { name: 'Story state' });
// The e2e server runs in the default newsroom zone, UTC.
const localValue = (date: Date) => date.toISOString().slice(0, 19);

async function storyInReview(reporter: Page, headline: string): Promise<string> {
  await reporter.goto('/desk/stories/new');
  await reporter.getByLabel('Headline').fill(headline);
  await reporter.getByLabel('Section').selectOption({ label: 'World' });
  await reporter.getByRole('textbox', { name: 'Story body' }).click();
  await reporter.keyboard.type('First paragraph of the story.');
  await reporter.getByRole('button', { name: 'Save' }).click();
  await expect(reporter).toHaveURL(/\/desk\/stories\/\d+$/);
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review');
  return reporter.url();
}

test('a story scheduled a few seconds ahead goes live on its own, and the reporter is told', async ({ browser }) => {
  test.setTimeout(60_000);
  const reporter = await pageAs(browser, 'reporter');
  const editor = await pageAs(browser, 'editor');
  const url = await storyInReview(reporter, 'Tidal barrage opens at dawn');

  await editor.goto(url);
  await editor.getByRole('button', { name: 'Schedule' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Schedule' });
  // Whole seconds: that is what the field carries.
  const publishAt = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
  await dialog.getByLabel('Publish at').fill(localValue(publishAt));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(storyState(editor)).toHaveText('Scheduled');

  const reader = await pageAs(browser, 'anonymous');
  await expect(async () => {
    const response = await reader.goto('/world/tidal-barrage-opens-at-dawn');
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 40_000, intervals: [250] });
  const lateMs = Date.now() - publishAt.getTime();
  console.log(`scheduled story live for readers ${lateMs} ms after its Publish at time`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Tidal barrage opens at dawn');
  // The promise: live within 5 s of its time (the scheduler ticks every second).
  expect(lateMs).toBeLessThan(5_000);

  await editor.reload();
  await expect(storyState(editor)).toHaveText('Published');
  await expect(editor.getByRole('region', { name: 'Published versions' })).toContainText('published on schedule');

  await reporter.goto('/desk/notifications');
  await expect(reporter.getByRole('main')).toContainText(
    'Your story was published on schedule: Tidal barrage opens at dawn',
  );
  await expect(reporter.getByRole('main')).toContainText('scheduled your story: Tidal barrage opens at dawn');
});

test('a correction published with an update appears in the article’s corrections box with its date', async ({
  browser,
}) => {
  const reporter = await pageAs(browser, 'reporter');
  const editor = await pageAs(browser, 'editor');
  const url = await storyInReview(reporter, 'Ferry fares rise in spring');
  await editor.goto(url);
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(storyState(editor)).toHaveText('Published');

  await editor.getByLabel('Headline').fill('Ferry fares rise in April');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await editor.getByRole('button', { name: 'Publish update' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Publish update' });
  await dialog.getByLabel('This update corrects an error').check();
  await dialog.getByLabel('Correction').fill('An earlier version said the rise starts in March.');
  await dialog.getByRole('button', { name: 'Publish update' }).click();
  await expect(editor.getByRole('region', { name: 'Published versions' })).toContainText(
    'Correction: An earlier version said the rise starts in March.',
  );

  const reader = await pageAs(browser, 'anonymous');
  await reader.goto('/world/ferry-fares-rise-in-spring');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Ferry fares rise in April');
  const box = reader.getByRole('complementary', { name: 'Corrections' });
  await expect(box).toContainText('An earlier version said the rise starts in March.');
  await expect(box.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd.correction[0].text).toBe('An earlier version said the rise starts in March.');
});

test('an embargo set by an editor counts down and holds publishing back', async ({ browser }) => {
  const reporter = await pageAs(browser, 'reporter');
  const editor = await pageAs(browser, 'editor');
  const url = await storyInReview(reporter, 'Budget figures under embargo');
  await editor.goto(url);
  await editor.getByLabel('Embargo until').fill(localValue(new Date(Date.now() + 3 * 3_600_000)));
  await editor.getByRole('button', { name: 'Set embargo' }).click();
  await expect(editor.getByText(/^Embargoed until/)).toContainText(/lifts in 2 h 59 min|lifts in 3 h 0 min/);
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByRole('region', { name: 'Workflow' }).getByRole('alert')).toContainText(
    'publishing is refused until then',
  );
  await expect(editor.getByRole('region', { name: 'Timeline' })).toContainText('Changed the embargo');
});
