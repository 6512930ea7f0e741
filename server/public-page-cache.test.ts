import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { recordInvalidation } from '../lib/public-cache/invalidation-registry.js';
import { chooseEncoding, createPublicPageCache, PUBLIC_CACHE_CONTROL } from './public-page-cache.mjs';

// A stand-in for Next.js with the same habits: headers set one by one, the body written
// in pieces, scripts in the page. Counts renders per path.
const renders = new Map<string, number>();
let status = 200;
let delayMs = 0;
let privatePage = false;
async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = req.url ?? '/';
  renders.set(path, (renders.get(path) ?? 0) + 1);
  // Next.js compresses for readers who accept it; the cache asks for the page uncompressed.
  if (req.headers['accept-encoding']) throw new Error('rendered for a compressed answer');
  const n = renders.get(path);
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', "script-src 'none'");
  // As Next.js does: per-request pages (search) are `private`, cached ones are not.
  res.setHeader(
    'cache-control',
    path.startsWith('/search') || privatePage
      ? 'private, no-cache, no-store, max-age=0, must-revalidate'
      : 's-maxage=3600, stale-while-revalidate=31532400',
  );
  res.setHeader('x-nextjs-cache', 'MISS');
  res.write(`<!DOCTYPE html><html><head><script src="/_next/app.js" async=""></script></head>`);
  res.write(Buffer.from(`<body><h1>${path} render ${n}</h1>`));
  res.end('<script>self.__next_f.push([1])</script></body></html>');
}

