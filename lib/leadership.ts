import 'server-only';
import postgres from 'postgres';
import { getLogger } from './log.js';

/** The advisory lock the scheduler leader holds: the same on every instance, and not one of db/client.ts or db/seed.ts. */
export const SCHEDULER_LEADER_KEY = 7_281_203_313;

export type Leadership = {
  /** Whether this instance holds the lock right now. */
  isLeader: () => boolean;
  /** Stops trying; a leader lets go (its connection closes) after `onFollow` has finished. */
  stop: () => Promise<void>;
};

export type LeadershipOptions = {
  key: number;
  /** How often a follower tries to take the lock, and a leader checks it still has it (ms). */
  checkMs?: number;
  /**
   * A leader's session is ended by PostgreSQL (so its lock passes on) after this long
   * without a check — a frozen or cut-off process does not keep the lock (PostgreSQL 14+).
   */
  stallTimeoutMs?: number;
  onLead: () => void | Promise<void>;
  onFollow: () => void | Promise<void>;
};

/**
 * Leader election among instances sharing one PostgreSQL: the instance holding a
 * session-level advisory lock, on a connection of its own, leads. A leader checks every
 * `checkMs` that it is still the same database session (a reconnect means the lock is
 * gone) and steps down if not; followers try to take the lock as often. A leader that
 * dies releases the lock with its connection, so another takes over within `checkMs`.
 */
export function startLeadership(databaseUrl: string, options: LeadershipOptions): Leadership {
  const checkMs = options.checkMs ?? 2000;
  const stallTimeoutMs = options.stallTimeoutMs ?? 15_000;
  const log = getLogger().child({ component: 'leadership', key: options.key });
  // max_lifetime: null — postgres.js would otherwise recycle the connection after 30–60
  // minutes, silently dropping the lock.
  const client = postgres(databaseUrl, { max: 1, max_lifetime: null, idle_timeout: 0, onnotice: () => {} });
  let leaderPid: number | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let transition: Promise<void> = Promise.resolve();

  const follow = async (reason: string) => {
    if (leaderPid === null) return;
    leaderPid = null;
    log.warn({ reason }, 'lost leadership');
    await options.onFollow();
  };

  const check = async () => {
    try {
      if (leaderPid === null) {
        const [row] = await client<{ got: boolean; pid: number }[]>`
          select pg_try_advisory_lock(${options.key}) as got, pg_backend_pid() as pid`;
        if (row?.got && !stopped) {
          // Only PostgreSQL 14+ knows idle_session_timeout; older servers skip the line.
          await client`
            select set_config('idle_session_timeout', ${`${stallTimeoutMs}ms`}, false)
            where current_setting('server_version_num')::int >= 140000`;
          leaderPid = row.pid;
          log.info({ backendPid: row.pid }, 'took leadership');
          await options.onLead();
        }
      } else {
        const [row] = await client<{ pid: number; held: boolean }[]>`
          select pg_backend_pid() as pid, exists(
            select 1 from pg_locks
            where locktype = 'advisory' and pid = pg_backend_pid() and granted
              and ((classid::bigint << 32) | objid::bigint) = ${options.key}
          ) as held`;
        if (!row || row.pid !== leaderPid || !row.held) await follow('the database session holding the lock ended');
      }
    } catch (error) {
      await follow(`the leadership connection failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = (transition = check()).finally(schedule);
    }, checkMs);
    timer.unref();
  };
  running = (transition = check()).finally(schedule);

  return {
    isLeader: () => leaderPid !== null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await transition;
      if (leaderPid !== null) {
        leaderPid = null;
        await options.onFollow();
      }
      // Closing the session releases the lock at once; the next leader need not wait.
      await client.end({ timeout: 2 });
    },
  };
}
