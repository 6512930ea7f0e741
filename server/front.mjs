// The front thread's request path: a public page kept in memory is answered here and
// now; a public page not kept yet is rendered by the Next.js thread, kept and answered;
// everything else goes to the Next.js thread as it came. Nothing here runs an
// AsyncLocalStorage — with one active (Next.js keeps its request state in several), Node
// 20 runs async hooks on every socket write, a tenth of what a page from memory costs.
// docs/decisions/014-front-thread.md
import { logRequestLine } from '../lib/log.js';
import { identifyRequest } from './request-id.mjs';
import { setSecurityDefaults } from './security-defaults.mjs';

/**
 * @param {{
 *   pageCache: ReturnType<typeof import('./public-page-cache.mjs').createPublicPageCache>,
 *   forward: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>,
 *   logger: import('pino').Logger,
 *   draining: () => boolean,
 *   onStart?: (res: import('node:http').ServerResponse) => void,
 * }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function createFrontRequestHandler({ pageCache, forward, logger, draining, onStart }) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>} whether the page cache answered (else the Next.js thread did)
   */
  async function answer(req, res) {
    if (await pageCache.answer(req, res)) return true;
    await forward(req, res);
    return false;
  }

  return (req, res) => {
    const startedAt = performance.now();
    const { requestId, path } = identifyRequest(req);
    // While draining, keep-alive connections are closed after their current answer.
    const closing = draining();
    const status = pageCache.answerFromMemory(
      req,
      res,
      closing ? ['X-Request-Id', requestId, 'connection', 'close'] : ['X-Request-Id', requestId],
    );
    const logLine = (/** @type {number} */ sent) =>
      logRequestLine(logger, {
        reqId: requestId,
        method: req.method,
        path,
        status: sent,
        ms: Math.round((performance.now() - startedAt) * 10) / 10,
      });
    if (status !== 0) {
      // Answered and handed to the socket: logged now, with the time it took to answer.
      logLine(status);
      return;
    }
    // In flight until answered (a graceful stop waits for it).
    onStart?.(res);
    res.setHeader('X-Request-Id', requestId);
    if (closing) res.setHeader('connection', 'close');
    answer(req, res).then(
      // What the Next.js thread answered, it logged; what the page cache did is logged here.
      (byCache) => byCache && logLine(res.statusCode),
      (error) => {
        logger.error({ err: error, reqId: requestId, method: req.method, path }, 'the Next.js thread did not answer');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        setSecurityDefaults(res);
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`Wiredesk could not answer this request (request ${requestId}). Try again in a moment.\n`);
      },
    );
  };
}
