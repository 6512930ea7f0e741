// The process's one structured logger (pino, JSON lines on stdout) and the request
// context its lines carry. Plain JavaScript on purpose: it is shared by the production
// server (server/main.mjs, loaded by Node.js directly) and by lib/ code (bundled by
// Next.js), which therefore run two copies of this module; both find the one logger and
// the one AsyncLocalStorage on globalThis, so a line logged by lib/ code during a request
// carries that request's id.
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
    // Written without blocking: a line goes out at once when stdout is free, and lines that
    // come while a write is under way go out together with the next — so a page served
    // from memory 10,000 times a second costs far fewer than 10,000 system calls. pino
    // writes whatever is pending synchronously when the process exits.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
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
