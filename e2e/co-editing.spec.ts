import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
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
  test,
  typeAtEnd,
} from './desk-pages';

// Two people in one story at once (docs/decisions/013-real-time-co-editing.md): live
// through the production server's collaboration socket, on the e2e database.

const REPORTER = DEMO_ACCOUNTS.reporter.name;
const EDITOR = DEMO_ACCOUNTS.editor.name;

test.describe.configure({ timeout: 120_000 });

/** The characters the nth keystroke of each writer types: every keystroke is told apart. */
const reporterKey = (n: number) => String(n % 10);
const editorKey = (n: number) => 'abcdefghij'[n % 10]!;

/** Puts the caret right after `marker` in the body's only paragraph. */
async function caretAfter(page: Page, marker: string): Promise<void> {
  await storyBody(page).click();
  await moveCaret(page, 'Control+Home');
  const text = (await storyBody(page).textContent()) ?? '';
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at + marker.length; i++) await page.keyboard.press('ArrowRight');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test('a reporter and an editor type into one paragraph, 200 keystrokes each, interleaved: both texts arrive whole', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Two hands on one paragraph', 'Reporter: . Editor: .');
  const editor = await open('editor');
  await editor.goto(url);
  await expectEditable(editor);

  // Presence instead of a lock: each sees the other, by name, and the other's caret.
  await expect(editingBanner(editor)).toContainText(`${REPORTER} is editing`, SERVER);
  await expect(editingBanner(reporter)).toContainText(`${EDITOR} is editing`, SERVER);

  await caretAfter(reporter, 'Reporter: ');
  await caretAfter(editor, 'Editor: ');
  await expect(storyBody(reporter).locator(`.collaboration-carets__caret[data-name="${EDITOR}"]`)).toHaveCount(1);
  await expect(storyBody(editor).locator(`.collaboration-carets__caret[data-name="${REPORTER}"]`)).toHaveCount(1);

  let mine = '';
  let theirs = '';
  for (let n = 0; n < 200; n++) {
    await reporter.keyboard.type(reporterKey(n));
    mine += reporterKey(n);
    await editor.keyboard.type(editorKey(n));
    theirs += editorKey(n);
  }
  const expected = `Reporter: ${mine}. Editor: ${theirs}.`;
  await expect(storyBody(reporter)).toHaveText(expected, SERVER);
  await expect(storyBody(editor)).toHaveText(expected, SERVER);
  await expect(autosave(reporter)).toHaveText(SAVED, SERVER);
  await expect(autosave(editor)).toHaveText(SAVED, SERVER);

  // Saved: a fresh page (no copy of its own in this browser) reads exactly that.
  const reader = await open('editor');
  await reader.goto(url);
  await expect(storyBody(reader)).toHaveText(expected, SERVER);
  const latest = revisionsPanel(reader).getByRole('listitem').first();
  await expect(latest).toContainText(REPORTER);
  await expect(latest).toContainText(EDITOR);
});

test('typing while cut off is kept in the browser, survives a reload, and merges with a colleague’s when back', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const socket = await cuttableLiveSocket(reporter);
  const { url } = await newStory(reporter, 'Ferry strike enters third day', 'Crossings stayed in port.');
  const editor = await open('editor');
  await editor.goto(url);
  await expectEditable(editor);

  await socket.cut();
  await typeAtEnd(reporter, ' Talks resume on Monday.');
  await expect(autosave(reporter)).toHaveText(/Offline — changes kept locally$/, SERVER);
  // Meanwhile the editor, online, writes at the start.
  await storyBody(editor).click();
  await moveCaret(editor, 'Control+Home');
  await editor.keyboard.type('UPDATE: ');
  await expect(autosave(editor)).toHaveText(SAVED, SERVER);
  await expect(storyBody(editor)).toHaveText('UPDATE: Crossings stayed in port.');

  // The reporter reloads while still cut off: the page comes back with their own text.
  await reporter.reload();
  await expect(storyBody(reporter)).toHaveText('Crossings stayed in port. Talks resume on Monday.', SERVER);
  await expect(autosave(reporter)).toHaveText(/Offline — changes kept locally$/, SERVER);

  // Back online: both texts, everywhere, saved.
  socket.restore();
  const merged = 'UPDATE: Crossings stayed in port. Talks resume on Monday.';
  await expect(storyBody(reporter)).toHaveText(merged, SERVER);
  await expect(storyBody(editor)).toHaveText(merged, SERVER);
  await expect(autosave(reporter)).toHaveText(SAVED, SERVER);
  const reader = await open('editor');
  await reader.goto(url);
  await expect(storyBody(reader)).toHaveText(merged, SERVER);
});

test('the socket refuses pages without a session and other sites; a reader gets a read-only document', async ({
  open,
  baseURL,
}) => {
  const editor = await open('editor');
  const { url } = await newStory(editor, 'Only its authors and editors may edit', 'Written by an editor.');

  // Anyone without a session (or another site, with a session) is refused at the door.
  const socketUrl = `${baseURL!.replace(/^http/, 'ws')}/collab`;
  const cookies = await editor.context().cookies();
  const session = cookies.find((c) => c.name.includes('next-auth.session-token'));
  expect(session).toBeDefined();
  const attempt = (headers: Record<string, string>) =>
    new Promise<number | 'open'>((resolve) => {
      const ws = new WebSocket(socketUrl, { headers });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => {});
    });
  expect(await attempt({ origin: baseURL! })).toBe(401);
  expect(await attempt({ origin: 'https://evil.example', cookie: `${session!.name}=${session!.value}` })).toBe(403);
  expect(await attempt({ origin: baseURL!, cookie: `${session!.name}=${session!.value}` })).toBe('open');

  // In a browser without a session, the page itself sends it to sign in.
  const anonymous = await open('anonymous');
  await anonymous.goto(url);
  await expect(anonymous).toHaveURL(/\/login/);

  // A reporter may read a colleague's story, not edit it: the document is read-only, and
  // the editor's typing still reaches it.
  const reporter = await open('reporter');
  await reporter.goto(url);
  await expect(storyBody(reporter)).toHaveText('Written by an editor.', SERVER);
  await expectReadOnly(reporter);
  await expect(editingBanner(editor)).toContainText(`${REPORTER} is reading`, SERVER);
  await typeAtEnd(editor, ' Seen live by readers.');
  await expect(storyBody(reporter)).toHaveText('Written by an editor. Seen live by readers.', SERVER);
});

test('submitting makes the story read-only on every open page at once; what was typed went into the version submitted', async ({
  open,
}) => {
  const reporter = await open('reporter');
  const { url } = await newStory(reporter, 'Library hours cut in budget', 'The library will close on Sundays.');
  const second = await reporter.context().newPage();
  await second.goto(url);
  await expectEditable(second);
  await expect(editingBanner(second)).toContainText('You also have this story open in another tab or window.');

  await typeAtEnd(reporter, ' The central branch is spared.');
  await expect(storyBody(second)).toHaveText(
    'The library will close on Sundays. The central branch is spared.',
    SERVER,
  );
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expectReadOnly(reporter);
  await expectReadOnly(second);
  await expect(editingBanner(second)).toContainText('you can read it, but no longer edit it', SERVER);
  await expect(revisionsPanel(reporter).getByRole('listitem').first()).toContainText('Version 2');
});