const cache = createPublicPageCache({ render });
let base: string;
// As server/front.mjs does: the synchronous answer from memory first (when on), then answer().
let immediate = false;
const immediateStatuses: number[] = [];
const server = http.createServer((req, res) => {
  void (async () => {
    if (immediate) {
      const status = cache.answerFromMemory(req, res, ['X-Request-Id', 'immediate-1234']);
      immediateStatuses.push(status);
      if (status !== 0) return;
    }
    if (!(await cache.answer(req, res))) {
      res.writeHead(299, { 'content-type': 'text/plain' });
      res.end('passed on');
    }
  })();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.clear();
  renders.clear();
  status = 200;
  delayMs = 0;
  privatePage = false;
  immediate = false;
  immediateStatuses.length = 0;
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

test('a page is rendered once, then served from memory without its scripts, with its security headers', async () => {
  const first = await get('/world/harbour-plan');
  expect(first.status).toBe(200);
  expect(first.headers['x-wiredesk-cache']).toBe('miss');
  expect(first.body.toString()).toBe(
    '<!DOCTYPE html><html><head></head><body><h1>/world/harbour-plan render 1</h1></body></html>',
  );
  const second = await get('/world/harbour-plan');
  expect(second.headers['x-wiredesk-cache']).toBe('hit');
  expect(second.body.toString()).toBe(first.body.toString());
  expect(renders.get('/world/harbour-plan')).toBe(1);
  expect(second.headers).toMatchObject({
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "script-src 'none'",
    'cache-control': PUBLIC_CACHE_CONTROL,
    vary: 'Accept-Encoding',
  });
  expect(second.headers['x-nextjs-cache']).toBeUndefined();
});

test('pages go out brotli- or gzip-compressed as the reader accepts, with an ETag that answers 304', async () => {
  const plain = await get('/');
  const br = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
  const gz = await get('/', { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(gz.body).toString()).toBe(plain.body.toString());
  expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
  const etag = plain.headers.etag!;
  expect(br.headers.etag).toBe(etag);
  const revalidated = await get('/', { 'if-none-match': `W/${etag}` });
  expect(revalidated.status).toBe(304);
  expect(revalidated.body.length).toBe(0);
  expect(renders.get('/')).toBe(1);
});

test('an invalidation of a tag the page depends on makes the next request render it again', async () => {
  await get('/world/harbour-plan');
  await get('/sport');
  recordInvalidation(['public:path:world/harbour-plan']);
  const again = await get('/world/harbour-plan');
  expect(again.headers['x-wiredesk-cache']).toBe('miss');
  expect(again.body.toString()).toContain('render 2');
  // A page that does not depend on it stays.
  expect((await get('/sport')).headers['x-wiredesk-cache']).toBe('hit');
  recordInvalidation(['public:sections']);
  expect((await get('/sport')).headers['x-wiredesk-cache']).toBe('miss');
});

test('a render that began before a publish committed is sent but not kept', async () => {
  delayMs = 50;
  const pending = get('/culture');
  await new Promise((resolve) => setTimeout(resolve, 10));
  recordInvalidation(['public:section:culture']);
  expect((await pending).headers['x-wiredesk-cache']).toBe('miss');
  delayMs = 0;
  expect((await get('/culture')).body.toString()).toContain('render 2');
});

test('readers asking for a page while it renders wait for that one render', async () => {
  delayMs = 100;
  const answers = await Promise.all(Array.from({ length: 20 }, () => get('/business')));
  expect(renders.get('/business')).toBe(1);
  expect(new Set(answers.map((a) => a.body.toString())).size).toBe(1);
  expect(answers.filter((a) => a.headers['x-wiredesk-cache'] === 'miss')).toHaveLength(1);
});

test('410 and 404 answers are kept like pages; other statuses are sent as rendered, without scripts, and not kept', async () => {
  status = 410;
  expect((await get('/world/killed-story')).status).toBe(410);
  expect((await get('/world/killed-story')).headers['x-wiredesk-cache']).toBe('hit');
  status = 500;
  const failed = await get('/politics');
  expect(failed.status).toBe(500);
  expect(failed.headers['x-wiredesk-cache']).toBeUndefined();
  expect(failed.body.toString()).toBe(
    '<!DOCTYPE html><html><head></head><body><h1>/politics render 1</h1></body></html>',
  );
  await get('/politics');
  expect(renders.get('/politics')).toBe(2);
});

test('a page from memory and a freshly rendered one go out with the same headers', async () => {
  const miss = await get('/technology');
  const hit = await get('/technology');
  const comparable = (headers: http.IncomingHttpHeaders) => {
    const { date: _date, 'x-wiredesk-cache': _outcome, ...rest } = headers;
    return rest;
  };
  expect(miss.headers['x-wiredesk-cache']).toBe('miss');
  expect(comparable(miss.headers)).toEqual(comparable(hit.headers));
  expect(miss.headers['x-nextjs-cache']).toBeUndefined();
});

test('search pages are kept per query although Next.js marks them private; other private pages are not', async () => {
  const first = await get('/search?q=harbour', { 'accept-encoding': 'br' });
  expect(first.headers['x-wiredesk-cache']).toBe('miss');
  expect(zlib.brotliDecompressSync(first.body).toString()).not.toContain('<script');
  expect((await get('/search?q=harbour&utm_source=x')).headers['x-wiredesk-cache']).toBe('hit');
  expect((await get('/search?q=ferry')).headers['x-wiredesk-cache']).toBe('miss');
  recordInvalidation(['public:search']);
  expect((await get('/search?q=harbour')).headers['x-wiredesk-cache']).toBe('miss');

  privatePage = true;
  const personal = await get('/sport');
  expect(personal.headers['x-wiredesk-cache']).toBeUndefined();
  expect(personal.headers['cache-control']).toContain('private');
  expect(personal.body.toString()).not.toContain('<script');
  await get('/sport');
  expect(renders.get('/sport')).toBe(2);
});

test('reader addresses the cache does not keep are rendered each time, still without scripts', async () => {
  for (const path of ['/a/b/c', '/search?q=a&q=b']) {
    const answer = await get(path, { 'accept-encoding': 'gzip' });
    const html = answer.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body;
    expect(html.toString(), path).toMatch(
      /^<!DOCTYPE html><html><head><\/head><body><h1>.* render 1<\/h1><\/body><\/html>$/,
    );
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.headers['x-wiredesk-cache']).toBeUndefined();
  }
});

test('tracking parameters do not make a new page: the article is served from memory', async () => {
  await get('/world/harbour-plan');
  const shared = await get('/world/harbour-plan?utm_source=newsletter&fbclid=x');
  expect(shared.headers['x-wiredesk-cache']).toBe('hit');
  expect(renders.get('/world/harbour-plan')).toBe(1);
});

test('requests that are not reader pages are passed on untouched', async () => {
  for (const path of ['/desk', '/api/wire/latest', '/feed.xml', '/world?_rsc=abc']) {
    expect((await get(path)).status).toBe(299);
  }
  expect((await get('/world', { rsc: '1' })).status).toBe(299);
  expect(renders.size).toBe(0);
});

test.each([
  [undefined, 'identity'],
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0, gzip;q=0.5', 'gzip'],
  ['identity', 'identity'],
  ['*', 'br'],
] as const)('Accept-Encoding %s → %s', (header, expected) => {
  expect(chooseEncoding(header)).toBe(expected);
});

test('a page kept under its path is answered at once, with the same bytes and headers plus the request id', async () => {
  immediate = true;
  const miss = await get('/world/harbour-plan', { 'accept-encoding': 'br' });
  const hit = await get('/world/harbour-plan', { 'accept-encoding': 'br' });
  expect(immediateStatuses).toEqual([0, 200]);
  expect(hit.body.equals(miss.body)).toBe(true);
  expect(hit.headers['x-request-id']).toBe('immediate-1234');
  const comparable = (headers: http.IncomingHttpHeaders) => {
    const { date: _date, 'x-wiredesk-cache': _outcome, 'x-request-id': _id, ...rest } = headers;
    return rest;
  };
  expect(comparable(hit.headers)).toEqual(comparable(miss.headers));
  expect((await get('/world/harbour-plan', { 'if-none-match': hit.headers.etag! })).status).toBe(304);
  expect(immediateStatuses.at(-1)).toBe(304);
  // Query strings, search, the client router's requests and other methods take the full path.
  immediateStatuses.length = 0;
  await get('/world/harbour-plan?utm_source=x');
  await get('/world/harbour-plan', { rsc: '1' });
  await get('/search');
  await get('/search');
  expect(immediateStatuses).toEqual([0, 0, 0, 0]);
  // An invalidated page is not answered from memory.
  recordInvalidation(['public:path:world/harbour-plan']);
  immediateStatuses.length = 0;
  expect((await get('/world/harbour-plan')).body.toString()).toContain('render 2');
  expect(immediateStatuses).toEqual([0]);
  expect(renders.get('/world/harbour-plan')).toBe(2);
});
