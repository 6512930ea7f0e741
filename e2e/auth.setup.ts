import { expect, test as setup } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { signIn, storageStatePath } from './sign-in';

// Each demo role signs in once through the real form; later specs reuse the session.
for (const [role, account] of Object.entries(DEMO_ACCOUNTS)) {
  setup(`the demo ${role} signs in and the header shows their name and role`, async ({ page }) => {
    await signIn(page, account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/desk$/);
    const header = page.getByRole('banner');
    await expect(header).toContainText(account.name);
    await expect(header).toContainText(account.label);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
