// @ts-check
import { fileURLToPath } from 'node:url';
import { MAX_ACTION_BODY_BYTES } from './lib/http/request-limits.js';
import { BASE_SECURITY_HEADERS } from './lib/http/security-headers.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite resolves its WASM and data files relative to its own module URL; bundling
  // breaks that ("The "path" argument must be … Received an instance of URL").
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    // Live editing: one copy of Yjs in the server process. Bundled copies beside the one
    // Hocuspocus loads would make each other's documents unreadable ("Yjs was already imported").
    '@hocuspocus/server',
    'ws',
    'yjs',
    'y-protocols',
  ],
  poweredByHeader: false,
  // The headers every response carries, build files and media included; proxy.ts adds
  // each page's Content-Security-Policy (and HSTS), which depend on the request.
  async headers() {
    const headers = Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: '/:path*', headers }];
  },
  // Public pages and data are cached in memory and invalidated by lib/ when stories are
  // published or taken down, also from other instances (docs/decisions/005-public-site.md).
  cacheHandler: fileURLToPath(new URL('./lib/public-cache/cache-handler.mjs', import.meta.url)),
  reactStrictMode: true,
  experimental: {
    // forbidden() gives signed-in staff without the right role a real 403 page.
    authInterrupts: true,
    // Larger requests are refused by proxy.ts with a reason (lib/http/request-limits.js).
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
  },
};

export default nextConfig;
