import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO_STORIES } from '@/db/demo/demo-content';
import { storageStatePath } from './sign-in';

// Every kind of page loads and works under its Content-Security-Policy with nothing blocked:
// a CSP the app breaks under gets loosened by the next person in a hurry. Each page is
// loaded in Chromium with its real headers, and any violation the browser reports fails.

const published = DEMO_STORIES.find((story) => story.life.state === 'published')!;
const ARTICLE = `/${published.section}/${published.slug}`;

type Watch = { violations: string[]; errors: string[] };

/** Collects what the browser says about blocked content and script errors on a page. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], errors: [] };
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  // The DOM event catches what the console may not print (e.g. reports about styles).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return seen;
}

function expectCommonHeaders(response: Response) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toBeTruthy();
  return headers['content-security-policy']!;
}

const PUBLIC_PAGES = [
  ['home', '/'],
  ['section', `/${published.section}`],
  ['article', ARTICLE],
  ['search', '/search?q=harbour'],
  ['sign-in', '/login'],
] as const;

for (const [kind, path] of PUBLIC_PAGES) {
  test(`the ${kind} page loads under its CSP with nothing blocked`, async ({ page }) => {
    const seen = await watch(page);
    const response = (await page.goto(path))!;
    expect(response.status()).toBe(200);
    const csp = expectCommonHeaders(response);
    if (kind === 'sign-in') {
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      // The form works: its script ran (a wrong password is answered in the page).
      await page.getByLabel('Email').fill('nobody@wiredesk.test');
      await page.getByLabel('Password').fill('not a password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Invalid email or password')).toBeVisible();
    } else {
      expect(csp).toContain("script-src 'none'");
      // Shared caches may keep it briefly: a 410 reaches readers behind a CDN within a minute.
      expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
      expect(csp).toContain("frame-ancestors 'none'");
      // Readers get no script at all, so nothing can be blocked either.
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    }
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await page.waitForLoadState('networkidle');
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
}

test('the author page loads under the public CSP with nothing blocked', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(ARTICLE);
  await page.locator('a[href^="/authors/"]').first().click();
  await expect(page).toHaveURL(/\/authors\//);
  expect(seen.violations).toEqual([]);
});

test.describe('the desk', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('every desk page loads under a nonce CSP that forbids framing, with nothing blocked', async ({ page }) => {
    const seen = await watch(page);
    const visited: string[] = [];
    const open = async (path: string) => {
      const response = (await page.goto(path))!;
      expect(response.status(), path).toBe(200);
      const csp = expectCommonHeaders(response);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers()['cache-control'], path).toMatch(/private.*no-store|no-store.*private/);
      await page.waitForLoadState('networkidle');
      visited.push(path);
    };
    for (const path of [
      '/desk',
      '/desk/stories',
      '/desk/stories?view=board',
      '/desk/stories/new',
      '/desk/wire',
      '/desk/front',
      '/desk/notifications',
      '/desk/account',
      '/desk/admin',
    ]) {
      await open(path);
    }
    // A story of one's own, made through the New story form, then its page, revisions and
    // preview: the editor works under the policy (typing shows in the body).
    await page.goto('/desk/stories/new');
    await page.getByLabel('Headline').fill('Checked under the content security policy');
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.getByRole('textbox', { name: 'Story body' }).click();
    await page.keyboard.type('Typed on the new story page.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/desk\/stories\/\d+$/);
    const storyPath = new URL(page.url()).pathname;
    await open(storyPath);
    const body = page.getByRole('textbox', { name: 'Story body' });
    await expect(body).toHaveAttribute('contenteditable', 'true');
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Checked under the CSP.');
    await expect(body).toContainText('Checked under the CSP.');
    await open(`${storyPath}/revisions`);
    await open(storyPath.replace('/desk/stories/', '/preview/'));
    await page.goto('/desk/wire');
    const wirePath = await page.locator('a[href^="/desk/wire/"]').first().getAttribute('href');
    await open(wirePath!);
    expect(visited.length).toBeGreaterThanOrEqual(13);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});

test('what is not a page may load nothing and be framed nowhere', async ({ request }) => {
  for (const path of ['/feed.xml', '/sitemap.xml', '/robots.txt', '/api/wire/latest', '/readyz']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp, path).toContain("default-src 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
});
