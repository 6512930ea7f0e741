/**
 * Refuses request addresses no page could mean, before Next.js or the database sees them:
 * percent-escapes that do not decode to UTF-8 (Next.js's router would throw) and NUL
 * characters (PostgreSQL cannot compare text holding one). 400 with a reason, not a 500.
 * @param {string} url the request target, path and query
 * @returns {string | null} why the address is refused, or null when it is fine
 */
export function malformedAddressReason(url) {
  if (/%00|\u0000/i.test(url)) return 'The address contains a NUL character.';
  for (const part of url.split(/[/?&=#]/)) {
    try {
      // Form-encoded queries write spaces as +; that is not what could fail here.
      decodeURIComponent(part);
    } catch {
      return 'The address contains an escape that is not valid UTF-8.';
    }
  }
  return null;
}

/** @type {import('./pipeline.mjs').Handler} */
export const malformedAddressHandler = {
  name: 'malformed address',
  handle(req, res) {
    const reason = malformedAddressReason(req.url ?? '/');
    if (!reason) return false;
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${reason}\n`);
    return true;
  },
};
