import { expect, test } from '@playwright/test';

// The browser tests run against server/main.mjs, the production entry: its own answers.
test.use({ storageState: { cookies: [], origins: [] } });

test('the server answers /healthz itself and /readyz from the database, neither cached', async ({ request }) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', draining: false });
  expect(health.headers()['cache-control']).toBe('no-store');

  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', scheduler: 'leader' });
  expect(ready.headers()['cache-control']).toBe('no-store');
});

test('every answer carries a request id: the caller’s if well formed, else a new one', async ({ request }) => {
  const kept = await request.get('/login', { headers: { 'X-Request-Id': 'e2e-trace-0001' } });
  expect(kept.headers()['x-request-id']).toBe('e2e-trace-0001');
  const replaced = await request.get('/login', { headers: { 'X-Request-Id': 'no good' } });
  expect(replaced.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const page = await request.get('/no-such-section-here/no-such-story');
  expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
