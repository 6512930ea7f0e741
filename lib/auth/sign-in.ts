import 'server-only';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import { isRefusedDemoPassword, normalizeEmail, type StaffUser } from '@/lib/users';
import { getDummyPasswordHash, verifyPassword } from './password';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
// Attempts older than this are of no use to the rate limit; a day is kept for inspection.
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type SignInResult =
  | { status: 'ok'; user: StaffUser }
  | { status: 'invalid' }
  | { status: 'rate_limited'; retryAt: Date }
  /** The right password, but it is the public demo one and the server is in production mode. */
  | { status: 'demo_password' };

type Credentials = { email: unknown; password: unknown; ip?: string | null };

/**
 * Checks an email and password. After MAX_FAILED_ATTEMPTS failures for one email
 * within LOCKOUT_WINDOW_MS (since its last success), further attempts are refused
 * without looking at the password, so even the right one is turned away. Unknown
 * emails, wrong passwords and deactivated accounts are indistinguishable.
 */
export async function signInWithPassword(credentials: Credentials, now = new Date()): Promise<SignInResult> {
  const { email: rawEmail, password } = credentials;
  if (typeof rawEmail !== 'string' || typeof password !== 'string') return { status: 'invalid' };
  const email = normalizeEmail(rawEmail);
  if (email.length === 0 || email.length > 254 || password.length === 0 || password.length > 200) {
    return { status: 'invalid' };
  }

  const reservation = await reserveAttempt(email, credentials.ip ?? null, now);
  if (reservation.status === 'rate_limited') return reservation;

  const db = await getDb();
  const [account] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const passwordMatches = await verifyPassword(account?.passwordHash ?? (await getDummyPasswordHash()), password);
  if (!account || !account.active || !passwordMatches) return { status: 'invalid' };
  // Anyone who read the README knows it: in production a demo account is no way in.
  if (isRefusedDemoPassword(password)) return { status: 'demo_password' };

  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, reservation.attemptId));
  return { status: 'ok', user: { id: account.id, name: account.name, email: account.email, role: account.role } };
}

/**
 * Counts recent failures and records this attempt as a failure in one serialized
 * step per email (turned into a success if the password matches). Recording before
 * checking the password is what stops a burst of parallel guesses from all slipping
 * in before the first failure is written.
 */
async function reserveAttempt(
  email: string,
  ip: string | null,
  now: Date,
): Promise<{ status: 'reserved'; attemptId: number } | { status: 'rate_limited'; retryAt: Date }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
    const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
    const [lastSuccess] = await tx
      .select({ at: signInAttempts.createdAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, email),
          eq(signInAttempts.succeeded, true),
          gt(signInAttempts.createdAt, windowStart),
        ),
      )
      .orderBy(desc(signInAttempts.createdAt))
      .limit(1);
    const since = lastSuccess?.at ?? windowStart;
    const failures = await tx
      .select({ at: signInAttempts.createdAt })
      .from(signInAttempts)
      .where(
        and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)),
      )
      .orderBy(desc(signInAttempts.createdAt))
      .limit(MAX_FAILED_ATTEMPTS);
    if (failures.length >= MAX_FAILED_ATTEMPTS) {
      // The lock lifts when the oldest of the last five failures leaves the window.
      const oldest = failures[failures.length - 1]!.at;
      return { status: 'rate_limited', retryAt: new Date(oldest.getTime() + LOCKOUT_WINDOW_MS) };
    }
    await tx
      .delete(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, email),
          lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)),
        ),
      );
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ email, ip, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return { status: 'reserved', attemptId: attempt!.id };
  });
}

/** Sign-in attempts for one email, oldest first (for the admin screen and tests). */
export async function listSignInAttempts(email: string): Promise<{ succeeded: boolean; at: Date }[]> {
  const db = await getDb();
  return db
    .select({ succeeded: signInAttempts.succeeded, at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(eq(signInAttempts.email, normalizeEmail(email)))
    .orderBy(asc(signInAttempts.createdAt), asc(signInAttempts.id));
}

/** Drops attempts older than the retention period for every email (run at start-up). */
export async function pruneSignInAttempts(now = new Date()): Promise<void> {
  const db = await getDb();
  await db.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)));
}
