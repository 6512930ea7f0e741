export async function register() {
  // Only the Node.js server process owns the database; other runtimes never open it.
  // `next build` calls register() too while it prerenders (/_not-found): the build has
  // no database, and must not create or open one.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startWiredesk } = await import('./lib/server-start');
    await startWiredesk();
  }
}
