import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { ingestWireFiles } from '@/lib/wire/ingest';
import type { Database } from './client';
import { type Role } from '@/lib/roles';
import { sections, users } from './schema';

export const DEFAULT_SECTIONS = [
  { slug: 'world', name: 'World' },
  { slug: 'politics', name: 'Politics' },
  { slug: 'business', name: 'Business' },
  { slug: 'technology', name: 'Technology' },
  { slug: 'sport', name: 'Sport' },
  { slug: 'culture', name: 'Culture' },
] as const;

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: 'reporter@wiredesk.test', name: 'Riya Kapoor', role: 'reporter' },
  { email: 'editor@wiredesk.test', name: 'Elena Marsh', role: 'editor' },
  { email: 'admin@wiredesk.test', name: 'Adam Okafor', role: 'admin' },
];

export type SeedResult = { status: 'skipped' } | { status: 'seeded'; sections: number; demoUsers: number };

// Several instances starting at once on one PostgreSQL: only one seeds.
const SEED_LOCK_KEY = 7_281_203_312;

/**
 * Fills an empty database with the default sections and, unless demo is off, the
 * three demo accounts. Idempotent, and a database with any user or section in it
 * is left exactly as it is.
 */
export async function seedDatabase(
  db: Database,
  options: { demo: boolean; demoPassword: string },
): Promise<SeedResult> {
  const passwordHash = options.demo ? await hashPassword(options.demoPassword) : undefined;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if ((await tx.$count(users)) > 0 || (await tx.$count(sections)) > 0) return { status: 'skipped' };

    await tx.insert(sections).values(DEFAULT_SECTIONS.map((section, position) => ({ ...section, position })));
    if (passwordHash) {
      await tx.insert(users).values(DEMO_USERS.map((user) => ({ ...user, passwordHash })));
    }
    return { status: 'seeded', sections: DEFAULT_SECTIONS.length, demoUsers: passwordHash ? DEMO_USERS.length : 0 };
  });
}

/** The demo accounts that exist and are active, to print at start-up. */
export async function listActiveDemoAccounts(db: Database): Promise<{ email: string; role: Role }[]> {
  const rows = await db
    .select({ email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_USERS.map((user) => user.email),
      ),
    );
  return rows.filter((row) => row.active).map(({ email, role }) => ({ email, role }));
}

/** Wire files the demo starts with (written for the project), so the queue is not empty. */
export const DEMO_WIRE_FILES = [
  'plain-text/web-copy-afp.txt',
  'newsml-g2/item-embargoed-xhtml.xml',
  'newsml-g2/message-three-items.xml',
  'nitf/embargoed-latin1.xml',
  'ninjs/v3-bodies.json',
  'anpa1312/ap-style-writethru.tst',
  'iptc7901/dpa-style-notebook.txt',
  'feeds/extension-body.atom',
  'newsml-1/afp-style-revision.xml',
] as const;

/** Where the demo wire files are: the wire parsers' own fixtures. */
export const DEMO_WIRE_FOLDER = path.join(process.cwd(), 'lib', 'wire', 'fixtures');

/** Ingests the demo wire files (duplicates are recognized, so running it twice adds nothing). */
export async function seedDemoWire(now = new Date()): Promise<number> {
  const files = await Promise.all(
    DEMO_WIRE_FILES.map(async (file, i) => ({
      bytes: await fs.readFile(path.join(DEMO_WIRE_FOLDER, file)),
      filename: path.basename(file),
      // Spread over the last eight hours, so the queue reads like a day's wire (the demo
      // newsroom's story from the first item was made six and a half hours ago).
      receivedAt: new Date(now.getTime() - (DEMO_WIRE_FILES.length - i) * 50 * 60_000),
    })),
  );
  const results = await ingestWireFiles({ kind: 'system', channel: 'seed' }, files);
  return results.reduce((sum, result) => sum + result.items.length, 0);
}
