import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_ACCOUNTS } from './accounts';
import {
  autosave,
  cuttableLiveSocket,
  editingBanner,
  expectEditable,
  expectReadOnly,
  moveCaret,
  newStory,
  revisionsPanel,
  SAVED,
  SERVER,
  storyBody,
  storyState,
  test,
  typeAtEnd,
} from './desk-pages';

const REPORTER = DEMO_ACCOUNTS.reporter.name;
const EDITOR = DEMO_ACCOUNTS.editor.name;

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

  await typeAtEnd(page, ' Nobody was hurt, the port said.');
  // Nothing is pressed: the pause after the last keystroke is enough.
  await expect(autosave(page)).toHaveText(/Saving…$/, SERVER);
  await expect(autosave(page)).toHaveText(SAVED, SERVER);
  // The time of the save on the newsroom's clock (UTC on the e2e server), like every other time on the page.
  const newsroomClock = (ago: number) => `Saved ${new Date(Date.now() - ago).toISOString().slice(11, 16)}`;
  expect([newsroomClock(0), newsroomClock(60_000)]).toContain(
    (await autosave(page).textContent())?.replace('Autosave: ', ''),
  );
  const version = revisionsPanel(page).getByRole('listitem').first();
  await expect(version).toContainText('Version 2', SERVER);

  // Typed and taken back: nothing new to save, and the status says saved again.
  await typeAtEnd(page, '!');
  await expect(autosave(page)).toHaveText(/Saving…$/);
  await page.keyboard.press('Backspace');
  await expect(autosave(page)).toHaveText(SAVED, SERVER);
  await expect(version).toContainText('Version 2');

  // Save (or Ctrl/Cmd+S) does not wait for the pause, and says which version it made.
  await typeAtEnd(page, ' Cranes are checked daily.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved (version 3).' })).toBeVisible(SERVER);

  await page.reload();
  await expect(storyBody(page)).toHaveText(
    'A crane fell onto the quay overnight. Nobody was hurt, the port said. Cranes are checked daily.',
    SERVER,
  );
});

test('cut off, the text is kept in this browser and goes out by itself once the connection is back', async ({
  open,
}) => {
  const page = await open('reporter');
  const socket = await cuttableLiveSocket(page);
  const { url } = await newStory(page, 'Power cut darkens old town', 'Lights went out at nine.');

  await socket.cut();
  await typeAtEnd(page, ' Engineers found a burnt cable.');
  await expect(autosave(page)).toHaveText(/Offline — changes kept locally$/, SERVER);
  const kept = await page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name).filter((name) => name?.startsWith('wiredesk:')),
  );
  expect(kept).toHaveLength(1);

  socket.restore();
  await expect(autosave(page)).toHaveText(SAVED, SERVER);

  // Another desk sees the saved text.
  const editor = await open('editor');
  await editor.goto(url);
  await expect(storyBody(editor)).toHaveText('Lights went out at nine. Engineers found a burnt cable.', SERVER);
});

test('a tab closed while cut off keeps its text in the browser; opening the story again sends it', async ({ open }) => {
  const page = await open('reporter');
  const socket = await cuttableLiveSocket(page);
  const { url } = await newStory(page, 'Tunnel flooded after storm', 'Water filled the tunnel.');
  const context = page.context();

  await socket.cut();
  await typeAtEnd(page, ' Pumps are running.');
  await expect(autosave(page)).toHaveText(/Offline — changes kept locally$/, SERVER);
  // The tab is closed while cut off: nothing reached the server.
  await page.close();
  const editor = await open('editor');
  await editor.goto(url);
  await expect(storyBody(editor)).toHaveText('Water filled the tunnel.', SERVER);

  const again = await context.newPage();
  await again.goto(url);
  await expect(storyBody(again)).toHaveText('Water filled the tunnel. Pumps are running.', SERVER);
  await expect(autosave(again)).toHaveText(SAVED, SERVER);
  await expect(storyBody(editor)).toHaveText('Water filled the tunnel. Pumps are running.', SERVER);
});

test('an editor opens a story the reporter is editing: both type at once, each sees who else is there, nothing is lost', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Bridge closed after barge strike', 'The barge hit a pier at dawn.');

  const editor = await open('editor');
  await editor.goto(url);
  // Presence, not a lock: the editor is told who is there, and may edit at once.
  await expect(editingBanner(editor)).toContainText(`${REPORTER} is editing`, SERVER);
  await expectEditable(editor);
  await expect(editingBanner(editor).getByRole('button', { name: 'Take over' })).toHaveCount(0);

  await typeAtEnd(reporter, ' Divers are inspecting the pier.');
  await expect(storyBody(editor)).toHaveText('The barge hit a pier at dawn. Divers are inspecting the pier.', SERVER);
  await storyBody(editor).click();
  await moveCaret(editor, 'Control+Home');
  await editor.keyboard.type('BREAKING: ');
  const both = 'BREAKING: The barge hit a pier at dawn. Divers are inspecting the pier.';
  await expect(storyBody(reporter)).toHaveText(both, SERVER);
  await expect(autosave(reporter)).toHaveText(SAVED, SERVER);
  await expect(autosave(editor)).toHaveText(SAVED, SERVER);

  await editor.reload();
  await expect(storyBody(editor)).toHaveText(both, SERVER);
  await expect(revisionsPanel(editor).getByRole('listitem').first()).toContainText(/Riya Kapoor|Elena Marsh/);
});

