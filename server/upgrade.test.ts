import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { registerUpgradeHandler } from '@/lib/collab/collab-registry.js';
import { createLogger } from '@/lib/log.js';
import { createUpgradeRouter } from './upgrade.mjs';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function startRouter(draining: () => boolean): Promise<string> {
  const server = http.createServer((_req, res) => res.end());
  server.on('upgrade', createUpgradeRouter({ logger: createLogger({ level: 'silent' }), draining }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Opens a socket and says what came of it: 'open', or the HTTP status it was refused with. */
function attempt(url: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => {});
  });
}

test('an upgrade goes to the handler registered for its path; other paths are refused with 404', async () => {
  const sockets = new WebSocketServer({ noServer: true });
  cleanups.push(
    registerUpgradeHandler('/test-socket', (req, socket, head) =>
      sockets.handleUpgrade(req, socket, head, (ws) => ws.close()),
    ),
  );
  const base = await startRouter(() => false);
  expect(await attempt(`${base}/test-socket?x=1`)).toBe('open');
  expect(await attempt(`${base}/elsewhere`)).toBe(404);
});

test('while the server drains, every upgrade is refused with 503', async () => {
  cleanups.push(registerUpgradeHandler('/test-socket', () => {}));
  const base = await startRouter(() => true);
  expect(await attempt(`${base}/test-socket`)).toBe(503);
});
