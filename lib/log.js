// The process's one structured logger (pino, JSON lines on stdout) and the request
// context its lines carry. Plain JavaScript on purpose: it is shared by the production
// server (server/*.mjs, loaded by Node.js directly) and by lib/ code (bundled by
// Next.js), which therefore run two copies of this module; both find the one logger and
// the one AsyncLocalStorage on globalThis, so a line logged by lib/ code during a request
// carries that request's id. (Per thread: the server's front thread has a logger of its
// own and never runs the AsyncLocalStorage — server/front.mjs says why.)
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

const LOGGER = Symbol.for('wiredesk.log.logger');
const CONTEXT = Symbol.for('wiredesk.log.request-context');

/** Log levels WIREDESK_LOG_LEVEL accepts (pino's, plus `silent`). */
export const LOG_LEVELS = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** @typedef {{ requestId: string }} RequestContext */

const holder = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));

/** @returns {AsyncLocalStorage<RequestContext>} */
function contextStorage() {
  holder[CONTEXT] ??= new AsyncLocalStorage();
  return /** @type {AsyncLocalStorage<RequestContext>} */ (holder[CONTEXT]);
}

/**
 * A pino logger writing JSON lines: `time` (ISO), `level` as a word, `pid`, `msg`, and
 * `reqId` inside a request. Secrets never reach a line by accident: the usual places
 * they hide are redacted.
 * @param {{ level?: string, destination?: import('pino').DestinationStream }} [options]
 * @returns {import('pino').Logger}
 */
export function createLogger(options = {}) {
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const context = contextStorage().getStore();
        return context ? { reqId: context.requestId } : {};
      },
      redact: {
        paths: ['password', '*.password', 'cookie', '*.cookie', 'authorization', '*.authorization', 'token', '*.token'],
        censor: '[redacted]',
      },
    },
    // Written without blocking and in batches: lines gather until 8 KB or 200 ms, then go
    // out in one write — a page served from memory tens of thousands of times a second
    // would otherwise cost a system call each, more than serving it. pino writes whatever
    // is pending when the process exits; a kill -9 can lose the last 200 ms of lines.
    options.destination ?? pino.destination({ dest: 1, sync: false, minLength: 8192, periodicFlush: 200 }),
  );
}

/**
 * Logs one request line at `info` — exactly the JSON `logger.info(entry, 'request')` writes
 * (level, time, pid, reqId, method, path, status, ms, msg) — built directly and handed to the
 * logger's own stream, skipping pino's per-line work (mixin, redaction, generic
 * serialization). For pages answered from memory, tens of thousands a second, that work
 * was half the cost of a request. The fields are known, and none holds a secret (the path
 * has no query string).
 * @param {import('pino').Logger} logger
 * @param {{ reqId: string, method: string | undefined, path: string, status: number, ms: number }} entry
 */
export function logRequestLine(logger, entry) {
  if (!logger.isLevelEnabled('info')) return;
  const stream = /** @type {{ write: (line: string) => void }} */ (
    /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (logger))[pino.symbols.streamSym]
  );
  stream.write(
    `{"level":"info","time":"${new Date().toISOString()}","pid":${process.pid},"reqId":${JSON.stringify(entry.reqId)},` +
      `"method":${JSON.stringify(entry.method ?? '')},"path":${JSON.stringify(entry.path)},"status":${entry.status},` +
      `"ms":${entry.ms},"msg":"request"}\n`,
  );
}

/**
 * Makes `logger` the process's logger (the server does this at start, with its level).
 * @param {import('pino').Logger} logger
 */
export function installLogger(logger) {
  holder[LOGGER] = logger;
}

/**
 * The process's logger: the one the server installed, else one at level `info` (tools, tests).
 * @returns {import('pino').Logger}
 */
export function getLogger() {
  holder[LOGGER] ??= createLogger();
  return /** @type {import('pino').Logger} */ (holder[LOGGER]);
}

/**
 * Runs `fn` with a request context: every line logged inside it carries the request id.
 * @template T
 * @param {RequestContext} context
 * @param {() => T} fn
 * @returns {T}
 */
export function runWithRequestContext(context, fn) {
  return contextStorage().run(context, fn);
}

/**
 * The id of the request being handled, if any (for answers that quote it).
 * @returns {string | undefined}
 */
export function getRequestId() {
  return contextStorage().getStore()?.requestId;
}
