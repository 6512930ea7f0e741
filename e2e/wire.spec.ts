import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newsmlG2Item } from '@/test/wire-documents';
import { storageStatePath } from './sign-in';

// The agency seed story from the shared samples when this machine has them; otherwise our
// own fixture in the same layout.
const SHARED_SEED = path.resolve('..', 'shared', 'wire-samples', 'text', 'afp-kim-train-to-russia.txt');
const seed = fs.existsSync(SHARED_SEED)
  ? {
      file: SHARED_SEED,
      headline: 'North Korean leader Kim Jong Un travels by train to Russia',
      crosshead: 'Pay a price',
    }
  : {
      file: path.resolve('lib/wire/fixtures/plain-text/web-copy-afp.txt'),
      headline: 'Harbour town of Valmoreau votes to ban cruise ships',
      crosshead: 'A price worth paying',
    };

async function pageAs(browser: Browser, role: 'reporter' | 'editor' | 'admin'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

const storyState = (page: Page) => page.getByRole('status', { name: 'Story state' });

async function createToken(browser: Browser, name: string): Promise<string> {
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/desk/admin');
  await admin.getByLabel('Token name').fill(name);
  await admin.getByRole('button', { name: 'Create token' }).click();
  const token = await admin.getByLabel('New token').inputValue();
  expect(token).toMatch(/^wd_/);
  await admin.context().close();
  return token;
}

test('an uploaded agency story appears in the queue, and Create story makes a draft with its crosshead and credit', async ({
  browser,
}) => {
  const reporter = await pageAs(browser, 'reporter');
  await reporter.goto('/desk/wire');
  await reporter.getByLabel('Upload wire files').setInputFiles(seed.file);
  await expect(reporter.getByRole('status').filter({ hasText: '1 of 1 file done' })).toBeVisible();
  await expect(reporter.locator('.upload-results')).toContainText(/New|Duplicate/);

  await reporter.getByRole('link', { name: seed.headline }).first().click();
  await expect(reporter.getByRole('heading', { level: 1 })).toContainText(seed.headline);
  await expect(reporter.getByLabel('Original file text')).toContainText(seed.crosshead);
  await reporter.getByRole('button', { name: 'Create story' }).click();

  await expect(reporter).toHaveURL(/\/desk\/stories\/\d+$/);
  await expect(storyState(reporter)).toHaveText('Draft');
  await expect(reporter.getByLabel('Headline')).toHaveValue(new RegExp(seed.headline));
  const body = reporter.getByRole('textbox', { name: 'Story body' });
  await expect(body.getByRole('heading', { level: 2, name: seed.crosshead })).toBeVisible();
  await expect(reporter.getByText('Credit: with AFP')).toBeVisible();
  await expect(reporter.getByRole('region', { name: 'Wire copy' })).toContainText('AFP version 1');
});

test('POST /api/wire takes a file with a valid token and refuses without one', async ({ browser, request }) => {
  const token = await createToken(browser, 'E2E agency feed');
  const bytes = Buffer.from(newsmlG2Item({ guid: 'urn:e2e:api:1', headline: 'Sent through the API' }));

  const anonymous = await request.post('/api/wire', { data: bytes });
  expect(anonymous.status()).toBe(401);
  const forged = await request.post('/api/wire', { data: bytes, headers: { authorization: 'Bearer wd_not-a-token' } });
  expect(forged.status()).toBe(401);

  const first = await request.post('/api/wire', { data: bytes, headers: { authorization: `Bearer ${token}` } });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ status: 'new', id: expect.any(Number) });
  const again = await request.post('/api/wire', { data: bytes, headers: { authorization: `Bearer ${token}` } });
  expect(await again.json()).toMatchObject({ status: 'duplicate' });
  const junk = await request.post('/api/wire', {
    data: Buffer.from('just one line'),
    headers: { authorization: `Bearer ${token}` },
  });
  expect(junk.status()).toBe(422);
  expect(await junk.json()).toMatchObject({ status: 'rejected', error: expect.stringContaining('Not a wire format') });

  const editor = await pageAs(browser, 'editor');
  await editor.goto('/desk/wire');
  await expect(editor.getByRole('link', { name: 'Sent through the API' })).toBeVisible();
});

test('a story from an embargoed item cannot be published before the embargo, and can after', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const token = await createToken(browser, 'E2E embargo feed');
  const embargo = new Date(Date.now() + 12_000);
  const sent = await request.post('/api/wire', {
    data: Buffer.from(
      newsmlG2Item({
        guid: 'urn:e2e:embargo:1',
        headline: 'Central bank to cut rates',
        embargoUntil: embargo.toISOString(),
      }),
    ),
    headers: { authorization: `Bearer ${token}` },
  });
  const { id } = (await sent.json()) as { id: number };

  const editor = await pageAs(browser, 'editor');
  await editor.goto(`/desk/wire/${id}`);
  await expect(editor.getByText(/Embargoed until/)).toBeVisible();
  await editor.getByRole('button', { name: 'Create story' }).click();
  await expect(editor.getByText(/^Embargoed until/)).toBeVisible();
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(editor)).toHaveText('In review');
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByRole('region', { name: 'Workflow' }).getByRole('alert')).toContainText(
    'publishing is refused until then',
  );
  await expect(storyState(editor)).toHaveText('In review');

  await editor.waitForTimeout(Math.max(0, embargo.getTime() - Date.now() + 500));
  await editor.reload();
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(storyState(editor)).toHaveText('Published');
});

test('a file dropped in the inbox is ingested and moved to processed/', async ({ browser }) => {
  const inbox = process.env.WIREDESK_WIRE_INBOX;
  expect(inbox, 'the e2e runner sets WIREDESK_WIRE_INBOX').toBeTruthy();
  fs.writeFileSync(
    path.join(inbox!, 'inbox-e2e.xml'),
    newsmlG2Item({ guid: 'urn:e2e:inbox:1', headline: 'Dropped in the inbox folder' }),
  );
  const editor = await pageAs(browser, 'editor');
  await editor.goto('/desk/wire');
  // No reload: the queue refreshes itself when new items arrive.
  await expect(editor.getByRole('link', { name: 'Dropped in the inbox folder' })).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(() => fs.readdirSync(path.join(inbox!, 'processed')).some((name) => name.endsWith('-inbox-e2e.xml')))
    .toBe(true);
  expect(fs.existsSync(path.join(inbox!, 'inbox-e2e.xml'))).toBe(false);
});
