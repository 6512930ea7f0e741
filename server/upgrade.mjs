import { findUpgradeHandler } from '../lib/collab/collab-registry.js';
import { identifyRequest } from './request-id.mjs';

const STATUS_TEXT = { 404: 'Not Found', 503: 'Service Unavailable' };

/**
 * Refuses an upgrade with a plain HTTP answer (the socket never becomes a WebSocket).
 * @param {import('node:stream').Duplex} socket
 * @param {404 | 503} status
 */
function refuse(socket, status) {
  const body = `${STATUS_TEXT[status]}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  );
}

/**
 * The server's answer to HTTP upgrades (WebSockets): each goes to the handler lib/
 * registered for its path (live editing, lib/collab), which authenticates it; any other
 * path is refused with 404, and every upgrade with 503 while the server drains. One log
 * line per upgrade, with its request id (the handler's own refusals are its to log).
 * @param {{ logger: import('pino').Logger, draining: () => boolean }} options
 * @returns {(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void}
 */
export function createUpgradeRouter({ logger, draining }) {
  return (req, socket, head) => {
    const { requestId: reqId, path } = identifyRequest(req);
    socket.on('error', () => socket.destroy());
    const handler = findUpgradeHandler(path);
    const status = draining() ? 503 : handler ? 101 : 404;
    logger.info({ reqId, method: req.method, path, upgrade: true, status }, 'upgrade');
    if (status !== 101 || !handler) {
      refuse(socket, status === 503 ? 503 : 404);
      return;
    }
    handler(req, socket, head);
  };
}
