import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, E2E_ACCOUNTS } from './accounts';
import { fillSignIn, storageStatePath } from './sign-in';

test.describe('anonymous visitors', () => {
  test('the desk sends them to /login, and sign-in brings them back to the page they asked for', async ({ page }) => {
    await page.goto('/desk/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Fadmin$/);
    await fillSignIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/desk\/admin$/);
    await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  });

  test('a wrong password shows "Invalid email or password"', async ({ page }) => {
    await page.goto('/login');
    await fillSignIn(page, DEMO_ACCOUNTS.editor.email, 'not-the-password');
    await expect(page.locator('form').getByRole('alert')).toHaveText('Invalid email or password');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unknown email shows exactly the same message', async ({ page }) => {
    await page.goto('/login');
    await fillSignIn(page, 'nobody@wiredesk.test', 'whatever-password');
    await expect(page.locator('form').getByRole('alert')).toHaveText('Invalid email or password');
  });

  test('after 5 failures the right password is refused too, with "try again later"', async ({ page }) => {
    const account = E2E_ACCOUNTS.lockout;
    await page.goto('/login');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillSignIn(page, account.email, `wrong guess ${attempt}`);
      await expect(page.locator('form').getByRole('alert')).toHaveText('Invalid email or password');
    }
    await fillSignIn(page, account.email, account.password);
    await expect(page.locator('form').getByRole('alert')).toContainText(
      'Too many failed sign-in attempts for this email.',
    );
    await expect(page.locator('form').getByRole('alert')).toContainText('Try again later');
    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the public front page has the site header and sections', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: 'Wiredesk' })).toBeVisible();
    const sections = page.getByRole('navigation', { name: 'Sections' });
    for (const name of ['World', 'Politics', 'Business', 'Technology', 'Sport', 'Culture']) {
      await expect(sections.getByRole('link', { name })).toBeVisible();
    }
    // e2e/prepare.ts publishes stories, so the front page is not empty (public-site.spec.ts).
    await expect(page.getByRole('heading', { name: 'Top stories' })).toBeVisible();
  });
});

for (const [role, account] of Object.entries(DEMO_ACCOUNTS)) {
  test.describe(`a signed-in ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });

    test('sees their name and role in the header, and the nav for their role', async ({ page }) => {
      await page.goto('/desk');
      const header = page.getByRole('banner');
      await expect(header).toContainText(account.name);
      await expect(header).toContainText(account.label);
      const nav = page.getByRole('navigation', { name: 'Desk' });
      for (const name of ['Dashboard', 'Stories', 'Wire']) await expect(nav.getByRole('link', { name })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(role === 'admin' ? 1 : 0);
    });

    test(role === 'admin' ? 'may open Admin' : 'gets a 403 on Admin, whatever the URL', async ({ page }) => {
      const response = await page.goto('/desk/admin');
      if (role === 'admin') {
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('cell', { name: DEMO_ACCOUNTS.reporter.email })).toBeVisible();
      } else {
        expect(response?.status()).toBe(403);
        await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      }
    });
  });
}

test('signing out ends the session: the desk asks for sign-in again', async ({ browser }) => {
  // A session of its own, so signing out does not touch the saved role sessions.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await fillSignIn(page, DEMO_ACCOUNTS.reporter.email, DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/desk/stories');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Fstories$/);
  await context.close();
});

test('a signed-in user who opens /login goes straight to the desk', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath('editor') });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page).toHaveURL(/\/desk$/);
  await context.close();
});
