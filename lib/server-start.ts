import 'server-only';
import { configuredTarget, getDb } from '@/db/client';
import { DataDirectoryInUseError } from '@/db/lock';
import { listActiveDemoAccounts, seedDatabase, seedDemoWire } from '@/db/seed';
import { getAuthSecret } from './auth/secret';
import { pruneSignInAttempts } from './auth/sign-in';
import { ConfigError, getConfig } from './config';
import { listenForInvalidations } from './public-cache/listen-for-invalidations';
import { startScheduler } from './stories/scheduler';
import { startInboxWatcher } from './wire/inbox';

/**
 * Runs once when the server process starts, before it answers any request:
 * validates configuration, opens and migrates the database, seeds an empty one,
 * and tells the operator how to sign in.
 */
export async function startWiredesk(): Promise<void> {
  const started = performance.now();
  try {
    const config = getConfig();
    getAuthSecret();
    const db = await getDb();
    const seed = await seedDatabase(db, { demo: config.demo, demoPassword: config.demoPassword });
    const demoWire = seed.status === 'seeded' && config.demo ? await seedDemoWire() : 0;
    await pruneSignInAttempts();
    if (config.wireInbox) startInboxWatcher(config.wireInbox);
    startScheduler();

    const target = configuredTarget();
    // Other instances' publishes reach this one's page cache (docs/decisions/005-public-site.md).
    if (target.kind === 'postgres') await listenForInvalidations(target.url);
    const where = target.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${target.dataDir}`;
    const lines = [`Wiredesk: ${where}, ready in ${Math.round(performance.now() - started)} ms.`];
    if (seed.status === 'seeded') {
      lines.push(
        `Wiredesk: new database, created ${seed.sections} sections${demoWire ? ` and ${demoWire} demo wire items` : ''}.`,
      );
    }
    if (config.wireInbox) lines.push(`Wiredesk: watching ${config.wireInbox} for wire files.`);
    if (config.demo) {
      const demo = await listActiveDemoAccounts(db);
      if (demo.length > 0) {
        lines.push(
          `Wiredesk: sign in at ${config.baseUrl}/login with a demo account (password: ${config.demoPassword}):`,
        );
        for (const account of demo) lines.push(`  ${account.email.padEnd(26)} ${account.role}`);
      }
    } else if (seed.status === 'seeded') {
      lines.push(
        'Wiredesk: no demo accounts (WIREDESK_DEMO=0). Stop the server and create the first admin with:',
        '  npm run user -- create --role admin --email you@example.com --name "Your Name"',
      );
    }
    if (!config.authSecret && config.databaseUrl) {
      lines.push('Wiredesk: AUTH_SECRET is not set; set it in production so every instance shares one session key.');
    }
    console.log(lines.join('\n'));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
      console.error(`\nWiredesk cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
