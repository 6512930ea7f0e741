// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite resolves its WASM and data files relative to its own module URL; bundling
  // breaks that ("The "path" argument must be … Received an instance of URL").
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() gives signed-in staff without the right role a real 403 page.
    authInterrupts: true,
  },
};

export default nextConfig;
