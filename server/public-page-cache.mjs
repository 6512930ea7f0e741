// Public pages at the speed of a static file: the production server answers reader pages
// from finished, script-free, pre-compressed HTML kept in memory, without running React
// or Next.js's router. A page is rendered by Next.js once (through proxy.ts and the app
// as usual), stripped of its scripts, compressed, and kept until lib/ says something it
// shows changed — the same invalidation record Next.js's own cache reads
// (lib/public-cache/invalidation-registry.js), fed by every publish, update, unpublish
// and kill, on this instance and (PostgreSQL LISTEN/NOTIFY) on the others.
// docs/decisions/012-public-pages-from-memory.md
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isInvalidatedSince } from '../lib/public-cache/invalidation-registry.js';
import { publicPageRequest, stripScripts } from './public-html.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * What shared caches (a CDN, nginx) may do with a public page: keep it 30 s, then serve it
 * stale for at most 30 s more while fetching a new one — so an unpublished or killed
 * story's 410 reaches every reader within a minute. Browsers revalidate each time
 * (ETag, 304), which costs a few hundred bytes.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';

// Statuses worth keeping: the page, "no such page yet" (until it is published) and
// "taken down". Redirects (moved stories, renamed authors) are decided per request.
const CACHEABLE_STATUSES = new Set([200, 404, 410]);
// A missed invalidation (a bug) cannot last longer than this.
const SAFETY_MS = 60 * 60 * 1000;
// Response headers kept from the render and replayed with every copy.
const KEPT_HEADERS = [
  'content-type',
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'permissions-policy',
  'link',
  'x-robots-tag',
];

/**
 * @typedef {{
 *   key: string,
 *   status: number,
 *   headers: Record<string, string>,
 *   etag: string,
 *   identity: Buffer,
 *   gzip: Buffer,
 *   br: Buffer,
 *   tags: string[],
 *   renderedAt: number,
 *   size: number,
 *   wire: Record<'br' | 'gzip' | 'identity' | 'notModified', string[]>,
 * }} CachedPage
 */

// Browsers send a handful of distinct Accept-Encoding values: each is read once.
/** @type {Map<string, 'br' | 'gzip' | 'identity'>} */
const encodingChoices = new Map();

/**
 * The encoding to send, from Accept-Encoding: brotli, then gzip, else none.
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function chooseEncoding(header) {
  if (!header) return 'identity';
  let choice = encodingChoices.get(header);
  if (choice === undefined) {
    choice = readAcceptEncoding(header);
    if (encodingChoices.size < 256) encodingChoices.set(header, choice);
  }
  return choice;
}

/**
 * @param {string} header
 * @returns {'br' | 'gzip' | 'identity'}
 */
