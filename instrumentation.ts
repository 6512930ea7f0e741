export async function register() {
  // Only the Node.js server process owns the database; other runtimes never open it.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startWiredesk } = await import('./lib/server-start');
    await startWiredesk();
  }
}
