import { AsyncResource } from 'node:async_hooks';
import { runWithRequestContext } from '../lib/log.js';
import { identifyRequest } from './request-id.mjs';

/**
 * What every handler gets besides the request and response.
 * @typedef {{
 *   requestId: string,
 *   path: string,
 *   startedAt: number,
 *   log: import('pino').Logger,
 *   draining: () => boolean,
 * }} RequestContext
 */

/**
 * One step of the request path. `handle` returns true once it has answered the request
 * (the later steps and Next.js are skipped), false to pass it on.
 * @typedef {{
 *   name: string,
 *   handle: (
 *     req: import('node:http').IncomingMessage,
 *     res: import('node:http').ServerResponse,
 *     context: RequestContext,
 *   ) => boolean | Promise<boolean>,
 * }} Handler
 */

/**
 * The Next.js thread's request path (server/next-thread.mjs): request id, then `handlers`
 * in order, then `fallback` (Next.js) — all inside the request's log context, so lib/
 * code logging during the request tags its lines with the id — and one log line per
 * request. Pages from memory never come here: the front thread answers those
 * (server/front.mjs).
 * @param {{
 *   handlers: Handler[],
 *   fallback: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>,
 *   logger: import('pino').Logger,
 *   draining: () => boolean,
 *   onStart?: (res: import('node:http').ServerResponse) => void,
 * }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function createRequestPipeline({ handlers, fallback, logger, draining, onStart }) {
  return (req, res) => {
    const startedAt = performance.now();
    const { requestId, path } = identifyRequest(req);
    // Inside the request context, the logger's lines carry `reqId` (lib/log.js).
    const log = logger;
    // In flight until answered (a graceful stop waits for it).
    onStart?.(res);
    res.setHeader('X-Request-Id', requestId);
    // While draining, keep-alive connections are closed after their current answer.
    if (draining()) res.setHeader('connection', 'close');

    /** @type {RequestContext} */
    const context = { requestId, path, startedAt, log, draining };
    runWithRequestContext({ requestId }, async () => {
      // Bound to this request's context: 'close' is emitted from the socket's.
      res.once(
        'close',
        AsyncResource.bind(() => {
          const entry = {
            method: req.method,
            path,
            status: res.statusCode,
            ms: Math.round((performance.now() - startedAt) * 10) / 10,
          };
          // Browsers abort prefetches and navigations all the time: not a problem in itself.
          if (!res.writableFinished) log.info({ ...entry, aborted: true }, 'request aborted');
          else if (res.statusCode >= 500) log.error(entry, 'request');
          else log.info(entry, 'request');
        }),
      );
      try {
        for (const handler of handlers) {
          if (await handler.handle(req, res, context)) return;
        }
        await fallback(req, res);
      } catch (error) {
        log.error({ err: error }, 'request failed');
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(`Internal error (request ${requestId})\n`);
        } else {
          res.destroy();
        }
      }
    }).catch(() => {});
  };
}
