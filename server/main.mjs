#!/usr/bin/env node
// The production server, in two threads of one process. This one, the front, owns the
// port: it answers public pages from memory (server/public-page-cache.mjs) and passes
// everything else — the desk, sign-in, server actions, uploads, the API, live-editing
// WebSockets — to the Next.js thread (server/next-thread.mjs) on a private loopback port.
// Next.js keeps its request state in AsyncLocalStorage, which makes Node 20 run async
// hooks on every socket write; the pages readers ask for most are answered in a thread
// without it. One JSON log line per request, a graceful stop on SIGTERM/SIGINT. `npm
// start`, the browser tests and the benchmarks all run this file.
// docs/decisions/014-front-thread.md, 010-production-server-and-scale-out.md
//
//   node server/main.mjs            (PORT, WIREDESK_HOSTNAME, WIREDESK_SHUTDOWN_TIMEOUT_MS,
//                                    WIREDESK_LOG_LEVEL, WIREDESK_PAGE_CACHE_MB;
//                                    everything else: lib/config.ts)
import http from 'node:http';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { createLogger, installLogger } from '../lib/log.js';
import { parseServerConfig } from './config.mjs';
import { createForwarder } from './forward.mjs';
import { createFrontRequestHandler } from './front.mjs';
import { createInvalidationReceiver } from './invalidation-bridge.mjs';
import { createPublicPageCache } from './public-page-cache.mjs';
import { createGracefulShutdown, createInFlightTracker } from './shutdown.mjs';

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

// Invalidations recorded in the Next.js thread, applied here before each answer.
const invalidations = createInvalidationReceiver();

const nextThread = new Worker(new URL('./next-thread.mjs', import.meta.url), {
  env: SHARE_ENV,
  workerData: { config, invalidations: invalidations.sender },
  transferList: [invalidations.sender.port],
});
let stopping = false;
nextThread.on('error', (error) => {
  logger.fatal({ err: error }, 'the Next.js thread failed');
  logger.flush();
  process.exit(1);
});
nextThread.on('exit', (code) => {
  if (stopping) return;
  // It logged why (a configuration error, a database it cannot reach).
  logger.flush();
  process.exit(code === 0 ? 1 : code);
});

/**
 * The next message of `type` from the Next.js thread.
 * @param {string} type
 * @returns {Promise<any>}
 */
function nextMessage(type) {
  return new Promise((resolve) => {
    const listener = (/** @type {{ type: string }} */ message) => {
      if (message.type !== type) return;
      nextThread.off('message', listener);
      resolve(message);
    };
    nextThread.on('message', listener);
  });
}

// Ready when the Next.js thread has started Next.js, migrated and seeded the database and
// answered its own /readyz; only then does the real port open.
const { port: nextPort } = await nextMessage('listening');
const { forward, forwardUpgrade, close: closeForwarder } = createForwarder({ port: nextPort });
const pageCache = createPublicPageCache({
  render: forward,
  maxBytes: config.pageCacheMb * 1024 * 1024,
  catchUp: invalidations.catchUp,
});

const tracker = createInFlightTracker();
const server = http.createServer();
let nextThreadCode = 0;
const { draining, shutdown } = createGracefulShutdown({
  server,
  tracker,
  timeoutMs: config.shutdownTimeoutMs,
  logger,
  // Draining first: /readyz answers 503 and live-editing sockets are closed (their pages
  // reconnect to another instance), while the requests in flight here finish.
  closeUpgraded: async () => {
    const drained = nextMessage('drained');
    nextThread.postMessage({ type: 'drain' });
    await drained;
  },
  // Then the Next.js thread's own graceful stop: its requests, the scheduler, the inbox
  // watcher, the database.
  stopApp: async () => {
    stopping = true;
    const stopped = nextMessage('stopped');
    nextThread.postMessage({ type: 'shutdown' });
    nextThreadCode = (await stopped).code;
    closeForwarder();
    invalidations.close();
  },
});

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
      process.exit(code || nextThreadCode);
    });
  });
}

server.on('request', createFrontRequestHandler({ pageCache, forward, logger, draining, onStart: tracker.track }));
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
server.on('upgrade', forwardUpgrade);
server.on('error', (error) => {
  logger.fatal({ err: error }, 'the server cannot listen');
  logger.flush();
  process.exit(1);
});
// Longer than nginx's upstream keep-alive (60 s): the proxy must be the one to close.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.port, config.hostname, () => {
  logger.info({ port: config.port, hostname: config.hostname ?? '(all interfaces)' }, 'listening');
});
