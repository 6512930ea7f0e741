import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Browser, type BrowserContext, type Page, type Route } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_ACCOUNTS } from './accounts';
import { storageStatePath } from './sign-in';

type Role = 'reporter' | 'editor' | 'anonymous';

// Each test opens the browsers it needs (a reporter and an editor side by side) and they
// are closed after it, so no editor page keeps a lock or a heartbeat running into the next.
// A script error or a console error in any of them fails the test; refused and offline
// requests are part of these stories, and the browser logs them, so those are let through.
const test = base.extend<{ open: (role: Role, options?: { timezoneId?: string }) => Promise<Page> }>({
  open: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    await provide(async (role, options = {}) => {
      const context = await newContext(browser, role, options);
      contexts.push(context);
      context.on('weberror', (error) => errors.push(`${role}: ${error.error().message}`));
      context.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          errors.push(`${role}: ${message.text()}`);
      });
      return context.newPage();
    });
    for (const context of contexts) await context.close();
    expect(errors).toEqual([]);
  },
});

function newContext(browser: Browser, role: Role, options: { timezoneId?: string }): Promise<BrowserContext> {
  return browser.newContext({
    ...options,
    storageState: role === 'anonymous' ? { cookies: [], origins: [] } : storageStatePath(role),
  });
}

const REPORTER = DEMO_ACCOUNTS.reporter.name;
const EDITOR = DEMO_ACCOUNTS.editor.name;
// A save goes through the whole stack on two shared cores: give it room.
const SERVER = { timeout: 20_000 };
const SAVED = /Saved \d{2}:\d{2}$/;

const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const autosave = (page: Page) => page.getByRole('status').filter({ hasText: 'Autosave:' });
const storyState = (page: Page) => page.getByRole('status', { name: 'Story state' });
const lockBanner = (page: Page) => page.getByRole('region', { name: 'Editing' });
const revisionsPanel = (page: Page) => page.getByRole('region', { name: 'Revisions' });

/** Writes a new story through the desk's form and waits until its page may be edited. */
async function newStory(page: Page, headline: string, paragraph: string): Promise<{ url: string; id: number }> {
  await page.goto('/desk/stories/new');
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Section').selectOption({ label: 'World' });
  await storyBody(page).click();
  await page.keyboard.type(paragraph);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/desk\/stories\/\d+$/, SERVER);
  await expectEditable(page);
  return { url: page.url(), id: Number(new URL(page.url()).pathname.split('/').pop()) };
}

async function expectEditable(page: Page): Promise<void> {
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'true', SERVER);
  await expect(page.getByLabel('Headline')).toBeEnabled();
}

async function expectReadOnly(page: Page): Promise<void> {
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'false', SERVER);
  await expect(page.getByLabel('Headline')).toBeDisabled();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
}

/**
 * Moves the caret with a key and waits until the editor has taken it in: ProseMirror
 * learns of a caret moved by the browser from `selectionchange`, which Chromium may
 * deliver after the next key when keys come a millisecond apart (no person types Enter
 * that fast after End). Two frames let it through.
 */
async function moveCaret(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Puts the caret at the very end of the body and types there. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await storyBody(page).click();
  await moveCaret(page, 'Control+End');
  await page.keyboard.type(text);
}

/**
 * Holds the page's saves until `release` is called: the in-between state ("Saving…", a
 * save still on its way while someone takes over) can then be looked at without a race.
 */
