import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageStatePath } from './sign-in';

async function pageAs(browser: Browser, role: 'reporter' | 'editor' | 'anonymous'): Promise<Page> {
  const context = await browser.newContext(
    role === 'anonymous' ? { storageState: { cookies: [], origins: [] } } : { storageState: storageStatePath(role) },
  );
  return context.newPage();
}

const storyState = (page: Page) => page.getByRole('status', { name: 'Story state' });

async function createStory(page: Page, headline: string, paragraph: string): Promise<string> {
  await page.goto('/desk');
  await page.getByRole('link', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Standfirst').fill('Negotiators worked through the night.');
  await page.getByLabel('Section').selectOption({ label: 'Politics' });
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.type(paragraph);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/desk\/stories\/\d+$/);
  await expect(storyState(page)).toHaveText('Draft');
  return page.url();
}

test('a story goes from reporter to reader and back off the site', async ({ browser }) => {
  test.setTimeout(60_000); // a whole newsroom journey, three browsers
  const reporter = await pageAs(browser, 'reporter');
  const editor = await pageAs(browser, 'editor');
  const reader = await pageAs(browser, 'anonymous');

  // The reporter drafts and submits.
  const storyUrl = await createStory(
    reporter,
    'Coalition deal reached after all-night talks',
    'The deal was signed at dawn.',
  );
  await expect(reporter.getByLabel('Slug')).toHaveValue('coalition-deal-reached-after-all-night-talks');
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review');
  await expect(reporter.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await expect(reporter.getByRole('button', { name: 'Save' })).toHaveCount(0);

  // The editor sends it back with a note.
  await editor.goto('/desk');
  await editor.getByRole('link', { name: 'Coalition deal reached after all-night talks' }).first().click();
  await editor.getByRole('button', { name: 'Request changes' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Request changes' });
  await dialog.getByLabel('Note').fill('Name the three parties in the first paragraph.');
  await dialog.getByRole('button', { name: 'Request changes' }).click();
  await expect(storyState(editor)).toHaveText('Changes requested');

  // The reporter sees the note on the dashboard and on the story, fixes it, resubmits.
  await reporter.goto('/desk');
  const mine = reporter.getByRole('table', { name: 'My stories, latest change first' });
  await expect(mine).toContainText('Name the three parties in the first paragraph.');
  await reporter.goto(storyUrl);
  await expect(storyState(reporter)).toHaveText('Changes requested');
  await expect(reporter.getByRole('region', { name: 'Notes' })).toContainText('Name the three parties');
  await reporter.getByRole('textbox', { name: 'Story body' }).click();
  await reporter.keyboard.press('End');
  await reporter.keyboard.type(' Labour, the Greens and the Liberals signed.');
  await reporter.getByRole('button', { name: 'Save' }).click();
  await expect(reporter.getByRole('status').filter({ hasText: 'Saved (version 2).' })).toBeVisible();
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review');

  // The editor approves and publishes.
  await editor.goto(storyUrl);
  await editor.getByRole('button', { name: 'Approve' }).click();
  await expect(storyState(editor)).toHaveText('Approved');
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(storyState(editor)).toHaveText('Published');
  const publicPath = await editor.getByRole('link', { name: /^\/politics\// }).getAttribute('href');
  expect(publicPath).toBe('/politics/coalition-deal-reached-after-all-night-talks');

  // A reader finds it at its public address.
  const response = await reader.goto(publicPath!);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Coalition deal reached after all-night talks');
  await expect(reader.getByRole('article')).toContainText('Labour, the Greens and the Liberals signed.');
  await expect(reader.getByRole('article')).toContainText('By Riya Kapoor');

  // Unpublished: the address answers 410.
  await editor.getByRole('button', { name: 'Unpublish' }).click();
  await expect(storyState(editor)).toHaveText('Unpublished');
  const later = await pageAs(browser, 'anonymous');
  const gone = await later.goto(publicPath!);
  expect(gone?.status()).toBe(410);
  await expect(later.getByRole('heading', { level: 1 })).toHaveText('This story is no longer available');
  await expect(later.getByText('The deal was signed at dawn.')).toHaveCount(0);
});

test('a reporter never sees Publish, and a forged publish from their page is refused', async ({ browser }) => {
  const reporter = await pageAs(browser, 'reporter');
  await createStory(reporter, 'Forgery attempt story', 'Nothing to see.');
  await expect(reporter.getByRole('button', { name: /^Publish/ })).toHaveCount(0);

  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review');

  // In review, the workflow allows Publish — but not to a reporter. Rewrite the hidden
  // action of the one workflow form the reporter does have, and send it.
  const form = reporter.locator('form').filter({ has: reporter.getByRole('button', { name: 'Withdraw' }) });
  await form.locator('input[name="action"]').evaluate((input: HTMLInputElement) => (input.value = 'publish'));
  await form.getByRole('button', { name: 'Withdraw' }).click();
  const workflow = reporter.getByRole('region', { name: 'Workflow' });
  await expect(workflow.getByRole('alert')).toHaveText('Your role cannot publish this story.');
  await reporter.reload();
  await expect(storyState(reporter)).toHaveText('In review');
});

test('a draft’s public address is a plain 404: unpublished work does not leak', async ({ browser }) => {
  const reporter = await pageAs(browser, 'reporter');
  await createStory(reporter, 'Secret draft about the budget', 'Not for readers yet.');
  const reader = await pageAs(browser, 'anonymous');
  const response = await reader.goto('/politics/secret-draft-about-the-budget');
  expect(response?.status()).toBe(404);
  await expect(reader.getByText('Not for readers yet.')).toHaveCount(0);
});
