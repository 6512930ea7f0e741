// Pure helpers of the public page cache (server/public-page-cache.mjs): which requests it
// may answer, what a page depends on, and the page made script-free.
import { PUBLIC_TAGS } from '../lib/public-cache/public-tags.js';
import { responseKind } from '../lib/http/response-kind.js';
import { isReservedSegment } from '../lib/reserved-segments.js';

const ARTICLE = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
const SECTION = /^\/([a-z0-9-]+)(?:\/page\/([1-9][0-9]{0,5}))?$/;
const AUTHOR = /^\/authors\/([1-9][0-9]{0,9})(?:-[^/]*)?(?:\/page\/[1-9][0-9]{0,5})?$/;

// Requests of Next.js's client router (React Server Component payloads, prefetches,
// server actions): never HTML, never ours to answer. The desk's client router may ask for a
// public page this way when a link there leads to it.
const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action'];

/**
 * How the page cache treats a request: null when it is not a reader page at all (not
 * GET/HEAD, not a public address, a request of Next.js's client router), so it passes
 * untouched; otherwise the page is made script-free, and `key` says under which name it
 * is kept, or null when it must not be (an address that is no page, a search whose
 * parameters the page would read differently).
 *
 * Reader pages do not read the query string, except search (`q`, `page`): `?utm_source=`
 * and `?fbclid=` variants of a shared article are the same page, kept once under its path.
 * @param {string} method
 * @param {string} url the request's path and query
 * @param {import('node:http').IncomingHttpHeaders} [headers]
 * @returns {{ key: string | null, path: string, tags: string[] } | null}
 */
export function publicPageRequest(method, url, headers = {}) {
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  let parsed;
  try {
    parsed = new URL(url, 'http://wiredesk.invalid');
  } catch {
    return null;
  }
  const path = parsed.pathname;
  if (responseKind(path) !== 'public' || path.length > 300) return null;
  if (parsed.searchParams.has('_rsc')) return null;
  const tags = pageTags(path);
  if (tags === null) return { key: null, path, tags: [] };
  if (path === '/search') return { key: searchKey(parsed.searchParams), path, tags };
  return { key: path, path, tags };
}

/**
 * The key of a search page: its query and page exactly as the page reads them
 * (lib/public/search.ts SearchParamsSchema), or null when two different requests could
 * meet under one key but render differently (a repeated parameter, an overlong query,
 * a page number the schema would read as another).
 * @param {URLSearchParams} params
 * @returns {string | null}
 */
function searchKey(params) {
  if (params.getAll('q').length > 1 || params.getAll('page').length > 1) return null;
  const q = (params.get('q') ?? '').trim();
  const page = params.get('page') ?? '';
  if (q.length > 200 || (page !== '' && !/^[1-9][0-9]{0,5}$/.test(page))) return null;
  return `/search?q=${encodeURIComponent(q)}&page=${page || '1'}`;
}

/**
 * The invalidation tags a public page depends on, from its address (the same tags lib/
 * announces when a story is published, updated, unpublished or killed), or null for an
 * address that is no page (a 404 we do not keep). Every page lists the sections.
 * @param {string} path
 * @returns {string[] | null}
 */
export function pageTags(path) {
  const tags = [PUBLIC_TAGS.sections];
  if (path === '/') return [...tags, PUBLIC_TAGS.front];
  if (path === '/search') return [...tags, PUBLIC_TAGS.search];
  const author = AUTHOR.exec(path);
  if (author) return [...tags, PUBLIC_TAGS.author(Number(author[1]))];
  const section = SECTION.exec(path);
  if (section && !isReservedSegment(section[1] ?? '')) return [...tags, PUBLIC_TAGS.section(section[1] ?? '')];
  const article = ARTICLE.exec(path);
  if (article && !isReservedSegment(article[1] ?? '')) {
    return [...tags, PUBLIC_TAGS.path(article[1] ?? '', article[2] ?? ''), PUBLIC_TAGS.section(article[1] ?? '')];
  }
  return null;
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_PRELOAD =
  /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*>|<link\b[^>]*\brel="modulepreload"[^>]*>/gi;
// React's out-of-order streaming: content parked in a hidden element until a script
// moves it into place. Without the script it would stay hidden.
const STREAMED_SEGMENT = /<div hidden id="S:|\$RC\(|<template id="B:/;

/**
 * The page as readers get it: Next.js's scripts (the React runtime, hydration data and
 * preloads) removed, JSON-LD kept. Public pages are server-rendered HTML that works
 * without JavaScript, so nothing is lost but the download. Null if the page relies on
 * streamed segments that only a script would reveal (never served script-free).
 * @param {string} html
 * @returns {string | null}
 */
export function stripScripts(html) {
  if (STREAMED_SEGMENT.test(html)) return null;
  return html
    .replace(SCRIPT_ELEMENT, (element, attributes) =>
      /\btype="application\/ld\+json"/i.test(attributes) ? element : '',
    )
    .replace(SCRIPT_PRELOAD, '');
}
