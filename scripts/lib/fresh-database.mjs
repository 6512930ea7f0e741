// A new, empty database on the PostgreSQL server in `serverUrl` (the throw-away cluster of
// scripts/with-postgres.sh, or one you point DATABASE_URL at), dropped afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * @param {string} serverUrl
 * @param {string} label
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function createFreshDatabase(serverUrl, label) {
  const name = `wiredesk_${label}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end();
    },
  };
}