async function holdSaves(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/stories/*/save', async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** Opens the revisions page comparing one revision listed beside the editor with the current text. */
async function compareWithCurrent(page: Page, item: RegExp): Promise<void> {
  const entry = revisionsPanel(page).getByRole('listitem').filter({ hasText: item });
  await expect(entry).toHaveCount(1);
  await entry.getByRole('link', { name: /^Compare with current/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Revisions of/, SERVER);
}

const diffBody = (page: Page) => page.locator('.revision-diff__body');

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

test.describe.configure({ timeout: 60_000 });

test('typing in the body saves by itself, shows Saving… then Saved HH:MM, and the text survives a reload', async ({
  open,
}) => {
  // A reporter away from the newsroom: their browser's clock is not the desk's.
  const page = await open('reporter', { timezoneId: 'Asia/Kolkata' });
  await newStory(page, 'Harbour crane toppled in gale', 'A crane fell onto the quay overnight.');
  await expect(autosave(page)).not.toContainText('Saving');

  const saves = await holdSaves(page);
  await typeAtEnd(page, ' Nobody was hurt, the port said.');
  // Nothing is pressed: the pause after the last keystroke is enough.
  await expect(autosave(page)).toHaveText(/Saving…$/, SERVER);
  saves.release();
  await expect(autosave(page)).toHaveText(SAVED, SERVER);
  // The time of the save on the newsroom's clock (UTC on the e2e server), like every other time on the page.
  const newsroomClock = (ago: number) => `Saved ${new Date(Date.now() - ago).toISOString().slice(11, 16)}`;
  expect([newsroomClock(0), newsroomClock(60_000)]).toContain(
    (await autosave(page).textContent())?.replace('Autosave: ', ''),
  );

  // Typed and taken back before the pause: nothing to save, and the status says saved again.
  await typeAtEnd(page, '!');
  await expect(autosave(page)).toHaveText(/Unsaved changes$/);
  await page.keyboard.press('Backspace');
  await expect(autosave(page)).toHaveText(SAVED, SERVER);

  await page.reload();
  await expect(storyBody(page)).toHaveText('A crane fell onto the quay overnight. Nobody was hurt, the port said.');
  await expect(page.getByRole('alert', { name: 'Unsaved changes' })).toHaveCount(0);
});

test('offline, the text is kept in the browser and offered back when the story is opened again', async ({ open }) => {
  const page = await open('reporter');
  const { url } = await newStory(page, 'Ferry strike enters third day', 'Crossings stayed in port.');
  const context = page.context();

  await context.setOffline(true);
  await typeAtEnd(page, ' Talks resume on Monday.');
  await expect(autosave(page)).toHaveText(/Offline — changes kept locally$/, SERVER);
  // The tab is closed while offline: nothing reached the server.
  await page.close();
  await context.setOffline(false);

  const again = await context.newPage();
  await again.goto(url);
  // The closed tab's lock has not lapsed yet: this tab may not know it is gone, and asks.
  await expect(lockBanner(again)).toContainText('You are editing this story in another tab or window', SERVER);
  await lockBanner(again).getByRole('button', { name: 'Edit here' }).click();
  const offer = again.getByRole('alert', { name: 'Unsaved changes' });
  await expect(offer).toContainText('were kept in this browser');
  await expect(storyBody(again)).toHaveText('Crossings stayed in port.');
  await expectReadOnly(again);
  // Not decided yet: the kept text stays kept, however often the page is opened.
  await again.reload();
  await expect(offer).toContainText('were kept in this browser');
  await offer.getByRole('button', { name: 'Restore them' }).click();
  await expect(storyBody(again)).toHaveText('Crossings stayed in port. Talks resume on Monday.');
  await expect(autosave(again)).toHaveText(SAVED, SERVER);

  await again.reload();
  await expect(storyBody(again)).toHaveText('Crossings stayed in port. Talks resume on Monday.');
  await expect(again.getByRole('alert', { name: 'Unsaved changes' })).toHaveCount(0);
});

test('offline, the text saves by itself once the connection is back', async ({ open }) => {
  const page = await open('reporter');
  const { url } = await newStory(page, 'Power cut darkens old town', 'Lights went out at nine.');

  await page.context().setOffline(true);
  await typeAtEnd(page, ' Engineers found a burnt cable.');
  await expect(autosave(page)).toHaveText(/Offline — changes kept locally$/, SERVER);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('wiredesk:draft:')));
  expect(kept).toHaveLength(1);

  await page.context().setOffline(false);
  await expect(autosave(page)).toHaveText(SAVED, SERVER);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wiredesk:draft:')))).toEqual(
    [],
  );

  // Another desk sees the saved text.
  const editor = await open('editor');
  await editor.goto(url);
  await expect(storyBody(editor)).toHaveText('Lights went out at nine. Engineers found a burnt cable.');
});

