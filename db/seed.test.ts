import { asc, eq, sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { getDb } from './client';
import { sections, users, wireItems } from './schema';
import {
  DEFAULT_SECTIONS,
  DEMO_USERS,
  DEMO_WIRE_FILES,
  listActiveDemoAccounts,
  seedDatabase,
  seedDemoWire,
} from './seed';

async function snapshot() {
  const db = await getDb();
  return {
    sections: await db.select().from(sections).orderBy(asc(sections.id)),
    users: await db.select().from(users).orderBy(asc(users.id)),
  };
}

async function emptyDatabase() {
  const db = await getDb();
  await db.execute(sql`truncate ${sections}, ${users} restart identity cascade`);
}

// One database per file: these tests run in order and build on each other's state.
test('WIREDESK_DEMO=0 on an empty database creates the six sections and no accounts', async () => {
  const db = await getDb();
  const result = await seedDatabase(db, { demo: false, demoPassword: 'unused-password' });
  expect(result).toEqual({ status: 'seeded', sections: 6, demoUsers: 0 });
  const { sections: rows, users: accounts } = await snapshot();
  expect(rows.map((row) => row.name)).toEqual(['World', 'Politics', 'Business', 'Technology', 'Sport', 'Culture']);
  expect(rows.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(accounts).toEqual([]);
});

test('a database that already has sections is not touched, even with demo on', async () => {
  const before = await snapshot();
  const db = await getDb();
  expect(await seedDatabase(db, { demo: true, demoPassword: 'wiredesk-demo' })).toEqual({ status: 'skipped' });
  expect(await snapshot()).toEqual(before);
});

test('an empty database gets sections and the three demo accounts, who can sign in', async () => {
  await emptyDatabase();
  const db = await getDb();
  const result = await seedDatabase(db, { demo: true, demoPassword: 'demo-password-1' });
  expect(result).toEqual({ status: 'seeded', sections: DEFAULT_SECTIONS.length, demoUsers: 3 });

  const { users: accounts } = await snapshot();
  expect(accounts.map(({ email, role, active }) => ({ email, role, active }))).toEqual(
    DEMO_USERS.map(({ email, role }) => ({ email, role, active: true })),
  );
  expect(accounts.every((account) => account.passwordHash.startsWith('$argon2id$'))).toBe(true);
  for (const { email } of DEMO_USERS) {
    expect((await signInWithPassword({ email, password: 'demo-password-1' })).status).toBe('ok');
  }
  expect(await listActiveDemoAccounts(db)).toEqual(DEMO_USERS.map(({ email, role }) => ({ email, role })));
});

test('seeding again is a no-op: idempotent', async () => {
  const before = await snapshot();
  const db = await getDb();
  const results = await Promise.all([
    seedDatabase(db, { demo: true, demoPassword: 'demo-password-1' }),
    seedDatabase(db, { demo: true, demoPassword: 'other-password' }),
  ]);
  expect(results).toEqual([{ status: 'skipped' }, { status: 'skipped' }]);
  expect(await snapshot()).toEqual(before);
});

test('two instances seeding one empty database at once: exactly one seeds', async () => {
  await emptyDatabase();
  const db = await getDb();
  const results = await Promise.all([
    seedDatabase(db, { demo: true, demoPassword: 'demo-password-1' }),
    seedDatabase(db, { demo: true, demoPassword: 'demo-password-1' }),
  ]);
  expect(results.filter((result) => result.status === 'seeded')).toHaveLength(1);
  const { sections: rows, users: accounts } = await snapshot();
  expect(rows).toHaveLength(6);
  expect(accounts).toHaveLength(3);
});

test('the demo wire files are ingested once: the queue is not empty, and seeding again adds nothing', async () => {
  const db = await getDb();
  const first = await seedDemoWire();
  expect(first).toBeGreaterThanOrEqual(DEMO_WIRE_FILES.length);
  const count = await db.$count(wireItems);
  expect(count).toBe(first);
  const formats = new Set((await db.select({ format: wireItems.format }).from(wireItems)).map((r) => r.format));
  expect(formats.size).toBeGreaterThanOrEqual(6);
  expect(await db.$count(wireItems, eq(wireItems.status, 'rejected'))).toBe(0);
  await seedDemoWire();
  expect(await db.$count(wireItems)).toBe(count);
});
