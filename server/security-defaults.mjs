import { BASE_SECURITY_HEADERS, resourceContentSecurityPolicy } from '../lib/http/security-headers.js';

/**
 * First step of the request path: every response starts with the base security headers
 * and a CSP that allows nothing — build files, media and the server's own answers keep
 * them; pages replace the CSP with their own (proxy.ts, or the copy the page cache kept).
 * @type {import('./pipeline.mjs').Handler}
 */
export const securityDefaultsHandler = {
  name: 'security defaults',
  handle(_req, res) {
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-security-policy', resourceContentSecurityPolicy());
    return false;
  },
};