test('an editor takes over a story the reporter is editing; the reporter is told and keeps every word', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Bridge closed after barge strike', 'The barge hit a pier at dawn.');

  const editor = await open('editor');
  await editor.goto(url);
  await expect(lockBanner(editor)).toContainText(`${REPORTER} is editing`);
  await expectReadOnly(editor);

  // The reporter's latest words are on their way when the editor takes over.
  const saves = await holdSaves(reporter);
  await typeAtEnd(reporter, ' Divers are inspecting the pier.');
  await expect(autosave(reporter)).toHaveText(/Saving…$/, SERVER);

  await lockBanner(editor).getByRole('button', { name: 'Take over' }).click();
  await expectEditable(editor);
  await expect(lockBanner(editor)).toHaveCount(0);
  saves.release();

  // The reporter is told, cannot type on, and still sees their own text.
  await expect(lockBanner(reporter)).toContainText(EDITOR, SERVER);
  await expect(lockBanner(reporter)).toContainText('kept as a revision');
  await expectReadOnly(reporter);
  await expect(storyBody(reporter)).toContainText('Divers are inspecting the pier.');

  // The editor has the saved story, and the reporter's unsaved words as a revision.
  await editor.reload();
  await expect(storyBody(editor)).toHaveText('The barge hit a pier at dawn.');
  const kept = revisionsPanel(editor).getByRole('listitem').filter({ hasText: 'Kept when editing was taken over' });
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText(REPORTER);
  await compareWithCurrent(editor, /Kept when editing was taken over/);
  await expect(diffBody(editor).locator('del')).toContainText('Divers are inspecting the pier.');
});

test('a reporter whose save could not get through when the editor took over is told on the next beat, and the text is kept', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Tunnel flooded after storm', 'Water filled the tunnel.');
  // The reporter's line drops for saves (the page itself stays up).
  await reporter.route('**/api/stories/*/save', (route) => route.abort('internetdisconnected'));
  await typeAtEnd(reporter, ' Pumps are running.');
  await expect(autosave(reporter)).toHaveText(/Offline — changes kept locally$/, SERVER);

  const editor = await open('editor');
  await editor.goto(url);
  await lockBanner(editor).getByRole('button', { name: 'Take over' }).click();
  await expectEditable(editor);

  // The reporter comes back to the tab: the lock's heartbeat runs at once and learns it.
  await reporter.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(lockBanner(reporter)).toHaveText(
    `${EDITOR} took over this story. Your unsaved text was kept as a revision.`,
    SERVER,
  );
  await expectReadOnly(reporter);

  await editor.reload();
  await expect(storyBody(editor)).toHaveText('Water filled the tunnel.');
  await compareWithCurrent(editor, /Kept when editing was taken over/);
  await expect(diffBody(editor).locator('del')).toHaveText('Pumps are running.');

  // The editor has left the story (the revisions page does not hold it): the reporter may edit again.
  await expect(async () => {
    await reporter.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(lockBanner(reporter)).toContainText(`${EDITOR} has stopped editing.`, { timeout: 1000 });
  }).toPass(SERVER);
  await reporter.unroute('**/api/stories/*/save');
  await lockBanner(reporter).getByRole('button', { name: 'Edit now' }).click();
  await expectEditable(reporter);
  await expect(reporter.getByRole('region', { name: 'Editing' })).toHaveCount(0);
});

test('the lock is the tab’s: a second tab of the writer opens and closes the story, and an editor still sees the writer at work', async ({
  open,
}) => {
  const tabA = await open('reporter');
  const { url } = await newStory(tabA, 'Night buses return to the harbour', 'The first bus left at midnight.');

  // Tab B of the same writer is told where the story is being edited, and cannot type.
  const tabB = await tabA.context().newPage();
  await tabB.goto(url);
  await expect(lockBanner(tabB)).toContainText('You are editing this story in another tab or window', SERVER);
  await expectReadOnly(tabB);
  await expect(lockBanner(tabB).getByRole('button', { name: 'Edit here' })).toBeVisible();
  await tabB.close({ runBeforeUnload: true });

  // Tab A still holds the story: its typing saves, and an editor sees who is editing.
  await typeAtEnd(tabA, ' Drivers welcomed the change.');
  await expect(autosave(tabA)).toHaveText(SAVED, SERVER);
  const editor = await open('editor');
  await editor.goto(url);
  await expect(lockBanner(editor)).toContainText(`${REPORTER} is editing`, SERVER);
  await expect(lockBanner(editor).getByRole('button', { name: 'Take over' })).toBeVisible();
  await expectReadOnly(editor);
  // Still so after the next heartbeat of tab A.
  await tabA.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await editor.reload();
  await expect(lockBanner(editor)).toContainText(`${REPORTER} is editing`, SERVER);
});

