import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';

/**
 * Comfort, not security: sends visitors without a session cookie straight to /login,
 * and tells the desk pages which URL was asked for so sign-in can return there.
 * Every desk page, action and route checks the session on the server itself.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const hasSession = request.cookies.getAll().some((cookie) => cookie.name.includes('next-auth.session-token'));
  if (!hasSession) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/desk', '/desk/:path*'] };
