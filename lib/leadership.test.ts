import postgres from 'postgres';
import { afterEach, expect, test } from 'vitest';
import { startLeadership, type Leadership } from './leadership';

// Leadership is a PostgreSQL matter (the embedded database has one instance, which always
// leads): these run in `npm run test:db`.
const url = process.env.DATABASE_URL;
const onPostgres = test.skipIf(!url);

const started: Leadership[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((leadership) => leadership.stop()));
});

function instance(key: number, name: string, events: string[]): Leadership {
  const leadership = startLeadership(url!, {
    key,
    checkMs: 100,
    onLead: () => void events.push(`${name} leads`),
    onFollow: () => void events.push(`${name} follows`),
  });
  started.push(leadership);
  return leadership;
}

const key = () => 9_000_000_000 + Math.floor(Math.random() * 1_000_000);

onPostgres('of three instances exactly one leads, and another takes over within a check when it stops', async () => {
  const events: string[] = [];
  const k = key();
  const all = [instance(k, 'a', events), instance(k, 'b', events), instance(k, 'c', events)];
  await expect.poll(() => all.filter((l) => l.isLeader()).length).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(all.filter((l) => l.isLeader())).toHaveLength(1);
  const leader = all.find((l) => l.isLeader())!;
  const stoppedAt = Date.now();
  await leader.stop();
  started.splice(started.indexOf(leader), 1);
  await expect.poll(() => all.filter((l) => l !== leader && l.isLeader()).length).toBe(1);
  expect(Date.now() - stoppedAt).toBeLessThan(1000);
  expect(events.filter((e) => e.endsWith('leads'))).toHaveLength(2);
});

onPostgres('a leader whose database session is killed steps down, and the lock passes on', async () => {
  const events: string[] = [];
  const k = key();
  const first = instance(k, 'first', events);
  await expect.poll(() => first.isLeader()).toBe(true);
  const second = instance(k, 'second', events);
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(second.isLeader()).toBe(false);

  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    // What a crashed host or a cut connection looks like from the database.
    await admin`
      select pg_terminate_backend(pid) from pg_locks
      where locktype = 'advisory' and granted and ((classid::bigint << 32) | objid::bigint) = ${k}`;
  } finally {
    await admin.end();
  }
  await expect.poll(() => events.includes('first follows')).toBe(true);
  await expect.poll(() => [first, second].filter((l) => l.isLeader()).length).toBe(1);
});
