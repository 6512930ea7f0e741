import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, MEMORY_DATA_DIR } from '@/lib/config';

let cached: string | undefined;

/**
 * The key that signs session cookies: AUTH_SECRET when set (production, and any
 * deployment with more than one instance), otherwise one generated on first start
 * and kept in the data directory, so trying Wiredesk needs no setup.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const config = getConfig();
  if (config.authSecret) return (cached = config.authSecret);
  if (config.dataDir === MEMORY_DATA_DIR) return (cached = crypto.randomBytes(32).toString('base64url'));

  const file = path.join(config.dataDir, 'auth-secret');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': if two processes race on first start, exactly one writes and both read it.
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one.`);
  }
  return (cached = secret);
}
