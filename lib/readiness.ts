import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getMigrationStatus } from './migrations';

/** What /readyz answers: nothing secret, enough for an operator to act on. */
export type Readiness =
  | { status: 'ready'; database: 'ok'; migrations: string; scheduler: 'leader' | 'follower' | 'stopped' }
  | { status: 'unavailable'; reason: string };

const DATABASE_TIMEOUT_MS = 2000;

const SCHEDULER_ROLE = Symbol.for('wiredesk.scheduler-role');

/** Records whether this instance runs the scheduler (shown by /readyz). */
export function setSchedulerRole(role: 'leader' | 'follower' | 'stopped'): void {
  (globalThis as Record<symbol, unknown>)[SCHEDULER_ROLE] = role;
}

function schedulerRole(): 'leader' | 'follower' | 'stopped' {
  const role = (globalThis as Record<symbol, unknown>)[SCHEDULER_ROLE];
  return role === 'leader' || role === 'follower' ? role : 'stopped';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance can serve: the database answers `select 1` (within 2 s) and has
 * exactly the migrations this code ships with. Reasons name the problem, never a secret.
 */
export async function checkReadiness(): Promise<Readiness> {
  let migrations;
  try {
    const db = await withTimeout(getDb(), DATABASE_TIMEOUT_MS, 'the database');
    await withTimeout(db.execute(sql`select 1`), DATABASE_TIMEOUT_MS, 'the database');
    migrations = await withTimeout(getMigrationStatus(db), DATABASE_TIMEOUT_MS, 'the database');
  } catch (error) {
    // The driver's message may quote the connection string; only our own timeout text is shown.
    const detail = error instanceof Error && /did not answer/.test(error.message) ? error.message : 'it refused';
    return { status: 'unavailable', reason: `database unreachable (${detail})` };
  }
  if (migrations.status === 'behind') {
    return { status: 'unavailable', reason: `migrations not applied: ${migrations.missing.join(', ')}` };
  }
  if (migrations.status === 'ahead') {
    return {
      status: 'unavailable',
      reason: `the database has ${migrations.unknown} migration(s) this version does not know: a newer Wiredesk ran on it`,
    };
  }
  return {
    status: 'ready',
    database: 'ok',
    migrations: `${migrations.level.count} applied, last ${migrations.level.last}`,
    scheduler: schedulerRole(),
  };
}
