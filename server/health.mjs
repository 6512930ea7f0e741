/**
 * `/healthz`: is this process up and answering? Answered here, before Next.js, without
 * touching the database — a database outage must not make an orchestrator restart every
 * instance (that is what /readyz is for).
 * @type {import('./pipeline.mjs').Handler}
 */
export const healthHandler = {
  name: 'health',
  handle(req, res, context) {
    if (context.path !== '/healthz') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    const body = JSON.stringify({ status: 'ok', uptimeS: Math.round(process.uptime()), draining: context.draining() });
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  },
};

/**
 * `/readyz` while shutting down: 503 at once, so a load balancer stops sending new
 * requests here while the ones in flight finish. Otherwise Next.js answers it
 * (app/readyz/route.ts: database and migrations).
 * @type {import('./pipeline.mjs').Handler}
 */
export const drainingReadinessHandler = {
  name: 'draining readiness',
  handle(_req, res, context) {
    if (context.path !== '/readyz' || !context.draining()) return false;
    res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ status: 'unavailable', reason: 'shutting down' }));
    return true;
  },
};
