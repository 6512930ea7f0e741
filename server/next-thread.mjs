// The production server's Next.js thread: Next.js through its programmatic API, behind a
// short pipeline of our own (security defaults, request id, health, shutdown readiness),
// one JSON log line per request, and the live-editing WebSockets — listening on a private
// loopback port that only the front thread (server/main.mjs) sends to. It runs in a
// worker thread, not a process of its own, so that nothing can outlive the server: a
// `kill -9` ends both threads at once, and the embedded database is never left open by an
// orphan. docs/decisions/014-front-thread.md, 010-production-server-and-scale-out.md
import http from 'node:http';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import next from 'next';
import { closeUpgradedConnections, markCollabServed } from '../lib/collab/collab-registry.js';
import { createLogger, installLogger } from '../lib/log.js';
import { drainingReadinessHandler, healthHandler } from './health.mjs';
import { sendInvalidations } from './invalidation-bridge.mjs';
import { malformedAddressHandler } from './malformed-address.mjs';
import { createRequestPipeline } from './pipeline.mjs';
import { securityDefaultsHandler } from './security-defaults.mjs';
import { createGracefulShutdown, createInFlightTracker } from './shutdown.mjs';
import { createUpgradeRouter } from './upgrade.mjs';

/**
 * What the front thread gives this one.
 * @typedef {{
 *   config: import('./config.mjs').ServerConfig,
 *   invalidations: import('./invalidation-bridge.mjs').InvalidationSender,
 * }} NextThreadData
 */

if (!parentPort) throw new Error('server/next-thread.mjs runs as a worker thread of server/main.mjs');
const front = parentPort;
const { config, invalidations } = /** @type {NextThreadData} */ (workerData);
const ROOT = path.resolve(import.meta.dirname, '..');

const logger = createLogger({ level: config.logLevel });
installLogger(logger);

// Every public-cache invalidation lib/ records here goes to the front, which keeps the pages.
sendInvalidations(invalidations);

const app = next({
  dev: false,
  dir: ROOT,
  hostname: config.hostname ?? 'localhost',
  port: config.port,
  // Next.js hooks a WebSocket handler of its own (development reloads, rewrites to other
  // servers) onto the server of its first request, or this one: it ends every upgrade it
  // does not want — /collab included, before lib/collab has authenticated it. Ours
  // (server/upgrade.mjs) routes upgrades, so Next.js's gets a server that never listens.
  httpServer: http.createServer(),
});
const tracker = createInFlightTracker();
const server = http.createServer();
const graceful = createGracefulShutdown({
  server,
  tracker,
  timeoutMs: config.shutdownTimeoutMs,
  logger,
  stopApp: () => app.close(),
  closeUpgraded: closeUpgradedConnections,
});
let drainRequested = false;
const draining = () => drainRequested || graceful.draining();
// This server takes WebSocket upgrades (live editing): pages may offer it.
markCollabServed();

front.on('message', (/** @type {{ type: string }} */ message) => {
  if (message.type === 'drain') {
    // The front has stopped taking connections: /readyz says 503, new live-editing
    // sockets are refused, and open ones are closed so their pages reconnect elsewhere.
    drainRequested = true;
    void closeUpgradedConnections()
      .catch((/** @type {unknown} */ error) => logger.error({ err: error }, 'closing sockets failed'))
      .then(() => front.postMessage({ type: 'drained' }));
  } else if (message.type === 'shutdown') {
    void graceful.shutdown('SIGTERM').then((code) => {
      logger.flush();
      front.postMessage({ type: 'stopped', code });
    });
  }
});

try {
  await app.prepare();
} catch (error) {
  logger.fatal({ err: error }, 'Next.js could not start');
  process.exit(1);
}
const handleWithNext = app.getRequestHandler();
/**
 * The request path before Next.js, in order. Each handler may answer (and stop the
 * path) or pass; see server/pipeline.mjs for the contract.
 * @type {import('./pipeline.mjs').Handler[]}
 */
const HANDLERS = [securityDefaultsHandler, malformedAddressHandler, healthHandler, drainingReadinessHandler];
const pipeline = createRequestPipeline({
  handlers: HANDLERS,
  fallback: (req, res) => handleWithNext(req, res),
  logger,
  draining,
  onStart: tracker.track,
});

// In production Next.js starts its server (and runs instrumentation.ts register(): the
// database, migrations, seed, scheduler) on the first request. One request to /readyz
// makes that happen before the front opens the real port, so the scheduler runs without
// waiting for a visitor, and an instance that cannot reach its database stops here with
// the reason instead of answering 500s.
server.on('request', pipeline);
// WebSockets (live editing, /collab), joined through by the front.
server.on('upgrade', createUpgradeRouter({ logger, draining }));
// Longer than the front's idle connections to it live (30 s): the front closes them.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => resolve(undefined));
});
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const readiness = await askReadiness(port);
if (readiness.status !== 200) {
  logger.fatal({ status: readiness.status, body: readiness.body.slice(0, 500) }, 'not ready at start');
  logger.flush();
  process.exit(1);
}
// The private port, for benchmarks that compare the two threads (bench/front-hop.mjs).
logger.info({ port }, 'Next.js thread listening on a private loopback port');
front.postMessage({ type: 'listening', port });

/**
 * @param {number} port
 * @returns {Promise<{ status: number, body: string }>}
 */
async function askReadiness(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, {
      headers: { 'x-request-id': 'startup-readiness' },
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}
