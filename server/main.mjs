#!/usr/bin/env node
// The production server: Next.js through its programmatic API, behind a short pipeline
// of our own (request id, health, shutdown readiness), with one JSON log line per
// request and a graceful stop on SIGTERM/SIGINT. `npm start`, the browser tests and the
// benchmarks all run this file. docs/decisions/010-production-server-and-scale-out.md
//
//   node server/main.mjs            (PORT, WIREDESK_HOSTNAME, WIREDESK_SHUTDOWN_TIMEOUT_MS,
//                                    WIREDESK_LOG_LEVEL; everything else: lib/config.ts)
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { closeUpgradedConnections, markCollabServed } from '../lib/collab/collab-registry.js';
import { createLogger, installLogger } from '../lib/log.js';
import { parseServerConfig } from './config.mjs';
import { drainingReadinessHandler, healthHandler } from './health.mjs';
import { malformedAddressHandler } from './malformed-address.mjs';
import { createRequestPipeline } from './pipeline.mjs';
import { createPublicPageCache } from './public-page-cache.mjs';
import { securityDefaultsHandler } from './security-defaults.mjs';
import { createGracefulShutdown, createInFlightTracker } from './shutdown.mjs';
import { createUpgradeRouter } from './upgrade.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

let config;
try {
  config = parseServerConfig(process.env);
} catch (error) {
  console.error(`\nWiredesk cannot start. ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const logger = createLogger({ level: config.logLevel });
installLogger(logger);
process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const app = next({ dev: false, dir: ROOT, hostname: config.hostname ?? 'localhost', port: config.port });
const tracker = createInFlightTracker();
const server = http.createServer();
const { draining, shutdown } = createGracefulShutdown({
  server,
  tracker,
  timeoutMs: config.shutdownTimeoutMs,
  logger,
  stopApp: () => app.close(),
  closeUpgraded: closeUpgradedConnections,
});
// This server passes WebSocket upgrades on (live editing): pages may offer it.
markCollabServed();

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (signalled) {
      // A second signal means "now": whatever is in flight is cut off (and rolled back).
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    signalled = true;
    void shutdown(signal).then((code) => {
      logger.flush();
      process.exit(code);
    });
  });
}

try {
  await app.prepare();
} catch (error) {
  logger.fatal({ err: error }, 'Next.js could not start');
  process.exit(1);
}
const handleWithNext = app.getRequestHandler();
const pageCache = createPublicPageCache({
  render: (req, res) => handleWithNext(req, res),
  maxBytes: config.pageCacheMb * 1024 * 1024,
});
/**
 * The request path before Next.js, in order. Each handler may answer (and stop the
 * path) or pass; see server/pipeline.mjs for the contract. The public page cache comes
 * after the health and readiness handlers, so they are never cached.
 * @type {import('./pipeline.mjs').Handler[]}
 */
const HANDLERS = [
  securityDefaultsHandler,
  malformedAddressHandler,
  healthHandler,
  drainingReadinessHandler,
  pageCache.handler,
];
const pipeline = createRequestPipeline({
  handlers: HANDLERS,
  fallback: (req, res) => handleWithNext(req, res),
  logger,
  draining,
  onStart: tracker.track,
  answerAtOnce: pageCache.answerFromMemory,
});

// In production Next.js starts its server (and runs instrumentation.ts register(): the
// database, migrations, seed, scheduler) on the first request. One request to /readyz on
// a private loopback port makes that happen before the real port opens, so the scheduler
// runs without waiting for a visitor, and an instance that cannot reach its database
// stops here with the reason instead of answering 500s.
const warmUp = await warmUpThrough(pipeline);
if (warmUp.status !== 200) {
  logger.fatal({ status: warmUp.status, body: warmUp.body.slice(0, 500) }, 'not ready at start');
  process.exit(1);
}

server.on('request', pipeline);
// Requests Node.js cannot even parse (headers too large, a broken request line) get a
// reason in plain words instead of an empty answer.
server.on('clientError', (error, socket) => {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (!socket.writable || code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason] =
    code === 'HPE_HEADER_OVERFLOW'
      ? ['431 Request Header Fields Too Large', 'The address or headers are too long.']
      : ['400 Bad Request', 'The request could not be read.'];
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n\r\n${reason}\n`);
});
// WebSockets (live editing, /collab) on the same port, so a proxy needs no second route.
server.on('upgrade', createUpgradeRouter({ logger, draining }));
server.on('error', (error) => {
  logger.fatal({ err: error }, 'the server cannot listen');
  process.exit(1);
});
// Longer than nginx's upstream keep-alive (60 s): the proxy must be the one to close.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.port, config.hostname, () => {
  logger.info({ port: config.port, hostname: config.hostname ?? '(all interfaces)' }, 'listening');
});

/**
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => void} handler
 * @returns {Promise<{ status: number, body: string }>}
 */
async function warmUpThrough(handler) {
  const privateServer = http.createServer(handler);
  await new Promise((resolve) => privateServer.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (privateServer.address());
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, {
      headers: { 'x-request-id': 'startup-readiness' },
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: String(error) };
  } finally {
    privateServer.closeAllConnections();
    privateServer.close();
  }
}
