import 'server-only';
import type { IncomingMessage } from 'node:http';
import { and, eq, inArray } from 'drizzle-orm';
import { getToken } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { stories, storyAuthors, users } from '@/db/schema';
import { getAuthSecret } from '@/lib/auth/secret';
import { getConfig } from '@/lib/config';
import { can, type Actor } from '@/lib/permissions';
import { getActiveUser, type StaffUser } from '@/lib/users';
import type { StoryState } from '@/lib/workflow';
import type { CollabAccess } from './collab-protocol';

// Who may open a story's live document, and what they may do with it: decided here, with
// can(), the way every page and route decides — the socket is one more door to the same
// rooms (docs/decisions/013-real-time-co-editing.md).

/** The cookies of a request, by name (the first of duplicates wins, as browsers send the most specific first). */
function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (cookies.has(name)) continue;
    const raw = part.slice(at + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Whether a WebSocket upgrade comes from one of our own pages. Browsers send cookies with
 * a socket opened by any site (there is no CORS for WebSockets), so without this another
 * site could open a signed-in desk user's documents: the same check as every cookie
 * authenticated write (isSameOrigin).
 */
export function isSameOriginUpgrade(request: Pick<IncomingMessage, 'headers'>): boolean {
  const origin = first(request.headers.origin);
  const host = first(request.headers['x-forwarded-host']) ?? first(request.headers.host);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export type UpgradeDecision = { ok: true; user: StaffUser } | { ok: false; status: 401 | 403; message: string };

/**
 * Who is opening a socket: the next-auth session cookie of the upgrade request, decoded
 * with the same secret as every other request, and the account read again from the
 * database (a deactivated account is refused at once, as on every page).
 */
export async function authenticateUpgrade(request: Pick<IncomingMessage, 'headers'>): Promise<UpgradeDecision> {
  if (!isSameOriginUpgrade(request)) return { ok: false, status: 403, message: 'Cross-site connection refused' };
  const token = await getToken({
    // Only the cookie: a socket has no other way to carry a session.
    req: { cookies: parseCookies(first(request.headers.cookie)), headers: {} } as never,
    secret: getAuthSecret(),
    secureCookie: getConfig().https,
    logger: { error: () => {}, warn: () => {}, debug: () => {} } as never,
  });
  const id = token?.uid;
  if (typeof id !== 'number' || !Number.isInteger(id)) return { ok: false, status: 401, message: 'Sign in first' };
  const user = await getActiveUser(id);
  if (!user) return { ok: false, status: 401, message: 'Sign in first' };
  return { ok: true, user };
}

/** What `can()` allows this user with this story's document: edit, read, or nothing (null). */
export function accessFor(user: Actor | null, story: { state: StoryState; authorIds: readonly number[] } | null) {
  if (!user || !story || !can(user, 'view', story)) return null;
  return can(user, 'edit', story) ? ('edit' as const) : ('read' as const);
}

/** What this user may do with the story's live document right now (null: not open it at all). */
export async function decideStoryAccess(user: Actor, storyId: number): Promise<CollabAccess | null> {
  const [decided] = (await recheckStoryAccess([{ userId: user.id, storyId }])).values();
  return decided ?? null;
}

/** The key recheckStoryAccess answers under. */
export const accessKey = (userId: number, storyId: number) => `${userId}:${storyId}`;

/**
 * Decides access again for many (user, story) pairs at once — the collaboration server
 * asks every few seconds for every open connection, so deactivations, role changes and
 * workflow moves reach open sockets without anyone reloading. Two queries for all of them.
 */
export async function recheckStoryAccess(
  pairs: readonly { userId: number; storyId: number }[],
): Promise<Map<string, CollabAccess | null>> {
  const result = new Map<string, CollabAccess | null>();
  if (pairs.length === 0) return result;
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const storyIds = [...new Set(pairs.map((p) => p.storyId))];
  const db = await getDb();
  const [people, rows, authors] = await Promise.all([
    db
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(inArray(users.id, userIds), eq(users.active, true))),
    db.select({ id: stories.id, state: stories.state }).from(stories).where(inArray(stories.id, storyIds)),
    db
      .select({ storyId: storyAuthors.storyId, userId: storyAuthors.userId })
      .from(storyAuthors)
      .where(inArray(storyAuthors.storyId, storyIds)),
  ]);
  const actors = new Map(people.map((p) => [p.id, p as Actor]));
  const storiesById = new Map(
    rows.map((row) => [
      row.id,
      { state: row.state, authorIds: authors.filter((a) => a.storyId === row.id).map((a) => a.userId) },
    ]),
  );
  for (const { userId, storyId } of pairs) {
    result.set(accessKey(userId, storyId), accessFor(actors.get(userId) ?? null, storiesById.get(storyId) ?? null));
  }
  return result;
}
