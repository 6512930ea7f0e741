import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { recordInvalidation } from './invalidation-registry.js';

type Handler = {
  get: (key: string, ctx?: object) => Promise<{ value: unknown; lastModified: number } | null>;
  set: (key: string, data: unknown, ctx?: object) => Promise<void>;
  revalidateTag: (tags: string | string[]) => Promise<void>;
};

// Each test gets a fresh module (fresh store), with a 1 MB budget to see eviction.
async function freshHandler(): Promise<Handler> {
  vi.resetModules();
  vi.stubEnv('WIREDESK_CACHE_MAX_MB', '1');
  const { default: Handler } = (await import('./cache-handler.mjs')) as { default: new () => Handler };
  return new Handler();
}

const page = (tags: string[], html = '<p>page</p>') => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('rsc'),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status: 200,
});

let now = 1_000_000;
beforeEach(() => {
  vi.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

test('a stored page is served until one of its tags is invalidated', async () => {
  const cache = await freshHandler();
  await cache.get('/world/a');
  await cache.set('/world/a', page(['public:path:world/a', 'public:section:world']));
  now += 10;
  expect((await cache.get('/world/a'))?.value).toMatchObject({ html: '<p>page</p>' });
  recordInvalidation(['public:section:sport'], (now += 10));
  expect(await cache.get('/world/a')).not.toBeNull();
  recordInvalidation(['public:section:world'], (now += 10));
  expect(await cache.get('/world/a')).toBeNull();
});

test('an entry is dated from its cache miss: a render that began before a publish is never kept as fresh', async () => {
  const cache = await freshHandler();
  await cache.get('/world/b'); // miss: the render begins and reads the database…
  now += 5;
  recordInvalidation(['public:path:world/b'], now); // …the publish commits meanwhile…
  now += 5;
  await cache.set('/world/b', page(['public:path:world/b'])); // …and the old text is stored.
  expect(await cache.get('/world/b')).toBeNull();
  now += 5;
  await cache.set('/world/b', page(['public:path:world/b'], '<p>new</p>'));
  expect((await cache.get('/world/b'))?.value).toMatchObject({ html: '<p>new</p>' });
});

test('data entries are checked against the tags Next passes on reads too', async () => {
  const cache = await freshHandler();
  await cache.set('data-key', { kind: 'FETCH', data: { body: '{}' } }, { tags: ['public:front'] });
  now += 1;
  expect(await cache.get('data-key', { tags: ['public:front'], softTags: ['_N_T_/layout'] })).not.toBeNull();
  recordInvalidation(['_N_T_/layout'], (now += 1));
  expect(await cache.get('data-key', { tags: ['public:front'], softTags: ['_N_T_/layout'] })).toBeNull();
});

test('revalidateTag from Next (server actions, revalidatePath) expires entries immediately', async () => {
  const cache = await freshHandler();
  await cache.set('/culture', page(['_N_T_/culture']));
  now += 1;
  await cache.revalidateTag('_N_T_/culture');
  now += 1;
  expect(await cache.get('/culture')).toBeNull();
});

test('the least recently used entries go when the memory budget is spent', async () => {
  const cache = await freshHandler();
  const big = 'x'.repeat(200 * 1024);
  for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, page([], big));
  now += 1;
  expect(await cache.get('a')).not.toBeNull(); // a is now the most recently used
  await cache.set('e', page([], big));
  await cache.set('f', page([], big));
  expect(await cache.get('a')).not.toBeNull();
  expect(await cache.get('b')).toBeNull();
  expect(await cache.get('f')).not.toBeNull();
});
