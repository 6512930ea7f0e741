import { expect, test } from 'vitest';
import { parseServerConfig } from './config.mjs';

test('the server listens on PORT on every interface by default, and waits 10 s for requests at shutdown', () => {
  expect(parseServerConfig({})).toEqual({
    port: 3000,
    hostname: undefined,
    shutdownTimeoutMs: 10_000,
    logLevel: 'info',
    pageCacheMb: 64,
  });
  expect(
    parseServerConfig({
      PORT: '8080',
      WIREDESK_HOSTNAME: '127.0.0.1',
      WIREDESK_SHUTDOWN_TIMEOUT_MS: '0',
      WIREDESK_LOG_LEVEL: '',
    }),
  ).toEqual({ port: 8080, hostname: '127.0.0.1', shutdownTimeoutMs: 0, logLevel: 'info', pageCacheMb: 64 });
});

test('bad server settings are refused, each one named', () => {
  expect(() => parseServerConfig({ PORT: 'eighty', WIREDESK_LOG_LEVEL: 'loud' })).toThrow(
    /Invalid Wiredesk configuration:\n {2}PORT: .*\n {2}WIREDESK_LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/,
  );
});
