// The production server's own settings, read before Next.js (and lib/config.ts, which
// is TypeScript compiled into Next's bundle) is loaded: where to listen, how long a
// graceful shutdown may take, how much to log. Validated the same way as lib/config.ts;
// PORT has the same rule there, which uses it for the default base URL.
import { z } from 'zod';
import { LOG_LEVELS } from '../lib/log.js';

const ServerConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WIREDESK_HOSTNAME: z.string().min(1).optional(),
  WIREDESK_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  WIREDESK_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  // Memory for finished public pages (server/public-page-cache.mjs); a page is ~40 KB.
  WIREDESK_PAGE_CACHE_MB: z.coerce.number().int().min(1).max(16_384).default(64),
});

/**
 * @typedef {{
 *   port: number,
 *   hostname: string | undefined,
 *   shutdownTimeoutMs: number,
 *   logLevel: string,
 *   pageCacheMb: number,
 * }} ServerConfig
 */

/**
 * Parses the server's settings; throws naming every bad variable.
 * @param {Record<string, string | undefined>} env
 * @returns {ServerConfig}
 */
export function parseServerConfig(env) {
  // Empty strings are how shells and .env files say "unset".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = ServerConfigSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid Wiredesk configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  return {
    port: c.PORT,
    hostname: c.WIREDESK_HOSTNAME,
    shutdownTimeoutMs: c.WIREDESK_SHUTDOWN_TIMEOUT_MS,
    logLevel: c.WIREDESK_LOG_LEVEL,
    pageCacheMb: c.WIREDESK_PAGE_CACHE_MB,
  };
}
