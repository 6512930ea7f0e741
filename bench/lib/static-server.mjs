#!/usr/bin/env node
// The baseline of bench/public-pages.mjs: the smallest Node.js server that can send a
// page — no routing beyond a lookup, no headers beyond type, encoding and length, the
// body already compressed and in memory. Run as its own process (like the server under
// test), on loopback; prints its port on stdout once listening.
//   node bench/lib/static-server.mjs PAGES.json   ({ "/path": { "file": "…", "encoding": "br" } })
import fs from 'node:fs';
import http from 'node:http';

const pages = new Map(
  Object.entries(JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8'))).map(([path, page]) => {
    const body = fs.readFileSync(page.file);
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length };
    if (page.encoding !== 'identity') headers['content-encoding'] = page.encoding;
    return [path, { body, headers }];
  }),
);

const server = http.createServer((req, res) => {
  const page = pages.get(req.url ?? '/');
  if (!page) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, page.headers);
  res.end(page.body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(String(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
