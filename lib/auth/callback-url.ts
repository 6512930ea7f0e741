/**
 * Where to send someone after sign-in: only a path on this site, so a crafted
 * `?callbackUrl=https://evil.example` link cannot bounce staff to another site.
 */
export function safeCallbackPath(value: unknown, fallback = '/desk'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  // "//host" and "/\host" are protocol-relative URLs to browsers; control characters smuggle them.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  const parsed = new URL(value, 'http://wiredesk.invalid');
  if (parsed.origin !== 'http://wiredesk.invalid') return fallback;
  if (parsed.pathname === '/login') return fallback;
  return parsed.pathname + parsed.search + parsed.hash;
}
