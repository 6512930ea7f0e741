import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';
import { getConfig } from '@/lib/config';
import {
  appContentSecurityPolicy,
  createNonce,
  defaultSecurityHeaders,
  publicContentSecurityPolicy,
  resourceContentSecurityPolicy,
} from '@/lib/http/security-headers.js';
import { MAX_ACTION_BODY_BYTES } from '@/lib/http/request-limits.js';
import { responseKind } from '@/lib/http/response-kind.js';
import { getPublicAuthorName } from '@/lib/public/author-address';
import { authorPath, authorSegment, isReservedSegment, parseAuthorSegment } from '@/lib/public-routes';
import { resolveArticlePathCached } from '@/lib/public/article-path-cache';

// /{section}/{slug}; paths under the application's own top-level segments
// (RESERVED_TOP_LEVEL_SEGMENTS: desk, api, authors, sitemaps…) are never articles.
const ARTICLE_PATH = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
const AUTHOR_PATH = /^\/authors\/([^/]+)(?:\/page\/([1-9][0-9]{0,5}))?$/;

/**
 * Desk: comfort, not security — visitors without a session cookie go straight to
 * /login, and desk pages learn which URL was asked for so sign-in can return there.
 * Every desk page, action and route checks the session on the server itself.
 */
function routeDesk(request: NextRequest, headers: Headers) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const hasSession = request.cookies.getAll().some((cookie) => cookie.name.includes('next-auth.session-token'));
  if (!hasSession) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', path);
    return NextResponse.redirect(login);
  }
  headers.set(REQUEST_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

/**
 * Articles: pages cannot choose their status code, so the HTTP answer for a story
 * that was taken down (410) or moved to another section (301) is decided here.
 */
async function routeArticle(request: NextRequest, headers: Headers, section: string, slug: string) {
  let route: Awaited<ReturnType<typeof resolveArticlePathCached>>;
  try {
    route = await resolveArticlePathCached(section, slug);
  } catch {
    return NextResponse.next({ request: { headers } }); // the page itself will answer (and log) properly
  }
  // The page renders the notice; this sets the status it cannot. (A rewrite would do too,
  // but Next treats a rewrite to its own URL as external when bound to a specific host.)
  if (route.status === 'gone') return NextResponse.next({ status: 410, request: { headers } });
  if (route.status === 'moved') return NextResponse.redirect(new URL(route.location, request.url), 301);
  return NextResponse.next({ request: { headers } });
}

/**
 * Author pages: the id identifies, the name is for people. An address with a stale or
 * missing name answers 308 to the current one here, per request, rather than from the
 * cached page (Next repeats the Location header of a cached redirect).
 */
async function routeAuthor(request: NextRequest, headers: Headers, segment: string, page: number) {
  const id = parseAuthorSegment(segment);
  if (id === null) return NextResponse.next({ request: { headers } });
  let name: string | null;
  try {
    name = await getPublicAuthorName(id);
  } catch {
    return NextResponse.next({ request: { headers } });
  }
  if (name === null || segment === authorSegment({ id, name })) return NextResponse.next({ request: { headers } });
  return NextResponse.redirect(new URL(authorPath({ id, name }, page), request.url), 308);
}

function route(request: NextRequest, headers: Headers) {
  const { pathname } = request.nextUrl;
  if (pathname === '/desk' || pathname.startsWith('/desk/')) return routeDesk(request, headers);
  const author = AUTHOR_PATH.exec(pathname);
  if (author) return routeAuthor(request, headers, author[1]!, Number(author[2] ?? 1));
  const article = ARTICLE_PATH.exec(pathname);
  if (article && !isReservedSegment(article[1]!)) return routeArticle(request, headers, article[1]!, article[2]!);
  return NextResponse.next({ request: { headers } });
}

/**
 * A server action whose request is larger than Next.js will read, or does not say how large
 * it is, is refused here with a reason (Next.js itself would answer 500). Browsers always
 * send the length of a form post.
 */
function refuseOversizedAction(request: NextRequest): NextResponse | null {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const length = request.headers.get('content-length');
  if (length === null) return new NextResponse('A form post must say how long it is.\n', { status: 411 });
  if (Number(length) > MAX_ACTION_BODY_BYTES) {
    return new NextResponse(`This form is larger than 1 MB (${length} bytes); nothing was saved.\n`, {
      status: 413,
    });
  }
  return null;
}

/**
 * Every page Next.js renders gets its security headers here (lib/http/security-headers.js):
 * the desk, sign-in and preview a CSP with this request's nonce — Next.js reads it from
 * the request's own Content-Security-Policy header and puts it on its scripts — public
 * pages a CSP without scripts, everything else one that allows nothing.
 */
export async function proxy(request: NextRequest) {
  const { https, embedOrigins } = getConfig();
  const kind = responseKind(request.nextUrl.pathname);
  const headers = new Headers(request.headers);
  let policy: string;
  if (kind === 'app') {
    policy = appContentSecurityPolicy({ nonce: createNonce(), https });
    headers.set('content-security-policy', policy);
  } else {
    policy = kind === 'public' ? publicContentSecurityPolicy({ https, embedOrigins }) : resourceContentSecurityPolicy();
  }
  const response = refuseOversizedAction(request) ?? (await route(request, headers));
  for (const [name, value] of Object.entries(defaultSecurityHeaders({ https }))) response.headers.set(name, value);
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Everything but Next.js's build files, the immutable media files and the API. API
  // routes need nothing from here (the production server gives them their headers), and a
  // body passing through the proxy is buffered and cut at 10 MB without an error: an
  // agency's 12 MB wire file would have been stored truncated.
  matcher: ['/((?!_next/static|_next/image|media/|api/).*)'],
};
