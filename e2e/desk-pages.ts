// What the authoring and co-editing specs share: browsers per role that fail the test on a
// script or console error, the story page's landmarks by their accessible names, and ways
// to type, wait for saves and cut a page off from the collaboration server.
import {
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type Page,
  type WebSocketRoute,
} from '@playwright/test';
import { storageStatePath } from './sign-in';

export type Role = 'reporter' | 'editor' | 'anonymous';

/**
 * Each test opens the browsers it needs (a reporter and an editor side by side) and they
 * are closed after it, so no editor page stays in a live document into the next test.
 * A script error or a console error in any of them fails the test; refused and offline
 * requests are part of these stories, and the browser logs them, so those are let through.
 */
export const test = base.extend<{ open: (role: Role, options?: { timezoneId?: string }) => Promise<Page> }>({
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

/** A save goes through the whole stack on two shared cores: give it room. */
export const SERVER = { timeout: 20_000 };
export const SAVED = /Saved \d{2}:\d{2}$/;

export const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
export const autosave = (page: Page) => page.getByRole('status').filter({ hasText: 'Autosave:' });
export const storyState = (page: Page) => page.getByRole('status', { name: 'Story state' });
/** The "Editing" banner: who else is in the story, and what changed for this page. */
export const editingBanner = (page: Page) => page.getByRole('region', { name: 'Editing' });
export const revisionsPanel = (page: Page) => page.getByRole('region', { name: 'Revisions' });

/** Writes a new story through the desk's form and waits until its page may be edited live. */
export async function newStory(page: Page, headline: string, paragraph: string): Promise<{ url: string; id: number }> {
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

export async function expectEditable(page: Page): Promise<void> {
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'true', SERVER);
  await expect(page.getByLabel('Headline')).toBeEnabled();
}

export async function expectReadOnly(page: Page): Promise<void> {
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
export async function moveCaret(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Puts the caret at the very end of the body and types there. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await storyBody(page).click();
  await moveCaret(page, 'Control+End');
  await page.keyboard.type(text);
}

/**
 * Lets a page's connection to the collaboration server be cut and restored, the way a
 * train tunnel does it: the socket drops, reconnecting fails until `restore()`. (Playwright's
 * offline mode leaves open WebSockets alone.) Call before the page opens the story.
 */
export async function cuttableLiveSocket(page: Page): Promise<{ cut: () => Promise<void>; restore: () => void }> {
  let online = true;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/collab$/, (socket) => {
    if (!online) {
      void socket.close({ code: 4000, reason: 'offline' });
      return;
    }
    open.add(socket);
    socket.connectToServer();
    socket.onClose(() => open.delete(socket));
  });
  return {
    cut: async () => {
      online = false;
      for (const socket of [...open]) await socket.close({ code: 4000, reason: 'offline' });
      open.clear();
    },
    restore: () => {
      online = true;
    },
  };
}
