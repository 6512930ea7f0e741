import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, expect, test } from 'vitest';
import { createLogger, getLogger, installLogger } from '@/lib/log.js';
import { onShutdown } from '@/lib/shutdown-hooks.js';
import { drainingReadinessHandler, healthHandler } from './health.mjs';
import { createRequestPipeline } from './pipeline.mjs';
import { resolveRequestId } from './request-id.mjs';
import { createGracefulShutdown, createInFlightTracker } from './shutdown.mjs';

type Line = Record<string, unknown>;

function capture(): { lines: Line[]; logger: ReturnType<typeof createLogger> } {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** The production pipeline on a real loopback server, with `fallback` standing in for Next.js. */
async function startPipeline(fallback: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) {
  const { lines, logger } = capture();
  const server = http.createServer();
  servers.push(server);
  const tracker = createInFlightTracker();
  const graceful = createGracefulShutdown({ server, tracker, timeoutMs: 2000, logger, stopApp: async () => {} });
  server.on(
    'request',
    createRequestPipeline({
      handlers: [healthHandler, drainingReadinessHandler],
      fallback,
      logger,
      draining: graceful.draining,
      onStart: tracker.track,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, lines, graceful };
}

const answerOk = async (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.end('from next');
};

test('a well-formed incoming request id is kept; anything else is replaced by a UUID', () => {
  expect(resolveRequestId('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
  expect(resolveRequestId('b4f1c3de-25aa-4a8e-9a51-2f7d6c1e0b3a')).toBe('b4f1c3de-25aa-4a8e-9a51-2f7d6c1e0b3a');
  for (const bad of ['', 'short', 'has space in it', 'x'.repeat(200), 'inject\nline', '"quoted"-value']) {
    expect(resolveRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test('every request gets an id, echoed in the answer and in exactly one log line without the query', async () => {
  const { base, lines } = await startPipeline(answerOk);
  const kept = await fetch(`${base}/world/story?token=secret`, { headers: { 'x-request-id': 'upstream-id-1234' } });
  expect(kept.headers.get('x-request-id')).toBe('upstream-id-1234');
  expect(await kept.text()).toBe('from next');
  const made = await fetch(`${base}/login`, { headers: { cookie: 'next-auth.session-token=abc' } });
  await made.text();
  const id = made.headers.get('x-request-id')!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await expect.poll(() => lines.filter((line) => line.msg === 'request').length).toBe(2);
  const [first, second] = lines.filter((line) => line.msg === 'request');
  expect(first).toMatchObject({ reqId: 'upstream-id-1234', method: 'GET', path: '/world/story', status: 200 });
  expect(second).toMatchObject({ reqId: id, path: '/login' });
  expect(JSON.stringify(lines)).not.toContain('secret');
  expect(JSON.stringify(lines)).not.toContain('session-token');
});

test('lines logged by lib/ code during a request carry its id', async () => {
  const { lines, logger } = capture();
  const previous = getLogger();
  installLogger(logger);
  try {
    const { base } = await startPipeline(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      getLogger().info({ component: 'scheduler' }, 'inside');
      res.end();
    });
    await (await fetch(`${base}/x`, { headers: { 'x-request-id': 'traced-request-42' } })).text();
    expect(lines.find((line) => line.msg === 'inside')).toMatchObject({ reqId: 'traced-request-42' });
  } finally {
    installLogger(previous);
  }
});

test('/healthz is answered without Next.js; /readyz goes to Next.js until the server drains', async () => {
  let nextCalls = 0;
  const { base } = await startPipeline(async (_req, res) => {
    nextCalls++;
    res.end('{"status":"ready"}');
  });
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', draining: false });
  expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  expect(nextCalls).toBe(0);
  expect(await (await fetch(`${base}/readyz`)).text()).toBe('{"status":"ready"}');
  expect(nextCalls).toBe(1);
});

test('a handler that throws answers 500 with the request id, and is logged as an error', async () => {
  const { base, lines } = await startPipeline(async () => {
    throw new Error('boom');
  });
  const response = await fetch(`${base}/broken`);
  expect(response.status).toBe(500);
  expect(await response.text()).toContain(response.headers.get('x-request-id')!);
  await expect.poll(() => lines.some((line) => line.msg === 'request failed' && line.level === 'error')).toBe(true);
});

test('a shutdown lets the request in flight finish, then runs the hooks', async () => {
  let release: () => void = () => {};
  const { base, graceful } = await startPipeline(async (req, res) => {
    if (req.url === '/slow-save') await new Promise<void>((resolve) => (release = resolve));
    res.end('saved');
  });
  const slowAgent = new http.Agent({ keepAlive: true });
  const slow = new Promise<string>((resolve, reject) => {
    http
      .get(`${base}/slow-save`, { agent: slowAgent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const order: string[] = [];
  onShutdown('test hook', () => {
    order.push('hooks');
  });
  const stopping = graceful.shutdown('SIGTERM').then((code) => {
    order.push('stopped');
    return code;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(graceful.draining()).toBe(true);
  expect(order).toEqual([]);
  release();
  expect(await slow).toBe('saved');
  expect(await stopping).toBe(0);
  expect(order).toEqual(['hooks', 'stopped']);
  slowAgent.destroy();
});

test('while draining, /readyz answers 503 before reaching Next.js', async () => {
  const res = {
    status: 0,
    body: '',
    writeHead: (status: number) => ((res.status = status), res),
    end: (body: string) => void (res.body = body),
  };
  const context = { path: '/readyz', draining: () => true };
  const handled = await drainingReadinessHandler.handle({} as http.IncomingMessage, res as never, context as never);
  expect(handled).toBe(true);
  expect(res.status).toBe(503);
  expect(JSON.parse(res.body)).toEqual({ status: 'unavailable', reason: 'shutting down' });
  expect(
    await drainingReadinessHandler.handle(
      {} as http.IncomingMessage,
      res as never,
      { ...context, draining: () => false } as never,
    ),
  ).toBe(false);
});

test('a request still running at the deadline is cut off and the exit code says so', async () => {
  const { lines, logger } = capture();
  const server = http.createServer();
  servers.push(server);
  const tracker = createInFlightTracker();
  const graceful = createGracefulShutdown({ server, tracker, timeoutMs: 100, logger, stopApp: async () => {} });
  server.on(
    'request',
    createRequestPipeline({
      handlers: [],
      fallback: () => new Promise(() => {}),
      logger,
      draining: graceful.draining,
      onStart: tracker.track,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hanging = fetch(`${base}/hangs`).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await graceful.shutdown('SIGTERM')).toBe(1);
  expect(await hanging).toBeInstanceOf(Error);
  expect(lines.some((line) => String(line.msg).includes('cutting them off'))).toBe(true);
});
