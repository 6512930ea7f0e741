import { runShutdownHooks } from '../lib/shutdown-hooks.js';

/**
 * Counts the responses not yet finished, so a shutdown can wait for them.
 * @returns {{ track: (res: import('node:http').ServerResponse) => void, count: () => number, idle: () => Promise<void> }}
 */
export function createInFlightTracker() {
  let inFlight = 0;
  /** @type {(() => void)[]} */
  let waiters = [];
  return {
    track(res) {
      inFlight++;
      res.once('close', () => {
        inFlight--;
        if (inFlight === 0) {
          for (const resolve of waiters.splice(0)) resolve();
        }
      });
    },
    count: () => inFlight,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}

/**
 * A graceful stop, in the order that loses nothing: stop accepting connections (and
 * answer /readyz 503 meanwhile), let the requests in flight finish — a save either
 * commits and is answered, or, if it is cut off at the deadline, its transaction rolls
 * back and it was never acknowledged — then stop the scheduler, the inbox watcher and the
 * database connections (lib/shutdown-hooks.js), then Next.js. Upgraded connections
 * (live-editing WebSockets) are closed first, by `closeUpgraded`: the server's close()
 * waits for them too, and their pages reconnect to another instance (or this one, back).
 * @param {{
 *   server: import('node:http').Server,
 *   tracker: ReturnType<typeof createInFlightTracker>,
 *   timeoutMs: number,
 *   logger: import('pino').Logger,
 *   stopApp: () => Promise<unknown>,
 *   closeUpgraded?: () => Promise<void>,
 * }} options
 * @returns {{ draining: () => boolean, shutdown: (signal: string) => Promise<number> }}
 */
export function createGracefulShutdown({ server, tracker, timeoutMs, logger, stopApp, closeUpgraded }) {
  let draining = false;
  /** @type {Promise<number> | undefined} */
  let done;

  async function shutdown(signal) {
    draining = true;
    const started = performance.now();
    logger.info({ signal, inFlight: tracker.count(), timeoutMs }, 'shutting down');
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    if (closeUpgraded) {
      /** @type {NodeJS.Timeout | undefined} */
      let giveUp;
      await Promise.race([
        closeUpgraded().catch((/** @type {unknown} */ error) => logger.error({ err: error }, 'closing sockets failed')),
        new Promise((resolve) => {
          giveUp = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(giveUp);
    }
    // Idle keep-alive connections would hold close() open; busy ones close after their answer.
    server.closeIdleConnections();
    const idleTimer = setInterval(() => server.closeIdleConnections(), 100);
    /** @type {NodeJS.Timeout | undefined} */
    let deadline;
    const timedOut = await Promise.race([
      tracker.idle().then(() => false),
      new Promise((resolve) => {
        deadline = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(deadline);
    let exitCode = 0;
    if (timedOut) {
      logger.warn({ inFlight: tracker.count() }, 'requests still in flight at the shutdown deadline; cutting them off');
      server.closeAllConnections();
      exitCode = 1;
    }
    // The last answers leave their keep-alive connections idle: close those too.
    server.closeIdleConnections();
    await closed;
    clearInterval(idleTimer);
    const stopped = await runShutdownHooks({
      onError: (name, error) => {
        exitCode = 1;
        logger.error({ err: error, hook: name }, 'shutdown step failed');
      },
    });
    await stopApp().catch((/** @type {unknown} */ error) => logger.error({ err: error }, 'stopping Next.js failed'));
    logger.info({ stopped, ms: Math.round(performance.now() - started) }, 'stopped');
    return exitCode;
  }

  return {
    draining: () => draining,
    shutdown(signal) {
      done ??= shutdown(signal);
      return done;
    },
  };
}
