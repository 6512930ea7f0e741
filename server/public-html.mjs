// Pure helpers of the public page cache (server/public-page-cache.mjs): which requests it
// may answer, what a page depends on, and the page made script-free.
import { PUBLIC_TAGS } from '../lib/public-cache/public-tags.js';
import { responseKind } from '../lib/http/response-kind.js';
import { isReservedSegment } from '../lib/reserved-segments.js';

const ARTICLE = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
const SECTION = /^\/([a-z0-9-]+)(?:\/page\/([1-9][0-9]{0,5}))?$/;
const AUTHOR = /^\/authors\/([1-9][0-9]{0,9})(?:-[^/]*)?(?:\/page\/[1-9][0-9]{0,5})?$/;

/**
 * The cache key of a public page request, or null when the cache must not answer it:
 * not a reader page, not GET/HEAD, or a query string the page does not read (`?utm=`
 * variants would fill the cache with copies; Next.js answers those itself).
 * @param {string} method
 * @param {string} url the request's path and query
 * @returns {{ key: string, path: string, tags: string[] } | null}
 */
export function publicPageRequest(method, url) {
  if (method !== 'GET' && method !== 'HEAD') return null;
  let parsed;
  try {
    parsed = new URL(url, 'http://wiredesk.invalid');
  } catch {
    return null;
  }
  const path = parsed.pathname;
  if (responseKind(path) !== 'public' || path.length > 300) return null;
  const tags = pageTags(path);
  if (tags === null) return null;
  if (path === '/search') {
    const params = [...parsed.searchParams.keys()];
    if (params.some((name) => name !== 'q' && name !== 'page')) return null;
    const q = (parsed.searchParams.get('q') ?? '').trim().replace(/\s+/g, ' ').slice(0, 200);
    const page = parsed.searchParams.get('page') ?? '';
    if (page !== '' && !/^[1-9][0-9]{0,5}$/.test(page)) return null;
    return { key: `/search?q=${encodeURIComponent(q)}&page=${page || '1'}`, path, tags };
  }
  if (parsed.search !== '') return null;
  return { key: path, path, tags };
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
