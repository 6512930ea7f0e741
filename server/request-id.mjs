import { randomUUID } from 'node:crypto';

/** The header a request id travels in, in and out (nginx passes it through). */
export const REQUEST_ID_HEADER = 'x-request-id';

// What we accept from upstream: nginx's $request_id (32 hex), UUIDs, and the like. Anything
// else (too long, spaces, quotes, control characters) is replaced, so a client cannot
// forge log lines or make the header enormous.
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The request's id: the incoming X-Request-Id if it is well formed, else a new UUID.
 * @param {string | string[] | undefined} incoming
 * @returns {string}
 */
export function resolveRequestId(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && WELL_FORMED.test(value) ? value : randomUUID();
}

/**
 * What every request path settles first: the request's id — written back on the request,
 * so the Next.js thread reads it (and logs with it) — and its path for the log, without
 * the query string (query strings can carry tokens and personal search terms).
 * @param {import('node:http').IncomingMessage} req
 * @returns {{ requestId: string, path: string }}
 */
export function identifyRequest(req) {
  const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  return { requestId, path: queryAt === -1 ? url : url.slice(0, queryAt) };
}
