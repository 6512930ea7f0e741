#!/usr/bin/env node
// Soak benchmark: a newsroom's day, compressed, on the production setup — three
// instances on one PostgreSQL behind nginx (deploy/nginx/wiredesk.conf).
//   - 200 readers through nginx (front page, sections, articles, search, feeds), each
//     reading a page about every second;
//   - 20 editors autosaving every ~2 s, with the lock heartbeat every 15 s;
//   - wire copy arriving through POST /api/wire with an API token;
//   - baseline, in the same run: /healthz through nginx (answered by our server before
//     Next.js and the database), 10 a second.
// Reports requests per second, p50/p95/p99 and errors per kind of request, lost saves
// (every acknowledged save checked in the database afterwards), and each instance's RSS
// from the end of the warm-up to the end. Goals: 0 errors, 0 lost saves, save p99 < 200 ms.
//   npm run bench:soak [-- --minutes 10] [--readers 200] [--editors 20] [--wire-per-second 2]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLedger, EDIT_SESSION_HEADER, newEditSession, runAutosaver } from '../scripts/lib/autosave-client.mjs';
import { buildIsCurrent, buildOrExit, ROOT } from '../scripts/lib/build.mjs';
import { startCluster } from '../scripts/lib/cluster.mjs';
import { createFreshDatabase } from '../scripts/lib/fresh-database.mjs';
import { ensureNginx } from '../scripts/lib/nginx.mjs';
import { signIn } from '../scripts/lib/staff-session.mjs';
import { runTsTool } from '../scripts/lib/ts-tool.mjs';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    readers: { type: 'string', default: '200' },
    editors: { type: 'string', default: '20' },
    'wire-per-second': { type: 'string', default: '2' },
    'warm-up-seconds': { type: 'string', default: '30' },
  },
});
const minutes = Number(values.minutes);
const readerCount = Number(values.readers);
const editorCount = Number(values.editors);
const wirePerSecond = Number(values['wire-per-second']);
const warmUpMs = Number(values['warm-up-seconds']) * 1000;
if (![minutes, readerCount, editorCount, wirePerSecond, warmUpMs].every((n) => Number.isFinite(n) && n >= 0)) {
  console.error('bench:soak: --minutes, --readers, --editors, --wire-per-second take numbers');
  process.exit(1);
}

if (!process.env.DATABASE_URL) {
  const run = spawnSync(path.join(ROOT, 'scripts', 'with-postgres.sh'), [process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}
ensureNginx();
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min, max) => min + Math.random() * (max - min);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-soak-'));
const database = await createFreshDatabase(process.env.DATABASE_URL, 'soak');

/** Per kind of request: latencies (measuring only) and errors (always). */
const kinds = new Map();
let measuring = false;
function record(kind, ms, ok) {
  let entry = kinds.get(kind);
  if (!entry) kinds.set(kind, (entry = { samples: [], errors: 0, total: 0, examples: [] }));
  if (!ok) entry.errors++;
  if (measuring) {
    entry.total++;
    entry.samples.push(ms);
  }
}

async function timed(kind, url, init = {}, isOk = (response) => response.status < 400) {
  const started = performance.now();
  try {
    const response = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(30_000) });
    const body = await response.arrayBuffer();
    const ok = isOk(response, body);
    record(kind, performance.now() - started, ok);
    if (!ok) kinds.get(kind).examples.push(`${response.status} ${url}`);
    return response;
  } catch (error) {
    record(kind, performance.now() - started, false);
    kinds.get(kind).examples.push(`${error instanceof Error ? error.message : error} ${url}`);
    return null;
  }
}

function wireItem(n) {
  const guid = `urn:newsml:afp.com:20261204:soak-${process.pid}-${n}`;
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) => `<p>Paragraph ${i + 1} of wire item ${n}: talks in the capital continued late into the night.</p>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="1" standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AFP"/><versionCreated>2026-12-04T08:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><urgency>4</urgency><language tag="en"/><headline>Soak item ${n}: talks continue</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>
${paragraphs}
  </body></html></inlineXML></contentSet>
</newsItem>
`;
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return NaN;
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

