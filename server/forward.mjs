// The front thread's way to the Next.js thread: every request the front does not answer
// from memory is passed, as it came, to the Next.js thread's private loopback port, and
// its answer streamed back (server actions, uploads, the client router's streamed
// payloads), and WebSocket upgrades (live editing) are joined end to end.
// docs/decisions/014-front-thread.md
import http from 'node:http';
import net from 'node:net';

// Headers that describe one connection, not the request or answer (RFC 9110 §7.6.1):
// each hop sets its own. `expect` is answered by the front's own server.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

/**
 * The client's address as the Next.js thread must see it (sign-in attempts are recorded
 * with the first X-Forwarded-For entry): appended to what a proxy in front of us already
 * said, as nginx's $proxy_add_x_forwarded_for does.
 * @param {import('node:http').IncomingMessage} req
 */
function forwardedFor(req) {
  const earlier = req.headers['x-forwarded-for'];
  const remote = req.socket.remoteAddress ?? 'unknown';
  return earlier ? `${Array.isArray(earlier) ? earlier.join(', ') : earlier}, ${remote}` : remote;
}

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {import('node:http').OutgoingHttpHeaders}
 */
function endToEnd(headers) {
  /** @type {import('node:http').OutgoingHttpHeaders} */
  const kept = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}

/**
 * @param {{ port: number, host?: string }} upstream the Next.js thread's private address
 */
export function createForwarder({ port, host = '127.0.0.1' }) {
  // Kept-alive connections to the Next.js thread, closed after 30 s idle — before its
  // server's 65 s keep-alive timeout, so the front never sends on a connection the other
  // side is closing.
  const agent = new http.Agent({ keepAlive: true, timeout: 30_000, scheduling: 'lifo' });

  /**
   * Passes one request on and streams the answer back into `res`. Resolves once the
   * answer has been handed over (or the client went away); rejects, with `res` untouched,
   * when the Next.js thread could not be reached.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<void>}
   */
  function forward(req, res) {
    return new Promise((resolve, reject) => {
      const headers = endToEnd(req.headers);
      headers['x-forwarded-for'] = forwardedFor(req);
      const outgoing = http.request({ host, port, method: req.method, path: req.url, headers, agent });
      // Settled once: answered, the client gone, or the Next.js thread unreachable.
      let settled = false;
      // Whatever the client is still sending (a body the Next.js thread answered without
      // reading, as a 413 does) is read and dropped, as Node.js does for its own early
      // answers: left unread, it would stall the client and reset its connection.
      const dropRestOfBody = () => {
        if (req.complete) return;
        req.unpipe(outgoing);
        req.resume();
      };
      const done = () => {
        settled = true;
        dropRestOfBody();
        resolve();
      };
      outgoing.on('response', (incoming) => {
        res.writeHead(incoming.statusCode ?? 502, endToEnd(incoming.headers));
        // Streamed as it comes: the client router's payloads arrive in pieces.
        res.flushHeaders();
        incoming.pipe(res);
        incoming.on('end', done);
        incoming.on('error', () => {
          res.destroy();
          done();
        });
      });
      outgoing.on('error', (error) => {
        if (settled) return;
        // A request the Next.js thread answered before reading all of it (a 413 for an
        // oversized body) can end in an error while the rest is still being sent: the
        // answer is what counts, and it is on its way.
        if (res.headersSent) {
          if (!res.writableEnded) res.destroy();
          done();
        } else {
          settled = true;
          dropRestOfBody();
          reject(error);
        }
      });
      // The client went away: so does the request it made (not an error of ours).
      res.on('close', () => {
        if (res.writableFinished || settled) return;
        outgoing.destroy();
        done();
      });
      req.on('error', () => outgoing.destroy());
      req.pipe(outgoing);
    });
  }

  /**
   * Joins an upgrade request (a WebSocket) to the Next.js thread: the request as it came,
   * then the bytes both ways until either side closes. The Next.js thread authenticates
   * it, answers 101 or refuses, and logs it.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   */
  function forwardUpgrade(req, socket, head) {
    const upstream = net.connect(port, host);
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = /** @type {string} */ (req.rawHeaders[i]);
      if (name.toLowerCase() !== 'x-forwarded-for') lines.push(`${name}: ${req.rawHeaders[i + 1]}`);
    }
    lines.push(`X-Forwarded-For: ${forwardedFor(req)}`);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', close);
    upstream.on('error', close);
    socket.on('close', close);
    upstream.on('close', close);
    upstream.on('connect', () => {
      // Keystrokes are small: sent at once, not gathered.
      upstream.setNoDelay(true);
      if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream);
      upstream.pipe(socket);
    });
  }

  return { forward, forwardUpgrade, close: () => agent.destroy() };
}
