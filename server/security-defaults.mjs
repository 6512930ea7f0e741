import { BASE_SECURITY_HEADERS, resourceContentSecurityPolicy } from '../lib/http/security-headers.js';

/**
 * The base security headers and a CSP that allows nothing, on a response that is not a
 * page: build files, media and the server's own answers.
 * @param {import('node:http').ServerResponse} res
 */
export function setSecurityDefaults(res) {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('content-security-policy', resourceContentSecurityPolicy());
}

/**
 * First step of the request path: every response starts with the security defaults;
 * pages replace the CSP with their own (proxy.ts, or the copy the page cache kept).
 * @type {import('./pipeline.mjs').Handler}
 */
export const securityDefaultsHandler = {
  name: 'security defaults',
  handle(_req, res) {
    setSecurityDefaults(res);
    return false;
  },
};
