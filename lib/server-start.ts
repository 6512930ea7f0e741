import 'server-only';
import { closeDb, configuredTarget, getDb } from '@/db/client';
import { DataDirectoryInUseError } from '@/db/lock';
import { seedDemoNewsroom } from '@/db/demo/seed-demo-newsroom';
import { listActiveDemoAccounts, seedDatabase } from '@/db/seed';
import { getAuthSecret } from './auth/secret';
import { COLLAB_PATH } from './collab/collab-protocol';
import { onUpgradedConnectionsClose, registerUpgradeHandler } from './collab/collab-registry.js';
import { startCollabServer } from './collab/collab-server';
import { pruneSignInAttempts } from './auth/sign-in';
import { ConfigError, getConfig } from './config';
import { SCHEDULER_LEADER_KEY, startLeadership } from './leadership';
import { getLogger } from './log.js';
import { listenForInvalidations } from './public-cache/listen-for-invalidations';
import { setSchedulerRole } from './readiness';
import { onShutdown } from './shutdown-hooks.js';
import { startScheduler, type Scheduler } from './stories/scheduler';
import { startInboxWatcher } from './wire/inbox';

/**
 * The scheduler runs on one instance at a time. With PostgreSQL that is the instance
 * holding the leader lock (another takes over within seconds if it dies); the embedded
 * database has one instance, which always leads. Publishing stays exactly-once without
 * the leader too (row claims, docs/decisions/008-publishing-lifecycle.md): the leader only
 * saves the other instances a query a second, and a dying leader's last tick is harmless.
 */
function startLeaderScheduler(target: ReturnType<typeof configuredTarget>): void {
  if (target.kind !== 'postgres') {
    const scheduler = startScheduler();
    setSchedulerRole('leader');
    onShutdown('scheduler', async () => {
      await scheduler.stop();
      setSchedulerRole('stopped');
    });
    return;
  }
  let scheduler: Scheduler | null = null;
  setSchedulerRole('follower');
  const leadership = startLeadership(target.url, {
    key: SCHEDULER_LEADER_KEY,
    onLead: () => {
      scheduler = startScheduler();
      setSchedulerRole('leader');
    },
    onFollow: async () => {
      setSchedulerRole('follower');
      const running = scheduler;
      scheduler = null;
      await running?.stop();
    },
  });
  onShutdown('scheduler leadership', async () => {
    await leadership.stop();
    setSchedulerRole('stopped');
  });
}

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
    onShutdown('database', closeDb);
    const seed = await seedDatabase(db, { demo: config.demo, demoPassword: config.demoPassword });
    // A new database in demo mode opens as a working newsroom (docs/decisions/009-demo-newsroom-and-front-page.md).
    // Demo content is a courtesy: if it cannot be made, the server still starts and says how to retry.
    const demo =
      seed.status === 'seeded' && config.demo
        ? await seedDemoNewsroom({ password: config.demoPassword }).catch((error: unknown) => {
            console.error('Wiredesk: the demo newsroom could not be created; try `npm run seed:demo`.', error);
            return null;
          })
        : null;
    await pruneSignInAttempts();
    const target = configuredTarget();
    // Other instances' publishes reach this one's page cache (docs/decisions/005-public-site.md).
    if (target.kind === 'postgres') {
      const listener = await listenForInvalidations(target.url);
      onShutdown('invalidation listener', listener.stop);
    }
    // Every instance may watch a shared inbox: a file is claimed by renaming it, so each
    // is ingested once (lib/wire/inbox.ts), and the instances share the work.
    if (config.wireInbox) {
      const watcher = startInboxWatcher(config.wireInbox);
      onShutdown('inbox watcher', watcher.stop);
    }
    startLeaderScheduler(target);
    // Live editing (docs/decisions/013-real-time-co-editing.md): the production server hands
    // WebSocket upgrades on COLLAB_PATH to it; on PostgreSQL it hears the other instances.
    const collab = startCollabServer({ databaseUrl: target.kind === 'postgres' ? target.url : null });
    registerUpgradeHandler(COLLAB_PATH, collab.handleUpgrade);
    onUpgradedConnectionsClose(collab.stop);
    onShutdown('collaboration', collab.stop);
    const where = target.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${target.dataDir}`;
    const lines = [`Wiredesk: ${where}, ready in ${Math.round(performance.now() - started)} ms.`];
    if (seed.status === 'seeded') {
      lines.push(
        demo
          ? `Wiredesk: new database, created ${seed.sections} sections and the demo newsroom (${demo.stories} stories, ${demo.wireItems} wire items) in ${demo.ms} ms.`
          : `Wiredesk: new database, created ${seed.sections} sections.`,
      );
    }
    if (config.wireInbox) lines.push(`Wiredesk: watching ${config.wireInbox} for wire files.`);
    if (config.demo) {
      const accounts = await listActiveDemoAccounts(db);
      if (accounts.length > 0) {
        lines.push(
          `Wiredesk: sign in at ${config.baseUrl}/login with a demo account (password: ${config.demoPassword}):`,
        );
        for (const account of accounts) lines.push(`  ${account.email.padEnd(26)} ${account.role}`);
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
    // The human-readable lines people rely on (demo accounts), then the same as one JSON line.
    console.log(lines.join('\n'));
    getLogger().info(
      { database: target.kind, startupMs: Math.round(performance.now() - started), seeded: seed.status === 'seeded' },
      'started',
    );
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
      console.error(`\nWiredesk cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
