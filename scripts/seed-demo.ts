// `npm run seed:demo [-- --force]`: adds the demo newsroom to an existing database (a new
// one gets it at first start). Writes go straight to the database, so with the embedded
// database it runs while the server is stopped (the data directory lock says so if not).
// Running it again adds nothing: demo stories are recognized by their slugs.
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { seedDemoNewsroom } from '@/db/demo/seed-demo-newsroom';
import { DataDirectoryInUseError } from '@/db/lock';
import { seedDatabase } from '@/db/seed';
import { ConfigError, getConfig } from '@/lib/config';

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { force: { type: 'boolean' } } });
  const config = getConfig();
  if (!config.demo && !values.force) {
    throw new UsageError(
      'Wiredesk: WIREDESK_DEMO=0 (production mode), so no demo content was added; run `npm run seed:demo -- --force` to add it anyway.',
    );
  }
  const db = await getDb();
  // A database nobody has started yet gets what a first start gives it.
  await seedDatabase(db, { demo: config.demo, demoPassword: config.demoPassword });
  const result = await seedDemoNewsroom({ password: config.demo ? config.demoPassword : null });
  if (result.stories === 0) {
    console.log(`Wiredesk: the demo newsroom is already there (${result.existing} stories); nothing added.`);
  } else {
    console.log(
      `Wiredesk: added the demo newsroom: ${result.stories} stories${result.existing ? ` (${result.existing} were already there)` : ''}, ${result.wireItems} wire items, in ${result.ms} ms.`,
    );
  }
  if (result.accountsCreated > 0 && !config.demo) {
    console.log(
      `Wiredesk: ${result.accountsCreated} demo accounts were created without a usable password; set one with \`npm run user -- set-password --email …\` if you need to sign in as them.`,
    );
  }
}

try {
  await run(process.argv.slice(2));
  await closeDb();
} catch (error) {
  const known =
    error instanceof UsageError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof ConfigError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(known ? (error as Error).message : error);
  process.exitCode = 1;
  await closeDb().catch(() => undefined);
}
