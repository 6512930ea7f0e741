import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from './format-time';

/** In-memory PGlite instead of a data directory: for tests only, nothing is kept. */
export const MEMORY_DATA_DIR = 'memory://';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], {
    error: 'must be 1 or 0',
  })
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

// An origin a partner site frames public pages from: scheme, host, optional port, nothing
// else (the value goes into a CSP header, where a stray ';' or quote would change it).
const OriginSchema = z
  .string()
  .regex(
    /^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/i,
    'must be origins such as https://partner.example, separated by spaces',
  );

const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  WIREDESK_DATA_DIR: z.string().min(1).default('./data'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WIREDESK_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  WIREDESK_SITE_NAME: z.string().min(1).default('Wiredesk'),
  WIREDESK_DEMO: booleanFlag.default(true),
  WIREDESK_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('wiredesk-demo'),
  WIREDESK_WIRE_INBOX: z.string().min(1).optional(),
  WIREDESK_MEDIA_DIR: z.string().min(1).optional(),
  WIREDESK_EMBED_ORIGINS: z
    .string()
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(OriginSchema))
    .default([]),
  WIREDESK_TIMEZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone name such as Europe/Paris or America/New_York')
    .default('UTC'),
});

export type Config = {
  databaseUrl: string | undefined;
  /** Absolute path of the data directory, or MEMORY_DATA_DIR. */
  dataDir: string;
  authSecret: string | undefined;
  port: number;
  baseUrl: string;
  siteName: string;
  demo: boolean;
  demoPassword: string;
  /** A directory the server watches for wire files (absolute), if any. */
  wireInbox: string | undefined;
  /**
   * Where uploaded images are stored (absolute): WIREDESK_MEDIA_DIR, else `media/` in the
   * data directory. With an in-memory database (tests), a fresh temporary directory.
   */
  mediaDir: string;
  /** The newsroom's time zone: desk and public times, and `Publish at`, are in it. */
  timeZone: string;
  /** Served over HTTPS (the base URL says so): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Origins allowed to show public pages in a frame; none by default. The desk, never. */
  embedOrigins: string[];
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses configuration from an environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings are how shells and .env files say "unset".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid Wiredesk configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: c.WIREDESK_DATA_DIR === MEMORY_DATA_DIR ? MEMORY_DATA_DIR : path.resolve(c.WIREDESK_DATA_DIR),
    authSecret: c.AUTH_SECRET,
    port: c.PORT,
    baseUrl: (c.WIREDESK_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    siteName: c.WIREDESK_SITE_NAME,
    demo: c.WIREDESK_DEMO,
    demoPassword: c.WIREDESK_DEMO_PASSWORD,
    wireInbox: c.WIREDESK_WIRE_INBOX ? path.resolve(c.WIREDESK_WIRE_INBOX) : undefined,
    mediaDir: c.WIREDESK_MEDIA_DIR
      ? path.resolve(c.WIREDESK_MEDIA_DIR)
      : c.WIREDESK_DATA_DIR === MEMORY_DATA_DIR
        ? path.join(os.tmpdir(), `wiredesk-media-${process.pid}`)
        : path.join(path.resolve(c.WIREDESK_DATA_DIR), 'media'),
    timeZone: c.WIREDESK_TIMEZONE,
    https: (c.WIREDESK_BASE_URL ?? '').startsWith('https://'),
    embedOrigins: c.WIREDESK_EMBED_ORIGINS,
  };
}

let cached: Config | undefined;

/** The process configuration, parsed once on first use so a bad value fails fast and clearly. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