test('a workflow move hands the story on: the reporter edits again at once, without a reload', async ({ open }) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Library hours cut in budget', 'The library will close on Sundays.');

  // Submitted, the story is read-only for its reporter; withdrawn, it is editable again.
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review', SERVER);
  await expectReadOnly(reporter);
  await reporter.getByRole('button', { name: 'Withdraw' }).click();
  await expect(storyState(reporter)).toHaveText('Draft', SERVER);
  await expectEditable(reporter);
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review', SERVER);

  // The editor opens it (and could edit it), then sends it back and stays on the page.
  const editor = await open('editor');
  await editor.goto(url);
  await expectEditable(editor);
  await editor.getByRole('button', { name: 'Request changes' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Request changes' });
  await dialog.getByLabel('Note').fill('Say which branches.');
  await dialog.getByRole('button', { name: 'Request changes' }).click();
  await expect(storyState(editor)).toHaveText('Changes requested', SERVER);

  // The reporter is not kept out by the editor's open page.
  await reporter.reload();
  await expectEditable(reporter);
  await expect(lockBanner(reporter)).toHaveCount(0);
  await typeAtEnd(reporter, ' The central branch is spared.');
  await expect(autosave(reporter)).toHaveText(SAVED, SERVER);

  // The editor's page sees who is editing now.
  await expect(async () => {
    await editor.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(lockBanner(editor)).toContainText(`${REPORTER} is editing`, { timeout: 1000 });
  }).toPass(SERVER);
  await expectReadOnly(editor);
});

/**
 * The way to a conflict now that a lock belongs to one tab: the first tab's heartbeats do
 * not get through (its line is flaky), so it holds no lock; a second tab of the same
 * writer edits, saves and is closed; then the first tab saves on the version it opened.
 */
async function twoTabsInConflict(
  open: (role: Role) => Promise<Page>,
  headline: string,
): Promise<{ first: Page; url: string }> {
  const first = await open('reporter');
  await first.route('**/api/stories/*/lock', (route) => route.abort('internetdisconnected'));
  const { url, id } = await newStory(first, headline, 'The council met at noon.');
  const second = await first.context().newPage();
  await second.goto(url);
  await expectEditable(second);

  await typeAtEnd(second, ' Theirs: motion carried unanimously.');
  await expect(autosave(second)).toHaveText(SAVED, SERVER);
  await second.close({ runBeforeUnload: true });
  // Closing the tab let go of its lock (asked without a session, the writer's own lock reads `mine`).
  const lockStatus = async () =>
    ((await (await first.context().request.get(`/api/stories/${id}/lock`)).json()) as { status: string }).status;
  await expect.poll(lockStatus, SERVER).toBe('free');
  await typeAtEnd(first, ' Mine: a narrow margin decided it.');
  await expect(autosave(first)).toHaveText(/Conflict$/, SERVER);
  const panel = first.getByRole('region', { name: /^Conflict/ });
  await expect(panel).toContainText(`${REPORTER} saved this story while you were editing`);
  await expect(panel.locator('ins')).toHaveText('Mine: a narrow margin decided it');
  await expect(panel.locator('del')).toHaveText('Theirs: motion carried unanimously');
  await expectReadOnly(first);
  await expectNoSeriousAxeViolations(first);
  return { first, url };
}

test('a conflict resolved with Keep mine saves my text; theirs stays in the revisions', async ({ open }) => {
  const { first } = await twoTabsInConflict(open, 'Council vote on tram line');
  await first.getByRole('button', { name: 'Keep mine' }).click();
  await expect(autosave(first)).toHaveText(SAVED, SERVER);
  await expect(first.getByRole('region', { name: /^Conflict/ })).toHaveCount(0);
  await expectEditable(first);

  await first.reload();
  await expect(storyBody(first)).toHaveText('The council met at noon. Mine: a narrow margin decided it.');
  await compareWithCurrent(first, /^Version 2(?!\d)/);
  await expect(diffBody(first).locator('del')).toHaveText('Theirs: motion carried unanimously');
  await expect(diffBody(first).locator('ins')).toHaveText('Mine: a narrow margin decided it');
});

test('a conflict resolved with Take theirs shows their text; mine stays in the revisions', async ({ open }) => {
  const { first } = await twoTabsInConflict(open, 'Council vote on bus lanes');
  await first.getByRole('button', { name: 'Take theirs' }).click();
  await expect(storyBody(first)).toHaveText('The council met at noon. Theirs: motion carried unanimously.');
  await expect(autosave(first)).toHaveText(SAVED);
  await expect(lockBanner(first)).toContainText('Yours is kept in the revisions');
  await expectEditable(first);

  // Working on from their version saves without another conflict.
  await typeAtEnd(first, ' Turnout was low.');
  await expect(autosave(first)).toHaveText(SAVED, SERVER);
  await first.reload();
  await expect(storyBody(first)).toHaveText(
    'The council met at noon. Theirs: motion carried unanimously. Turnout was low.',
  );
  await compareWithCurrent(first, /Kept from a conflict/);
  await expect(diffBody(first).locator('del')).toHaveText('Mine: a narrow margin decided it');
});

test('a conflict merged by hand: their version stays beside mine, and the merged text is saved', async ({ open }) => {
  const { first } = await twoTabsInConflict(open, 'Council vote on cycle paths');
  await first.getByRole('button', { name: 'Merge by hand' }).click();
  const theirs = first.getByRole('region', { name: 'Their version', exact: true });
  await expect(theirs).toContainText('Theirs: motion carried unanimously');
  await expect(first.getByRole('region', { name: /^Conflict/ })).toHaveCount(0);
  await expectEditable(first);
  // Nothing is saved until the merge changes something: the story is still theirs.
  await expect(storyBody(first)).toHaveText('The council met at noon. Mine: a narrow margin decided it.');

  // Their sentence, copied across by hand, after mine.
  await typeAtEnd(first, ' Theirs: motion carried unanimously.');
  await expect(autosave(first)).toHaveText(SAVED, SERVER);
  await theirs.getByRole('button', { name: 'Done merging' }).click();
  await expect(theirs).toHaveCount(0);

  await first.reload();
  await expect(storyBody(first)).toHaveText(
    'The council met at noon. Mine: a narrow margin decided it. Theirs: motion carried unanimously.',
  );
  // The merge went onto their version (no second conflict), so only my sentence is new against it.
  await compareWithCurrent(first, /^Version 2(?!\d)/);
  await expect(diffBody(first).locator('ins')).toHaveText(/^\s*\.?\s*Mine: a narrow margin decided it\.?\s*$/);
  await expect(diffBody(first).locator('del')).toHaveCount(0);
});

test('an image needs a credit, shows in Preview with it, and the published article serves resized copies', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Lighthouse repainted red', 'The keepers chose the colour.');
  const picture = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 40, b: 30 } },
  })
    .png()
    .toBuffer();

  await storyBody(reporter).click();
  await moveCaret(reporter, 'Control+End');
  await reporter.getByRole('button', { name: 'Image', exact: true }).click();
  const dialog = reporter.getByRole('dialog', { name: 'Insert image' });
  await dialog
    .getByLabel('Image file')
    .setInputFiles({ name: 'lighthouse.png', mimeType: 'image/png', buffer: picture });
  await dialog.getByLabel('Alt text').fill('The lighthouse, freshly painted red');
  await dialog.getByRole('button', { name: 'Insert image' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Every image needs a credit (photographer / agency).');

  await dialog.getByLabel('Credit').fill('AFP / Jane Doe');
  await dialog.getByLabel('Caption').fill('The lighthouse at dusk');
  await dialog.getByRole('button', { name: 'Insert image' }).click();
  await expect(dialog).toHaveCount(0, SERVER);
  const image = storyBody(reporter).getByRole('img', { name: 'The lighthouse, freshly painted red' });
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(autosave(reporter)).toHaveText(SAVED, SERVER);
  // The dialog's own submit is not the story form's Save.
  await expect(reporter.getByText(/^Saved \(version/)).toHaveCount(0);
  await expectNoSeriousAxeViolations(reporter);

  const [preview] = await Promise.all([
    reporter.context().waitForEvent('page'),
    reporter.getByRole('link', { name: 'Preview' }).click(),
  ]);
  await expect(preview).toHaveURL(/\/preview\/\d+$/);
  const figure = preview.getByRole('article').getByRole('figure');
  await expect(figure).toContainText('The lighthouse at dusk — AFP / Jane Doe');
  await expect(figure.getByRole('img', { name: 'The lighthouse, freshly painted red' })).toBeVisible();
  await expectNoSeriousAxeViolations(preview);
  await preview.close();

  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(reporter)).toHaveText('In review', SERVER);
  // Submitted, the reporter reads: the image shows its caption, no longer its fields.
  await expect(storyBody(reporter).getByRole('figure')).toContainText('The lighthouse at dusk — AFP / Jane Doe');
  await expect(storyBody(reporter).getByLabel('Credit')).toHaveCount(0);
  const editor = await open('editor');
  await editor.goto(url);
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(storyState(editor)).toHaveText('Published', SERVER);
  const publicPath = await editor.getByRole('link', { name: /^\/world\// }).getAttribute('href');

  const reader = await open('anonymous');
  await reader.goto(publicPath!);
  const published = reader.getByRole('article').getByRole('figure');
  await expect(published).toContainText('The lighthouse at dusk — AFP / Jane Doe');
  const img = published.getByRole('img', { name: 'The lighthouse, freshly painted red' });
  await expect(img).toHaveAttribute('src', /^\/media\/[\w-]+\/w960$/);
  const srcset = (await img.getAttribute('srcset')) ?? '';
  const variants = srcset.split(',').map((entry) => entry.trim().split(' ')[0]!);
  expect(variants.length).toBeGreaterThanOrEqual(3);
  for (const variant of variants) {
    const response = await reader.request.get(variant);
    expect(response.status(), variant).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');
    const { width } = await sharp(await response.body()).metadata();
    const limit = Number(/\/w(\d+)$/.exec(variant)![1]);
    expect(width, variant).toBeLessThanOrEqual(limit);
  }
  // The smallest copy really is small.
  const smallest = await reader.request.get(variants[0]!);
  expect((await sharp(await smallest.body()).metadata()).width).toBe(320);

  // Off the site again, so the public site's own spec finds its front page as it left it.
  await editor.getByRole('button', { name: 'Unpublish' }).click();
  await expect(storyState(editor)).toHaveText('Unpublished', SERVER);
});

test('two revisions are compared word by word, and Restore brings the old text back as a new version', async ({
  open,
}) => {
  const page = await open('reporter');
  await newStory(page, 'Museum reopens after flood', 'The museum reopened on Tuesday morning.');
  await storyBody(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('The museum stays shut until Friday morning.');
  await expect(autosave(page)).toHaveText(SAVED, SERVER);

  await page.getByRole('link', { name: 'All revisions and comparisons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisions of “Museum reopens after flood”', SERVER);
  const option = async (label: string, version: number) => {
    const select = page.getByLabel(label, { exact: true });
    const value = await select.locator('option', { hasText: new RegExp(`^Version ${version} `) }).getAttribute('value');
    await select.selectOption(value!);
  };
  await option('From', 1);
  await option('To', 2);
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('region', { name: /^Version 1 → version 2/ });
  await expect(diff).toBeVisible(SERVER);
  await expect(diff.getByRole('heading', { level: 2 })).toContainText('words added');
  // One rewritten phrase: one deletion, one insertion, the rest unmarked.
  await expect(diffBody(page).locator('del')).toHaveText(['reopened on Tuesday']);
  await expect(diffBody(page).locator('ins')).toHaveText(['stays shut until Friday']);
  await expectNoSeriousAxeViolations(page);

  await diff.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(page).toHaveURL(/\/desk\/stories\/\d+$/, SERVER);
  await expect(storyBody(page)).toHaveText('The museum reopened on Tuesday morning.');
  const restored = revisionsPanel(page).getByRole('listitem').first();
  await expect(restored).toContainText('Version 3');
  await expect(restored).toContainText('Restored');
  await expectEditable(page);
});

test('the toolbar formats the text, refuses a bad link, and the counts follow', async ({ open }) => {
  const page = await open('reporter');
  await newStory(page, 'Snow closes mountain pass', 'Ploughs were out.');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const counts = page.getByText(/^\d[\d,]* words? · /);
  await expect(counts).toHaveText('3 words · 1 min read');

  await typeAtEnd(page, ' Drivers were ');
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('turned back');
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type(' at the border.');
  await expect(storyBody(page).locator('strong')).toHaveText('turned back');

  // A link on the word "border": a bad address is refused, a bare domain gets https://.
  await moveCaret(page, 'ArrowLeft');
  for (let i = 0; i < 'border'.length; i++) await moveCaret(page, 'Shift+ArrowLeft');
  await toolbar.getByRole('button', { name: 'Link', exact: true }).click();
  const linkBox = page.getByRole('group', { name: 'Link' });
  await linkBox.getByLabel('Link address').fill('not a link');
  await linkBox.getByRole('button', { name: 'Apply link' }).click();
  await expect(linkBox.getByRole('alert')).toHaveText('Enter a web address (https://…) or an e-mail address.');
  await expect(storyBody(page).locator('a')).toHaveCount(0);
  await linkBox.getByLabel('Link address').fill('example.org/border');
  await linkBox.getByRole('button', { name: 'Apply link' }).click();
  await expect(linkBox).toHaveCount(0);
  await expect(storyBody(page).getByRole('link', { name: 'border' })).toHaveAttribute(
    'href',
    'https://example.org/border',
  );
  // The text gets the focus back (on the next frame) before typing goes on.
  await expect(storyBody(page)).toBeFocused();

  await moveCaret(page, 'Control+End');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Crosshead' }).click();
  await page.keyboard.type('Roads to reopen');
  await expect(storyBody(page).getByRole('heading', { level: 2 })).toHaveText('Roads to reopen');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bullets' }).click();
  await page.keyboard.type('North road');
  await page.keyboard.press('Enter');
  await page.keyboard.type('South road');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Numbered' }).click();
  await page.keyboard.type('Clear');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Grit');
  await expect(storyBody(page).locator('ul > li')).toHaveText(['North road', 'South road']);
  await expect(storyBody(page).locator('ol > li')).toHaveText(['Clear', 'Grit']);
  await expect(toolbar.getByRole('button', { name: 'Numbered' })).toHaveAttribute('aria-pressed', 'true');
  await expect(counts).toHaveText('19 words · 1 min read');

  // Reading time: 230 words a minute.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(Array.from({ length: 500 }, () => 'word').join(' '));
  await expect(counts).toHaveText('519 words · 2 min read');

  // The headline warns past 70 characters.
  const headline = page.getByLabel('Headline');
  const short = 'Snow closes the mountain pass for a third day as ploughs fall behind';
  await headline.fill(short);
  await expect(page.getByText(`${short.length} characters`, { exact: true })).toBeVisible();
  await headline.fill('Snow closes the mountain pass for a third day as ploughs fall behind the storm');
  await expect(page.getByText(/^78 characters — over 70/)).toBeVisible();

  await expect(autosave(page)).toHaveText(SAVED, SERVER);
  await page.reload();
  await expect(storyBody(page).locator('strong')).toHaveText('turned back');
  await expect(storyBody(page).getByRole('link', { name: 'border' })).toHaveAttribute(
    'href',
    'https://example.org/border',
  );
  await expect(storyBody(page).getByRole('heading', { level: 2 })).toHaveText('Roads to reopen');
  await expect(storyBody(page).locator('ul > li')).toHaveText(['North road', 'South road']);
  await expect(storyBody(page).locator('ol > li')).toHaveText(['Clear', 'Grit']);
  await expect(headline).toHaveValue('Snow closes the mountain pass for a third day as ploughs fall behind the storm');
});

test('the story editor is accessible (axe: no serious or critical violation)', async ({ open }) => {
  const page = await open('reporter');
  await newStory(page, 'Tram depot fire under control', 'Firefighters worked through the night.');
  await typeAtEnd(page, ' Service resumes tomorrow.');
  await expect(autosave(page)).toHaveText(SAVED, SERVER);
  await expectNoSeriousAxeViolations(page);
  // Read-only, as a second person sees it.
  const editor = await open('editor');
  await editor.goto(page.url());
  await expect(lockBanner(editor)).toContainText(`${REPORTER} is editing`);
  await expectNoSeriousAxeViolations(editor);
});