function readAcceptEncoding(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set((name ?? '').trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const accepts = (/** @type {string} */ name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Whether an If-None-Match header names this ETag (weak comparison, as for GET).
 * @param {string | undefined} header
 * @param {string} etag
 */
function matchesEtag(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * @typedef {{ status: number, headers: import('node:http').OutgoingHttpHeaders, body: Buffer }} RenderedResponse
 */

/**
 * Buffers what Next.js writes to `res` instead of sending it, and gives it back when the
 * response ends; the real methods are put back first, so the caller can then answer.
 * `restore()` puts them back early (the render failed).
 * @param {import('node:http').ServerResponse} res
 * @returns {{ done: Promise<RenderedResponse>, restore: () => void }}
 */
function captureResponse(res) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const restore = () => Object.assign(res, original);
  /** @type {Buffer[]} */
  const chunks = [];
  const toBuffer = (/** @type {any} */ chunk, /** @type {any} */ encoding) =>
    Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
  const done = new Promise((resolve) => {
    /** @type {any} */
    const patched = res;
    patched.writeHead = (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
      res.statusCode = status;
      const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
      if (Array.isArray(headers)) {
        for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      }
      return res;
    };
    patched.flushHeaders = () => {};
    patched.write = (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
      const done = [encoding, callback].find((arg) => typeof arg === 'function');
      if (done) process.nextTick(done);
      return true;
    };
    patched.end = (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
      restore();
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      const finished = [chunk, encoding, callback].find((arg) => typeof arg === 'function');
      if (finished) process.nextTick(finished);
      return res;
    };
  });
  return { done: /** @type {Promise<RenderedResponse>} */ (done), restore };
}

/**
 * @param {{ key: string, path: string, tags: string[], renderedAt: number }} request
 * @param {RenderedResponse} rendered
 * @returns {Promise<CachedPage | null>} null when this answer must not be kept
 */
async function toCachedPage(request, rendered) {
  if (!CACHEABLE_STATUSES.has(rendered.status) || !isHtml(rendered)) return null;
  if (rendered.headers['set-cookie'] !== undefined || rendered.headers['content-encoding'] !== undefined) return null;
  // Next.js marks every page it renders per request `private`. Search is one (its query is
  // in the URL) but reads nothing of the reader's — no cookie, no session — so the same
  // query gets the same page for everyone; any other page marked private is not kept.
  const perRequest = request.path === '/search';
  if (!perRequest && /\bprivate\b/.test(String(rendered.headers['cache-control'] ?? ''))) return null;
  const html = stripScripts(rendered.body.toString('utf8'));
  if (html === null) return null;
  const identity = Buffer.from(html, 'utf8');
  // Articles and listings are sent thousands of times: the best brotli is worth its 10 ms.
  // Most searches are asked once or twice: a fast setting, 8% larger, in under a millisecond.
  const [gz, br] = await compress(identity, perRequest ? 5 : 10);
  /** @type {Record<string, string>} */
  const headers = {};
  for (const name of KEPT_HEADERS) {
    const value = rendered.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
  return {
    key: request.key,
    status: rendered.status,
    headers,
    etag,
    identity,
    gzip: gz,
    br,
    tags: request.tags,
    renderedAt: request.renderedAt,
    size: identity.length + gz.length + br.length + 512,
    wire: wireHeaders(headers, etag, { br: br.length, gzip: gz.length, identity: identity.length }),
  };
}

/**
 * Every header of each answer a page can get, as the flat list `writeHead` takes: made once
 * per page, so serving it from memory sets no header one by one.
 * @param {Record<string, string>} headers
 * @param {string} etag
 * @param {{ br: number, gzip: number, identity: number }} lengths
 * @returns {CachedPage['wire']}
 */
function wireHeaders(headers, etag, lengths) {
  const common = [
    ...Object.entries(headers).flat(),
    'etag',
    etag,
    'cache-control',
    PUBLIC_CACHE_CONTROL,
    'vary',
    'Accept-Encoding',
  ];
  return {
    br: [...common, 'content-encoding', 'br', 'content-length', String(lengths.br)],
    gzip: [...common, 'content-encoding', 'gzip', 'content-length', String(lengths.gzip)],
    identity: [...common, 'content-length', String(lengths.identity)],
    notModified: common,
  };
}

/** @param {RenderedResponse} rendered */
function isHtml(rendered) {
  return String(rendered.headers['content-type'] ?? '').startsWith('text/html');
}

/**
 * @param {Buffer} identity
 * @param {number} brotliQuality
 * @returns {Promise<[Buffer, Buffer]>} gzip, brotli
 */
function compress(identity, brotliQuality) {
  return Promise.all([
    gzip(identity, { level: 9 }),
    brotli(identity, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ]);
}

/**
 * A reader page the cache does not keep (a redirect, an error, an address that is no
 * page, a page a script would still have to reveal) is still sent without Next.js's
 * scripts whenever it can be: the public CSP forbids them (the browser would refuse
 * them and log a violation), and nothing on a reader page needs them.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {RenderedResponse} rendered
 * @param {string | undefined} acceptEncoding
 */
async function sendUnkept(req, res, rendered, acceptEncoding) {
  const html =
    isHtml(rendered) && rendered.headers['content-encoding'] === undefined
      ? stripScripts(rendered.body.toString('utf8'))
      : null;
  for (const [name, value] of Object.entries(rendered.headers)) if (value !== undefined) res.setHeader(name, value);
  if (html === null) {
    res.writeHead(rendered.status);
    res.end(rendered.body);
    return;
  }
  let body = Buffer.from(html, 'utf8');
  const encoding = body.length > 1024 ? chooseEncoding(acceptEncoding) : 'identity';
  if (encoding === 'gzip') body = await gzip(body, { level: 6 });
  if (encoding === 'br') body = await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  // Next.js's own validators and length describe the page with its scripts.
  res.removeHeader('etag');
  res.removeHeader('content-length');
  res.removeHeader('transfer-encoding');
  if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
  res.setHeader('vary', 'Accept-Encoding');
  res.setHeader('content-length', body.length);
  res.writeHead(rendered.status);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Sends a page from memory. `extra` are more headers for this one answer (the request id,
 * `connection: close` while draining), as name, value pairs.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {CachedPage} page
 * @param {'hit' | 'miss'} outcome
 * @param {string[]} [extra]
 * @returns {number} the status sent
 */
function sendPage(req, res, page, outcome, extra = []) {
  if (matchesEtag(req.headers['if-none-match'], page.etag)) {
    res.writeHead(304, [...page.wire.notModified, 'x-wiredesk-cache', outcome, ...extra]);
    res.end();
    return 304;
  }
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;
  res.writeHead(page.status, [...page.wire[encoding], 'x-wiredesk-cache', outcome, ...extra]);
  res.end(req.method === 'HEAD' ? undefined : body);
  return page.status;
}

/**
 * The page cache of the server's front thread (server/front.mjs). `render` passes the
 * request to the Next.js thread (server/forward.mjs); a miss goes through it as any
 * request would, and only the finished answer is kept and sent.
 * @param {{
 *   render: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>,
 *   maxBytes?: number,
 *   now?: () => number,
 *   catchUp?: () => void,
 * }} options `catchUp` brings the invalidation record up to date before it is read
 *   (the production server's front thread hears of invalidations from the Next.js thread)
 */
export function createPublicPageCache({ render, maxBytes = 64 * 1024 * 1024, now = Date.now, catchUp = () => {} }) {
  /** @type {Map<string, CachedPage>} */
  const pages = new Map();
  /** @type {Map<string, Promise<CachedPage | null>>} */
  const rendering = new Map();
  let bytes = 0;
  const stats = { hits: 0, misses: 0, uncacheable: 0 };

  const drop = (/** @type {string} */ key) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= page.size;
    pages.delete(key);
  };

  /** @param {CachedPage} page */
  const keep = (page) => {
    drop(page.key);
    if (page.size > maxBytes / 8) return;
    pages.set(page.key, page);
    bytes += page.size;
    while (bytes > maxBytes && pages.size > 0) drop(/** @type {string} */ (pages.keys().next().value));
  };

  /** @param {string} key */
  const fresh = (key) => {
    const page = pages.get(key);
    if (!page) return null;
    catchUp();
    if (now() - page.renderedAt > SAFETY_MS || isInvalidatedSince(page.tags, page.renderedAt)) {
      drop(key);
      return null;
    }
    // Least recently used goes first: re-insert on every hit.
    pages.delete(key);
    pages.set(key, page);
    return page;
  };

  /**
   * Renders the page with Next.js, uncompressed (to be stripped and compressed once for
   * everyone), and gives back what it wrote; `res` is untouched until the caller answers.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<RenderedResponse>}
   */
  const renderCaptured = async (req, res) => {
    const acceptEncoding = req.headers['accept-encoding'];
    delete req.headers['accept-encoding'];
    const before = res.getHeaders();
    const capture = captureResponse(res);
    try {
      await render(req, res);
      const rendered = await capture.done;
      // Back to the headers the request path had set: a page from memory and a freshly
      // rendered one must go out with the same headers, not with Next.js's extras.
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      for (const [name, value] of Object.entries(before)) if (value !== undefined) res.setHeader(name, value);
      return rendered;
    } catch (error) {
      // The real methods back, so the front can still answer with an error.
      capture.restore();
      throw error;
    } finally {
      if (acceptEncoding !== undefined) req.headers['accept-encoding'] = acceptEncoding;
    }
  };

  /**
   * Answers a reader page — from memory, after one render, or rendered and sent without
   * scripts when it is not kept — and returns true; returns false for anything else.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  const answer = async (req, res) => {
    const request = publicPageRequest(req.method ?? 'GET', req.url ?? '/', req.headers);
    if (!request) return false;
    const { key } = request;
    if (key !== null) {
      const cached = fresh(key);
      if (cached) {
        stats.hits++;
        sendPage(req, res, cached, 'hit');
        return true;
      }
      // While a page renders, others asking for it wait for that render instead of
      // starting their own (a story going viral is one render).
      const inFlight = rendering.get(key);
      if (inFlight) {
        const page = await inFlight.catch(() => null);
        if (page) {
          stats.hits++;
          sendPage(req, res, page, 'hit');
          return true;
        }
      }
    }
    // HEAD has no body to keep or strip.
    if (req.method === 'HEAD') return false;
    const acceptEncoding = req.headers['accept-encoding'];
    if (key === null || rendering.has(key)) {
      stats.uncacheable++;
      await sendUnkept(req, res, await renderCaptured(req, res), acceptEncoding);
      return true;
    }

    // Stamped with the moment the render began: anything published after that moment
    // invalidates it, even if the render read the database just before the commit.
    const renderedAt = now();
    /** @type {RenderedResponse | undefined} */
    let rendered;
    const pending = (async () => {
      rendered = await renderCaptured(req, res);
      return toCachedPage({ ...request, key, renderedAt }, rendered);
    })();
    rendering.set(key, pending);
    try {
      const page = await pending;
      if (page) {
        stats.misses++;
        catchUp();
        if (!isInvalidatedSince(page.tags, page.renderedAt)) keep(page);
        sendPage(req, res, page, 'miss');
      } else if (rendered) {
        stats.uncacheable++;
        await sendUnkept(req, res, rendered, acceptEncoding);
      }
    } finally {
      rendering.delete(key);
    }
    return true;
  };

  /**
   * The synchronous first look, before any asynchronous machinery (server/front.mjs): a
   * GET or HEAD of a page kept under exactly its path (no query string, not search) is
   * answered here and now — no URL parsing, no promise, no header set one by one. Anything else (a miss, a query string, search, a
   * request of the client router) returns 0 and takes the full path, which ends in
   * `answer` above. Returns the status sent, or 0.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string[]} extra headers for this answer, as name, value pairs
   * @returns {number}
   */
  const answerFromMemory = (req, res, extra) => {
    const { method, url = '' } = req;
    if ((method !== 'GET' && method !== 'HEAD') || url.includes('?') || url === '/search') return 0;
    const { headers } = req;
    if (headers.rsc !== undefined || headers['next-router-prefetch'] !== undefined) return 0;
    if (headers['next-router-state-tree'] !== undefined || headers['next-action'] !== undefined) return 0;
    const page = fresh(url);
    if (!page) return 0;
    stats.hits++;
    return sendPage(req, res, page, 'hit', extra);
  };

  return {
    answer,
    answerFromMemory,
    /** How the cache is doing (for tests and the benchmark). */
    stats: () => ({ ...stats, pages: pages.size, bytes }),
    clear: () => {
      pages.clear();
      bytes = 0;
    },
  };
}
