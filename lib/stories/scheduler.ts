import 'server-only';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stories, storyEvents, users } from '@/db/schema';
import { ConflictError } from '@/lib/errors';
import { getLogger } from '@/lib/log.js';
import type { Actor } from '@/lib/permissions';
import { transitionStory } from './transition-story';

const BATCH = 50;

async function schedulingEditor(storyId: number): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, role: users.role })
    .from(storyEvents)
    .innerJoin(users, eq(users.id, storyEvents.actorId))
    .where(and(eq(storyEvents.storyId, storyId), eq(storyEvents.action, 'schedule')))
    .orderBy(desc(storyEvents.id))
    .limit(1);
  return row ?? null;
}

/**
 * Publishes every scheduled story whose time has come, as the editor who scheduled it.
 * Exactly once, even with several servers on one PostgreSQL: each story is claimed with
 * a row lock (another server's claim is skipped, not waited for) and published only if
 * it is still `scheduled` once locked. A story that fell due while no server ran is
 * published at the next start, and its timeline says how late.
 */
export async function publishDueStories(
  now = new Date(),
): Promise<{ published: number[]; failed: { id: number; reason: string }[] }> {
  const db = await getDb();
  const due = await db
    .select({ id: stories.id })
    .from(stories)
    .where(and(eq(stories.state, 'scheduled'), lte(stories.scheduledAt, now)))
    .orderBy(asc(stories.scheduledAt))
    .limit(BATCH);
  const published: number[] = [];
  const failed: { id: number; reason: string }[] = [];
  for (const { id } of due) {
    const actor = await schedulingEditor(id);
    if (!actor) {
      failed.push({ id, reason: 'no one is recorded as having scheduled it: schedule it again' });
      continue;
    }
    try {
      await transitionStory(actor, id, { action: 'publish' }, now, { scheduledRun: true });
      published.push(id);
    } catch (error) {
      // Already published elsewhere, being published by another server, or (if its
      // embargo was moved past the schedule) refused: all mean "not this time".
      if (error instanceof ConflictError) continue;
      // Anything else (the scheduling editor lost the right to publish, a story that no
      // longer validates) must not hold up the stories behind it: reported, and retried.
      failed.push({ id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { published, failed };
}

export type Scheduler = { stop: () => Promise<void> };

/** Runs publishDueStories every `intervalMs` in this server (first run at once: catches up after downtime). */
export function startScheduler(
  options: { intervalMs?: number; log?: (line: string) => void; now?: () => Date } = {},
): Scheduler {
  const intervalMs = options.intervalMs ?? 1000;
  const logger = getLogger().child({ component: 'scheduler' });
  const log = options.log ?? ((line: string) => logger.info(line));
  const warn = options.log ?? ((line: string) => logger.warn(line));
  const clock = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // A story that cannot be published is retried every tick: say so once, not every second.
  const reported = new Map<number, string>();

  const tick = () => {
    running = publishDueStories(clock())
      .then(({ published, failed }) => {
        if (published.length > 0) log(`Wiredesk scheduler: published stories ${published.join(', ')}`);
        for (const { id, reason } of failed) {
          if (reported.get(id) === reason) continue;
          reported.set(id, reason);
          warn(`Wiredesk scheduler: story ${id} is due but could not be published: ${reason}`);
        }
      })
      .catch((error: unknown) => warn(`Wiredesk scheduler: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        }
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
