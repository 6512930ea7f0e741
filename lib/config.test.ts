import path from 'node:path';
import { expect, test } from 'vitest';
import { ConfigError, MEMORY_DATA_DIR, parseConfig } from './config';

test('with nothing set, Wiredesk runs on the embedded database in ./data on port 3000 with demo accounts', () => {
  const config = parseConfig({});
  expect(config).toEqual({
    databaseUrl: undefined,
    dataDir: path.resolve('./data'),
    authSecret: undefined,
    port: 3000,
    baseUrl: 'http://localhost:3000',
    siteName: 'Wiredesk',
    demo: true,
    demoPassword: 'wiredesk-demo',
    wireInbox: undefined,
    mediaDir: path.resolve('./data/media'),
    timeZone: 'UTC',
    https: false,
    embedOrigins: [],
  });
});

test('uploaded images go to media/ in the data directory unless WIREDESK_MEDIA_DIR says otherwise', () => {
  expect(parseConfig({ WIREDESK_DATA_DIR: '/srv/wiredesk' }).mediaDir).toBe('/srv/wiredesk/media');
  expect(parseConfig({ WIREDESK_MEDIA_DIR: '/mnt/photos' }).mediaDir).toBe('/mnt/photos');
  expect(parseConfig({ WIREDESK_DATA_DIR: MEMORY_DATA_DIR }).mediaDir).not.toContain('memory:');
});

test('empty variables count as unset', () => {
  expect(parseConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
});

test('PORT moves the default base URL; an explicit base URL loses its trailing slash', () => {
  expect(parseConfig({ PORT: '4100' }).baseUrl).toBe('http://localhost:4100');
  expect(parseConfig({ WIREDESK_BASE_URL: 'https://news.example.org/' }).baseUrl).toBe('https://news.example.org');
});

test('WIREDESK_DEMO=0 turns the demo accounts off', () => {
  expect(parseConfig({ WIREDESK_DEMO: '0' }).demo).toBe(false);
  expect(parseConfig({ WIREDESK_DEMO: '1' }).demo).toBe(true);
});

test('memory:// is kept as is rather than resolved to a path', () => {
  expect(parseConfig({ WIREDESK_DATA_DIR: MEMORY_DATA_DIR }).dataDir).toBe(MEMORY_DATA_DIR);
});

test.each([
  [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL: must start with postgres:// or postgresql://'],
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET: must be at least 32 characters'],
  [{ WIREDESK_DEMO: 'maybe' }, 'WIREDESK_DEMO: must be 1 or 0'],
  [{ WIREDESK_DEMO_PASSWORD: 'abc' }, 'WIREDESK_DEMO_PASSWORD: must be at least 8 characters'],
  [{ WIREDESK_BASE_URL: 'ftp://example.org' }, 'WIREDESK_BASE_URL: must be an http(s) URL'],
  [{ WIREDESK_TIMEZONE: 'Paris' }, 'WIREDESK_TIMEZONE: must be an IANA time zone name'],
])('a bad value fails fast and names the variable: %o', (env, message) => {
  expect(() => parseConfig(env)).toThrow(ConfigError);
  expect(() => parseConfig(env)).toThrow(message);
});

test('every bad variable is reported at once', () => {
  expect(() => parseConfig({ PORT: 'x', WIREDESK_DEMO: 'maybe' })).toThrow(/PORT[\s\S]*WIREDESK_DEMO/);
});

test('HTTPS is read off the base URL, and embedding origins are a checked list', () => {
  expect(parseConfig({}).https).toBe(false);
  expect(parseConfig({ WIREDESK_BASE_URL: 'https://news.example' }).https).toBe(true);
  expect(parseConfig({}).embedOrigins).toEqual([]);
  expect(
    parseConfig({ WIREDESK_EMBED_ORIGINS: 'https://partner.example, http://localhost:8080' }).embedOrigins,
  ).toEqual(['https://partner.example', 'http://localhost:8080']);
  // A value that would smuggle a directive into the CSP header is refused.
  expect(() => parseConfig({ WIREDESK_EMBED_ORIGINS: "https://a.example; script-src 'unsafe-inline'" })).toThrow(
    /WIREDESK_EMBED_ORIGINS/,
  );
  expect(() => parseConfig({ WIREDESK_EMBED_ORIGINS: 'https://a.example/path' })).toThrow(/WIREDESK_EMBED_ORIGINS/);
});