test('text typed as the story moves on, which the server no longer takes, is kept as a revision', async ({ open }) => {
  const reporter = await open('reporter');
  const socket = await cuttableLiveSocket(reporter);
  const { url } = await newStory(reporter, 'Snow closes airport', 'Flights were cancelled.');

  // The reporter's words are stuck in a tunnel while an editor submits the story for review.
  await socket.cut();
  await typeAtEnd(reporter, ' Runways reopen at noon.');
  await expect(autosave(reporter)).toHaveText(/Offline — changes kept locally$/, SERVER);
  const editor = await open('editor');
  await editor.goto(url);
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(storyState(editor)).toHaveText('In review', SERVER);

  // Back: the server takes nothing from a reporter's in-review story, so the page keeps it aside.
  socket.restore();
  await expect(editingBanner(reporter)).toContainText('was kept as a revision', SERVER);
  await expectReadOnly(reporter);
  await expect(storyBody(reporter)).toHaveText('Flights were cancelled.');
  await editor.reload();
  const kept = revisionsPanel(editor).getByRole('listitem').filter({ hasText: 'Kept when it could not be saved' });
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText(REPORTER);
  await compareWithCurrent(editor, /Kept when it could not be saved/);
  await expect(diffBody(editor).locator('del')).toHaveText('Runways reopen at noon.');
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

  // The reporter's open page may edit again at once, with the editor still there.
  await expectEditable(reporter);
  await typeAtEnd(reporter, ' The central branch is spared.');
  await expect(autosave(reporter)).toHaveText(SAVED, SERVER);
  await expect(storyBody(editor)).toHaveText(
    'The library will close on Sundays. The central branch is spared.',
    SERVER,
  );
  await expect(editingBanner(editor)).toContainText(`${REPORTER} is editing`);
  await expect(editingBanner(reporter)).toContainText(`${EDITOR} is editing`);
});

test('two tabs of one writer edit the same story at once: no conflict, every word kept', async ({ open }) => {
  const first = await open('reporter');
  const { url } = await newStory(first, 'Council vote on tram line', 'The council met at noon.');
  const second = await first.context().newPage();
  await second.goto(url);
  await expectEditable(second);
  await expect(editingBanner(second)).toContainText('You also have this story open in another tab or window.');

  await typeAtEnd(second, ' Theirs: motion carried unanimously.');
  // The first tab types at the end once the end is where the second tab left it (typed
  // while the other tab's text is still arriving, it would land inside that text: kept,
  // but not in this order).
  await expect(storyBody(first)).toHaveText('The council met at noon. Theirs: motion carried unanimously.', SERVER);
  await typeAtEnd(first, ' Mine: a narrow margin decided it.');
  const both = 'The council met at noon. Theirs: motion carried unanimously. Mine: a narrow margin decided it.';
  await expect(storyBody(first)).toHaveText(both, SERVER);
  await expect(storyBody(second)).toHaveText(both, SERVER);
  await expect(autosave(first)).toHaveText(SAVED, SERVER);
  await expect(first.getByRole('region', { name: /^Conflict/ })).toHaveCount(0);
  await second.close();
  await first.reload();
  await expect(storyBody(first)).toHaveText(both, SERVER);
});

test('an API save based on an old version, while the story is edited live, is a conflict: the live text stays, the API text is kept', async ({
  open,
}) => {
  const page = await open('reporter');
  const { id } = await newStory(page, 'Council vote on bus lanes', 'The council met at noon.');
  await typeAtEnd(page, ' Typed live.');
  await expect(autosave(page)).toHaveText(SAVED, SERVER);

  const api = page.context().request;
  const save = (body: unknown) =>
    api.post(`/api/stories/${id}/save`, { data: body, headers: { origin: new URL(page.url()).origin } });
  const refused = await save({
    headline: 'Council vote on bus lanes',
    standfirst: '',
    slug: 'council-vote-on-bus-lanes',
    dateline: '',
    sectionId: 1,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'From an old copy.' }] }] },
    baseVersion: 1,
  });
  expect(refused.status()).toBe(409);
  const answer = (await refused.json()) as { status: string; theirs: { version: number } };
  expect(answer.status).toBe('conflict');

  await expect(storyBody(page)).toHaveText('The council met at noon. Typed live.');
  // On the current version the API's text goes into the live document, before the writer's eyes.
  const saved = await save({
    headline: 'Council vote on bus lanes',
    standfirst: '',
    slug: 'council-vote-on-bus-lanes',
    dateline: '',
    sectionId: 1,
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The council met at noon. Typed live. API too.' }] },
      ],
    },
    baseVersion: answer.theirs.version,
  });
  expect(saved.status()).toBe(200);
  await expect(storyBody(page)).toHaveText('The council met at noon. Typed live. API too.', SERVER);
  await page.reload();
  await compareWithCurrent(page, /Kept from a conflict/);
  await expect(diffBody(page).locator('del')).toContainText('From an old copy.');
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
  // As a second person sees it: with presence, and the other's caret.
  const editor = await open('editor');
  await editor.goto(page.url());
  await expect(editingBanner(editor)).toContainText(`${REPORTER} is editing`, SERVER);
  await expectNoSeriousAxeViolations(editor);
  // Read-only, as its reporter sees it once submitted.
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expectReadOnly(page);
  await expectNoSeriousAxeViolations(page);
});
