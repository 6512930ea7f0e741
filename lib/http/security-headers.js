// The security headers of every Wiredesk response, in one place. Plain JavaScript on
// purpose: proxy.ts (bundled by Next.js) sets them on the pages Next renders, and the
// production server (server/*.mjs, run by Node.js directly) on everything it answers
// itself. docs/decisions/011-security-headers-and-caching.md

/** Sent with every response, whatever it is. */
export const BASE_SECURITY_HEADERS = Object.freeze({
  // Never let a browser guess a type: an uploaded file or a wire item is what we say it is.
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Nothing in Wiredesk uses these; a script that got in could not either.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
});

/** Two years, subdomains included: what browsers' preload lists ask for. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/**
 * Which origins may show public pages in a frame. None unless configured
 * (WIREDESK_EMBED_ORIGINS); the desk and sign-in never, whatever is configured.
 * @param {readonly string[]} origins
 * @returns {string}
 */
export function frameAncestors(origins) {
  return origins.length > 0 ? origins.join(' ') : "'none'";
}

/**
 * @param {Record<string, string>} directives
 * @param {boolean} https
 * @returns {string}
 */
function serialize(directives, https) {
  const parts = Object.entries(directives).map(([name, value]) => `${name} ${value}`);
  if (https) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

/**
 * The desk, sign-in and preview: React runs there, so scripts and style elements need
 * this request's nonce ('strict-dynamic' lets the scripts Next.js loads load theirs).
 * Never framed: a framed desk is a clickjacking target.
 * @param {{ nonce: string, https: boolean }} options
 * @returns {string}
 */
export function appContentSecurityPolicy({ nonce, https }) {
  return serialize(
    {
      'default-src': "'self'",
      'script-src': `'self' 'nonce-${nonce}' 'strict-dynamic'`,
      'style-src': `'self' 'nonce-${nonce}'`,
      // The editor (ProseMirror) sets style attributes; an attribute cannot run a script,
      // and <style> elements still need the nonce.
      'style-src-attr': "'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    },
    https,
  );
}

/**
 * Public pages: plain HTML and CSS that work without JavaScript, so no script may run
 * at all (JSON-LD is data, which CSP does not block). Framed only where configured.
 * @param {{ https: boolean, embedOrigins: readonly string[] }} options
 * @returns {string}
 */
export function publicContentSecurityPolicy({ https, embedOrigins }) {
  return serialize(
    {
      'default-src': "'self'",
      'script-src': "'none'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      // No script runs to connect anywhere; 'self' only lets tools that audit the page from
      // inside it (Lighthouse reads /robots.txt with the page's fetch) see what crawlers see.
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': frameAncestors(embedOrigins),
    },
    https,
  );
}

/**
 * Everything that is not a page (JSON, feeds, sitemaps, images, scripts): a document
 * opened from one of these may load nothing and be framed nowhere.
 * @returns {string}
 */
export function resourceContentSecurityPolicy() {
  return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
}

/**
 * The headers every response gets, as name → value pairs: the base set, HSTS when the
 * site is served over HTTPS, and a resource CSP that pages replace with their own.
 * @param {{ https: boolean }} options
 * @returns {Record<string, string>}
 */
export function defaultSecurityHeaders({ https }) {
  /** @type {Record<string, string>} */
  const headers = { ...BASE_SECURITY_HEADERS, 'Content-Security-Policy': resourceContentSecurityPolicy() };
  if (https) headers['Strict-Transport-Security'] = HSTS_VALUE;
  return headers;
}

/**
 * A fresh nonce for one response: 128 random bits, base64.
 * @returns {string}
 */
export function createNonce() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
