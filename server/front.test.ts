// The production server's front thread (server/main.mjs) as it is put together there —
// request handler, page cache, forwarder — in front of a stand-in for the Next.js thread
// (a loopback HTTP server with a WebSocket endpoint), and the invalidation bridge across
// a real worker thread.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createLogger } from '@/lib/log.js';
import { isInvalidatedSince } from '@/lib/public-cache/invalidation-registry.js';
import { createForwarder } from './forward.mjs';
import { createFrontRequestHandler } from './front.mjs';
import { createInvalidationReceiver } from './invalidation-bridge.mjs';
import { createPublicPageCache } from './public-page-cache.mjs';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; bodySha: string; bodyLength: number };
const seen: Seen[] = [];
let releaseStream: (() => void) | null = null;
let hungRequestClosed: Promise<void> = Promise.resolve();

// The stand-in Next.js thread: a reader page with its scripts, an API that echoes what it
// received and sets two cookies, an answer that streams in two parts, one that never ends.
const nextThread = http.createServer((req, res) => {
  if (req.url === '/api/too-large') {
    // Refused before the body is read (as proxy.ts does), and the connection cut soon after.
    res.writeHead(413, { 'content-type': 'text/plain' });
    res.end('Too large\n', () => setTimeout(() => req.socket.destroy(), 20));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      bodySha: createHash('sha256').update(body).digest('hex'),
      bodyLength: body.length,
    });
    if (req.url === '/world/harbour-plan') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', "script-src 'none'");
      res.end(
        '<!DOCTYPE html><html><head><script src="/_next/app.js"></script></head><body><h1>Harbour</h1></body></html>',
      );
    } else if (req.url === '/api/stream') {
      res.writeHead(200, { 'content-type': 'text/x-component' });
      res.write('first part;');
      void new Promise<void>((resolve) => (releaseStream = resolve)).then(() => res.end('second part'));
    } else if (req.url === '/api/hangs') {
      hungRequestClosed = new Promise((resolve) => res.on('close', () => resolve()));
    } else {
      res.setHeader('set-cookie', ['a=1; Path=/; HttpOnly', 'b=2; Path=/; HttpOnly']);
      res.setHeader('keep-alive', 'timeout=42');
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: body.length }));
    }
  });
});
const sockets = new WebSocketServer({ noServer: true });
let upgradeHeaders: http.IncomingHttpHeaders = {};
nextThread.on('upgrade', (req, socket, head) => {
  upgradeHeaders = req.headers;
  sockets.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => ws.send(`echo: ${String(data)}`)));
});

const logLines: Record<string, unknown>[] = [];
const logger = createLogger({
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(text));
      done();
    },
  }),
});

let draining = false;
const fronts: http.Server[] = [];
async function startFront(nextPort: number) {
  const { forward, forwardUpgrade } = createForwarder({ port: nextPort });
  const pageCache = createPublicPageCache({ render: forward });
  const server = http.createServer(createFrontRequestHandler({ pageCache, forward, logger, draining: () => draining }));
  server.on('upgrade', forwardUpgrade);
  fronts.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let front: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => nextThread.listen(0, '127.0.0.1', resolve));
  front = await startFront((nextThread.address() as AddressInfo).port);
});
afterAll(async () => {
  for (const server of fronts) server.closeAllConnections();
  nextThread.closeAllConnections();
  sockets.close();
  await new Promise((resolve) => nextThread.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  logLines.length = 0;
  draining = false;
});

test('a reader page is rendered by the Next.js thread once, then answered by the front from memory', async () => {
  const first = await fetch(`http://${front}/world/harbour-plan`, { headers: { 'x-request-id': 'reader-id-0001' } });
  expect(first.headers.get('x-wiredesk-cache')).toBe('miss');
  expect(await first.text()).toBe('<!DOCTYPE html><html><head></head><body><h1>Harbour</h1></body></html>');
  const second = await fetch(`http://${front}/world/harbour-plan`, { headers: { 'x-request-id': 'reader-id-0002' } });
  expect(second.headers.get('x-wiredesk-cache')).toBe('hit');
  expect(second.headers.get('x-request-id')).toBe('reader-id-0002');
  expect(second.headers.get('content-security-policy')).toBe("script-src 'none'");
  await second.text();
  // Rendered once, asked for uncompressed (compressed once, by the front, for everyone).
  expect(seen.map((request) => request.url)).toEqual(['/world/harbour-plan']);
  expect(seen[0]!.headers['accept-encoding']).toBeUndefined();
  expect(seen[0]!.headers['x-request-id']).toBe('reader-id-0001');
  // The front logs what it answered; what the Next.js thread answered, it logs itself.
  await expect.poll(() => logLines.filter((line) => line.msg === 'request').length).toBe(2);
  expect(logLines.filter((line) => line.msg === 'request').map((line) => line.reqId)).toEqual([
    'reader-id-0001',
    'reader-id-0002',
  ]);
});

test('everything else reaches the Next.js thread as sent: method, address, Host, body byte for byte, the client address', async () => {
  const upload = randomBytes(3 * 1024 * 1024);
  const response = await fetch(`http://${front}/api/media?x=1`, {
    method: 'POST',
    body: upload,
    headers: { 'content-type': 'application/octet-stream', 'x-request-id': 'upload-id-0001' },
  });
  expect(response.status).toBe(201);
  expect(await response.json()).toEqual({ received: upload.length });
  expect(response.headers.get('x-request-id')).toBe('upload-id-0001');
  // Two cookies stay two; the Next.js thread's connection headers stay on its connection.
  expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/; HttpOnly']);
  expect(response.headers.get('keep-alive')).not.toBe('timeout=42');
  const [request] = seen;
  expect(request).toMatchObject({ method: 'POST', url: '/api/media?x=1', bodyLength: upload.length });
  expect(request!.bodySha).toBe(createHash('sha256').update(upload).digest('hex'));
  expect(request!.headers.host).toBe(front);
  expect(request!.headers['x-forwarded-for']).toBe('127.0.0.1');

  // Behind nginx, the address nginx saw comes first (sign-in attempts are recorded with it).
  await (await fetch(`http://${front}/login`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).text();
  expect(seen[1]!.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
});

test('an answer sent before the body was read reaches the client, and its connection stays usable', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (path: string, body: Buffer) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`http://${front}${path}`, { method: 'POST', agent }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      request.on('error', reject);
      request.end(body);
    });
  const started = performance.now();
  for (let i = 0; i < 3; i++) {
    expect(await post('/api/too-large', randomBytes(8 * 1024 * 1024))).toEqual({ status: 413, text: 'Too large\n' });
    expect((await post('/api/echo', Buffer.from('small'))).status).toBe(201);
  }
  // Left unread, the rest of each body stalls its connection for seconds (18 s for these
  // three rounds when it was); read and dropped, the rounds take well under a second.
  expect(performance.now() - started).toBeLessThan(5000);
  agent.destroy();
});

