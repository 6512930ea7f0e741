import { expect, test, type Page } from '@playwright/test';
import { fillSignIn, storageStatePath } from './sign-in';

test.use({ storageState: storageStatePath('admin') });

function row(page: Page, email: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });
}

test('an admin adds a colleague; role changes and deactivation apply to their open session at once', async ({
  page,
  browser,
}) => {
  const email = 'nina.new@wiredesk.test';
  await page.goto('/desk/admin');
  await page.getByLabel('Name', { exact: true }).fill('Nina New');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('reporter');
  await page.getByLabel('Password').fill('nina-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toHaveText(`Added Nina New (${email}) as reporter.`);
  await expect(row(page, email)).toContainText('Reporter');

  // Nina signs in in her own browser.
  const nina = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const ninaPage = await nina.newPage();
  await ninaPage.goto('/login');
  await fillSignIn(ninaPage, email, 'nina-password');
  await expect(ninaPage.getByRole('banner')).toContainText('Reporter');

  // Promoted: her next page shows it, without signing in again.
  await row(page, email).getByLabel('Role for Nina New').selectOption('editor');
  await row(page, email).getByRole('button', { name: 'Change role for Nina New' }).click();
  await expect(row(page, email).getByRole('status')).toHaveText('Nina New is now editor.');
  await ninaPage.reload();
  await expect(ninaPage.getByRole('banner')).toContainText('Editor');

  // Deactivated: her next request is turned away, and she cannot sign back in.
  await row(page, email).getByRole('button', { name: 'Deactivate Nina New' }).click();
  await expect(row(page, email)).toContainText('Deactivated');
  await ninaPage.goto('/desk/stories');
  await expect(ninaPage).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Fstories$/);
  await fillSignIn(ninaPage, email, 'nina-password');
  await expect(ninaPage.locator('form').getByRole('alert')).toHaveText('Invalid email or password');
  await nina.close();
});

test('adding a user with an email already in use says so under the field', async ({ page }) => {
  await page.goto('/desk/admin');
  await page.getByLabel('Name', { exact: true }).fill('Second Editor');
  await page.getByLabel('Email').fill('EDITOR@wiredesk.test');
  await page.getByLabel('Password').fill('long-enough-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('A user with this email already exists')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('A user with this email already exists');
});

test('the admin’s own row has no controls, so nobody locks themselves out by a misclick', async ({ page }) => {
  await page.goto('/desk/admin');
  const own = row(page, 'admin@wiredesk.test');
  await expect(own).toContainText('You');
  await expect(own.getByRole('button')).toHaveCount(0);
});