let cluster;
let failed = false;
try {
  console.log(`Preparing: ${editorCount} editors, 120 published stories, an API token…`);
  const newsroom = runTsTool(
    'scripts/lib/prepare-newsroom.ts',
    [JSON.stringify({ editors: editorCount, published: 120, token: true })],
    { DATABASE_URL: database.url, WIREDESK_DATA_DIR: path.join(work, 'prepare') },
  );
  cluster = await startCluster({ work, databaseUrl: database.url, instances: 3 });
  const base = cluster.publicBase;
  console.log(`Three instances behind nginx at ${base}; ${values['warm-up-seconds']} s warm-up, then ${minutes} min.`);

  let stopping = false;
  const loops = [];
  const pages = [
    ...newsroom.published.map((p) => [0.6 / newsroom.published.length, 'article', p.path]),
    ...newsroom.sections.map((s) => [0.15 / newsroom.sections.length, 'section page', `/${s}`]),
    [0.15, 'front page', '/'],
    [0.05, 'search', '/search?q=harbour'],
    [0.05, 'feed.xml', '/feed.xml'],
  ];
  const pickPage = () => {
    let r = Math.random();
    for (const [weight, kind, url] of pages) if ((r -= weight) <= 0) return [kind, url];
    return ['front page', '/'];
  };

  // Readers: a page, then a second or so of reading.
  for (let i = 0; i < readerCount; i++) {
    loops.push(
      (async () => {
        await sleep(Math.random() * 1000);
        while (!stopping) {
          const [kind, url] = pickPage();
          await timed(kind, `${base}${url}`, {}, (response) => response.status === 200);
          await sleep(between(500, 1500));
        }
      })(),
    );
  }

  // Editors: autosave every ~2 s (the editor's debounce), heartbeat every 15 s.
  const ledgers = newsroom.editors.map((editor) => createLedger(editor.storyId));
  const cookies = [];
  for (const editor of newsroom.editors) cookies.push(await signIn(base, editor.email, editor.password));
  let editorError = null;
  for (const [i, editor] of newsroom.editors.entries()) {
    // One editor page: its saves and its heartbeats name the same editing session.
    const session = newEditSession();
    const json = {
      cookie: cookies[i],
      origin: base,
      'content-type': 'application/json',
      [EDIT_SESSION_HEADER]: session,
    };
    loops.push(
      runAutosaver({
        base: () => base,
        cookie: cookies[i],
        story: editor,
        clientId: `editor ${i + 1}`,
        ledger: ledgers[i],
        pauseMs: () => between(1500, 2500),
        shouldStop: () => stopping,
        session,
      }).catch((error) => {
        editorError = error;
      }),
    );
    loops.push(
      (async () => {
        await sleep(Math.random() * 15_000);
        while (!stopping) {
          await timed('lock heartbeat', `${base}/api/stories/${editor.storyId}/lock`, {
            method: 'POST',
            headers: json,
            body: '{}',
          });
          await sleep(15_000);
        }
      })(),
    );
  }
  // The autosaver records its own latencies; sample them into the table when measuring.
  const saveCounts = ledgers.map(() => 0);

  // Wire: a steady feed.
  let wireN = 0;
  if (wirePerSecond > 0) {
    loops.push(
      (async () => {
        while (!stopping) {
          const n = ++wireN;
          void timed(
            'wire ingest (POST /api/wire)',
            `${base}/api/wire`,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${newsroom.token}`, 'x-filename': `soak-${n}.xml` },
              body: wireItem(n),
            },
            (response) => response.status === 200,
          );
          await sleep(1000 / wirePerSecond);
        }
      })(),
    );
  }

  // Baseline: /healthz through nginx.
  loops.push(
    (async () => {
      while (!stopping) {
        await timed('baseline: /healthz through nginx', `${base}/healthz`);
        await sleep(100);
      }
    })(),
  );

  await sleep(warmUpMs);
  measuring = true;
  const measureStarted = Date.now();
  for (const [i, ledger] of ledgers.entries()) saveCounts[i] = ledger.latencies.length;
  const memory = cluster.servers.map((server) => ({
    pid: server.pid,
    port: server.port,
    samples: [rssMb(server.pid)],
  }));
  const durationMs = minutes * 60_000;
  while (Date.now() - measureStarted < durationMs) {
    await sleep(Math.min(10_000, durationMs - (Date.now() - measureStarted)));
    for (const m of memory) m.samples.push(rssMb(m.pid));
    const elapsed = Math.round((Date.now() - measureStarted) / 1000);
    if (elapsed % 60 < 10) {
      const done = [...kinds.values()].reduce((sum, k) => sum + k.total, 0);
      const errors = [...kinds.values()].reduce((sum, k) => sum + k.errors, 0);
      console.log(`  ${elapsed} s: ${done} requests, ${errors} errors`);
    }
    if (editorError) break;
  }
  measuring = false;
  const measuredS = (Date.now() - measureStarted) / 1000;
  const saveLatencies = ledgers.flatMap((ledger, i) => ledger.latencies.slice(saveCounts[i]));
  const saveErrors = ledgers.reduce((sum, l) => sum + l.failures.network + l.failures.server + l.failures.refused, 0);
  stopping = true;
  await Promise.all(loops);
  if (editorError) throw editorError;

  // Every acknowledged save, checked in the database.
  const ledgerFile = path.join(work, 'ledger.json');
  fs.writeFileSync(ledgerFile, JSON.stringify({ ledgers, scheduled: [], outages: [] }));
  const report = runTsTool('scripts/lib/check-saves.ts', [ledgerFile], { DATABASE_URL: database.url });

  // Which instance answered, from nginx's log.
  const byUpstream = new Map();
  for (const line of fs.readFileSync(cluster.nginx.accessLog, 'utf8').split('\n')) {
    const upstream = /"upstream":"([^"]*)"/.exec(line)?.[1];
    if (upstream) byUpstream.set(upstream, (byUpstream.get(upstream) ?? 0) + 1);
  }

  const rows = [];
  const baseline = kinds.get('baseline: /healthz through nginx');
  const baselineP50 = quantile(
    [...baseline.samples].sort((a, b) => a - b),
    0.5,
  );
  const addRow = (kind, samples, errors) => {
    const sorted = [...samples].sort((a, b) => a - b);
    rows.push([
      kind,
      sorted.length.toLocaleString('en'),
      (sorted.length / measuredS).toFixed(1),
      quantile(sorted, 0.5).toFixed(1),
      quantile(sorted, 0.95).toFixed(1),
      quantile(sorted, 0.99).toFixed(1),
      (quantile(sorted, 0.5) / baselineP50).toFixed(1),
      errors,
    ]);
  };
  addRow('baseline: /healthz through nginx', baseline.samples, baseline.errors);
  for (const [kind, entry] of kinds)
    if (kind !== 'baseline: /healthz through nginx') addRow(kind, entry.samples, entry.errors);
  addRow('autosave (POST /api/stories/{id}/save)', saveLatencies, saveErrors);
  const all = [...kinds.values()].reduce((sum, k) => sum + k.total, 0) + saveLatencies.length;
  const allErrors = [...kinds.values()].reduce((sum, k) => sum + k.errors, 0) + saveErrors;

  console.log(
    `\nSoak: ${minutes} min after a ${values['warm-up-seconds']} s warm-up, 3 instances + PostgreSQL + nginx, ` +
      `${readerCount} readers, ${editorCount} editors, ${wirePerSecond} wire items/s, ${os.cpus().length} cores (shared)\n`,
  );
  console.log('| request | count | req/s | p50 ms | p95 ms | p99 ms | p50 × baseline | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`| **all** | ${all.toLocaleString('en')} | ${(all / measuredS).toFixed(1)} | | | | | ${allErrors} |`);

  console.log('\n| instance | requests (nginx log) | RSS after warm-up MB | RSS max MB | RSS at end MB | growth MB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const m of memory) {
    const first = m.samples[0];
    const last = m.samples.at(-1);
    console.log(
      `| :${m.port} | ${(byUpstream.get(`127.0.0.1:${m.port}`) ?? 0).toLocaleString('en')} | ${first.toFixed(0)} | ${Math.max(...m.samples).toFixed(0)} | ${last.toFixed(0)} | ${(last - first).toFixed(0)} |`,
    );
  }
  const savesP99 = quantile(
    [...saveLatencies].sort((a, b) => a - b),
    0.99,
  );
  const lost = report.problems.length;
  console.log(
    `\nAcknowledged saves checked in the database: ${report.acknowledged.toLocaleString('en')}; lost or changed: ${lost}.`,
  );
  const goals = [
    [`errors: ${allErrors} = 0`, allErrors === 0],
    [`lost saves: ${lost} = 0`, lost === 0],
    [`save p99 ${savesP99.toFixed(1)} ms < 200 ms`, savesP99 < 200],
  ];
  for (const [text, met] of goals) console.log(`${met ? 'met' : 'NOT MET'}: ${text}`);
  for (const [kind, entry] of kinds) {
    if (entry.examples.length) console.log(`  ${kind}: ${entry.examples.slice(0, 3).join('; ')}`);
  }
  if (lost) for (const problem of report.problems.slice(0, 10)) console.log(`  ${problem}`);
} catch (error) {
  failed = true;
  console.error(`\n✗ ${error instanceof Error ? error.stack : String(error)}\n  logs: ${work}`);
} finally {
  await cluster?.stop();
  await database.drop();
  if (!failed) fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