test('answers stream through as the Next.js thread writes them, and a client that leaves cancels its request', async () => {
  const response = await fetch(`http://${front}/api/stream`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  // Arrives before the rest is even written: nothing in between waits for the whole answer.
  expect(decoder.decode((await reader.read()).value)).toBe('first part;');
  releaseStream!();
  let rest = '';
  for (let part = await reader.read(); !part.done; part = await reader.read()) rest += decoder.decode(part.value);
  expect(rest).toBe('second part');

  const controller = new AbortController();
  const hanging = fetch(`http://${front}/api/hangs`, { signal: controller.signal }).catch((error: unknown) => error);
  await expect.poll(() => seen.some((request) => request.url === '/api/hangs')).toBe(true);
  controller.abort();
  await hungRequestClosed;
  expect(await hanging).toBeInstanceOf(Error);
});

test('while draining, answers from memory and passed-on answers close their connections', async () => {
  await (await fetch(`http://${front}/world/harbour-plan`)).text();
  draining = true;
  const kept = await fetch(`http://${front}/world/harbour-plan`);
  expect(kept.headers.get('x-wiredesk-cache')).toBe('hit');
  expect(kept.headers.get('connection')).toBe('close');
  await kept.text();
  const passed = await fetch(`http://${front}/login`);
  expect(passed.headers.get('connection')).toBe('close');
  await passed.text();
});

test('when the Next.js thread cannot be reached, the answer is a 502 with the request id, and the front goes on', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const orphan = await startFront(deadPort);
  const response = await fetch(`http://${orphan}/desk`, { headers: { 'x-request-id': 'lost-id-00001' } });
  expect(response.status).toBe(502);
  expect(await response.text()).toContain('request lost-id-00001');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const page = await fetch(`http://${orphan}/world/harbour-plan`);
  expect(page.status).toBe(502);
  await page.text();
});

test('WebSockets (live editing) are joined end to end, with the client address', async () => {
  const socket = new WebSocket(`ws://${front}/collab`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
  const reply = new Promise<string>((resolve, reject) => {
    socket.once('message', (data) => resolve(String(data)));
    socket.once('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send('keystroke');
  expect(await reply).toBe('echo: keystroke');
  expect(upgradeHeaders['x-forwarded-for']).toBe('198.51.100.7, 127.0.0.1');
  expect(upgradeHeaders.host).toBe(front);
  socket.close();
});

test('an invalidation recorded in another thread is applied by catchUp() at once, before the event loop runs', async () => {
  const receiver = createInvalidationReceiver();
  const bridge = new URL('./invalidation-bridge.mjs', import.meta.url).href;
  const registry = new URL('../lib/public-cache/invalidation-registry.js', import.meta.url).href;
  // The Next.js thread's side: sends what it records; records when told to.
  const sender = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     Promise.all([import(${JSON.stringify(bridge)}), import(${JSON.stringify(registry)})]).then(([b, r]) => {
       b.sendInvalidations(workerData);
       parentPort.on('message', (tag) => r.recordInvalidation([tag], Date.now()));
       parentPort.postMessage('ready');
     });`,
    { eval: true, workerData: receiver.sender, transferList: [receiver.sender.port] },
  );
  try {
    await once(sender, 'message');
    const renderedAt = Date.now() - 1000;
    sender.postMessage('public:path:world/harbour-plan');
    // Block this thread until the other has sent it: no event-loop turn in between, so
    // only catchUp() can bring the news.
    const deadline = Date.now() + 10_000;
    while (Atomics.load(receiver.sender.generation, 0) === 0 && Date.now() < deadline) {
      Atomics.wait(receiver.sender.generation, 0, 0, 5);
    }
    expect(Atomics.load(receiver.sender.generation, 0)).toBe(1);
    expect(isInvalidatedSince(['public:path:world/harbour-plan'], renderedAt)).toBe(false);
    receiver.catchUp();
    expect(isInvalidatedSince(['public:path:world/harbour-plan'], renderedAt)).toBe(true);
    expect(isInvalidatedSince(['public:path:sport/other'], renderedAt)).toBe(false);
  } finally {
    await sender.terminate();
    receiver.close();
  }
});
