#!/usr/bin/env node
// `npm run test:durability [-- --db postgres] [--kills 20] [--clients 4] [--seed N]`
//
// No acknowledged save is lost on a crash. Runs the production server on a fresh
// database, lets several signed-in editors autosave in a loop, and `kill -9`s the server
// at random moments, restarting it each time. Afterwards every save the server
// acknowledged must be in the database, whole (as the working copy or the revision of its
// version), and nothing no client sent. Stories scheduled to go out during the outages
// must be published exactly once after the restart. Ends with a graceful SIGTERM, which
// must exit 0. Prints a summary; exits 1 on any failure.
//
// PostgreSQL: against DATABASE_URL's server if set (a fresh database is created there),
// else a throw-away cluster with its durability settings on (scripts/with-postgres.sh).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLedger, runAutosaver } from './lib/autosave-client.mjs';
import { buildIsCurrent, buildOrExit, ROOT } from './lib/build.mjs';
import { createFreshDatabase } from './lib/fresh-database.mjs';
import { startProductionServer } from './lib/production-server.mjs';
import { signIn } from './lib/staff-session.mjs';
import { runTsTool } from './lib/ts-tool.mjs';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    kills: { type: 'string', default: '20' },
    clients: { type: 'string', default: '4' },
    scheduled: { type: 'string', default: '24' },
    seed: { type: 'string' },
  },
});
if (values.db !== 'pglite' && values.db !== 'postgres') {
  console.error('test:durability: --db must be pglite or postgres');
  process.exit(1);
}
const kills = Number(values.kills);
const clientCount = Number(values.clients);
const scheduledCount = Number(values.scheduled);
if (![kills, clientCount, scheduledCount].every((n) => Number.isInteger(n) && n >= 0) || clientCount < 1) {
  console.error('test:durability: --kills, --clients and --scheduled take whole numbers (--clients at least 1)');
  process.exit(1);
}

if (values.db === 'postgres' && !process.env.DATABASE_URL) {
  // A throw-away cluster, with fsync and synchronous commit as in production.
  const run = spawnSync(path.join(ROOT, 'scripts', 'with-postgres.sh'), [process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, WIREDESK_PG_DURABLE: '1' },
  });
  process.exit(run.status ?? 1);
}

if (!buildIsCurrent()) buildOrExit('the durability test runs against a production build');

// A small seeded generator, so a failing run can be repeated with --seed.
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
let state = seed;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (min, max) => min + random() * (max - min);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), `wiredesk-durability-${values.db}-`));
const log = path.join(work, 'server.log');
const database = values.db === 'postgres' ? await createFreshDatabase(process.env.DATABASE_URL, 'durability') : null;
const env = {
  DATABASE_URL: database?.url ?? '',
  WIREDESK_DATA_DIR: path.join(work, 'data'),
  AUTH_SECRET: randomBytes(32).toString('base64'),
  WIREDESK_DEMO: '0',
};
console.log(
  `Durability on ${values.db === 'postgres' ? 'PostgreSQL' : 'the embedded database'}: ${kills} kills, ` +
    `${clientCount} autosaving editors, ${scheduledCount} scheduled stories, seed ${seed}; logs in ${work}`,
);

let failed = false;
let server;
try {
  // The schedule spans the run, so some stories fall due while the server is down.
  const expectedRunMs = 12_000 + kills * 4_500;
  const firstIn = 10_000;
  const step = scheduledCount > 1 ? (expectedRunMs - firstIn) / scheduledCount : 0;
  const scheduleIn = Array.from({ length: scheduledCount }, (_, i) => Math.round(firstIn + i * step));
  const newsroom = runTsTool(
    'scripts/lib/prepare-newsroom.ts',
    [JSON.stringify({ editors: clientCount, scheduleIn })],
    env,
  );

  server = await startProductionServer({ env, log });
  const base = server.base;
  const ledgers = newsroom.editors.map((editor) => createLedger(editor.storyId));
  let stopping = false;
  const cookies = await Promise.all(newsroom.editors.map((editor) => signIn(base, editor.email, editor.password)));
  let clientError = null;
  const loops = newsroom.editors.map((editor, i) =>
    runAutosaver({
      base: () => base,
      cookie: cookies[i],
      story: editor,
      clientId: `client ${i + 1}`,
      ledger: ledgers[i],
      pauseMs: () => between(0, 40),
      shouldStop: () => stopping || clientError !== null,
    }).catch((error) => {
      clientError = error;
    }),
  );

  const outages = [];
  const restartMs = [];
  for (let k = 0; k < kills; k++) {
    await sleep(between(800, 3_500));
    const from = Date.now();
    process.kill(server.pid, 'SIGKILL');
    await server.exited;
    await sleep(between(200, 1_500));
    const restartAt = Date.now();
    server = await startProductionServer({ env, log, port: server.port });
    restartMs.push(Date.now() - restartAt);
    outages.push({ from, restartAt, to: Date.now() });
    process.stdout.write(`  kill ${k + 1}/${kills}: back after ${Date.now() - from} ms\n`);
  }
  // Let whatever was scheduled last fall due and go out, with the editors still typing.
  const lastDue = Math.max(0, ...newsroom.scheduled.map((story) => story.publishAt));
  await sleep(Math.max(2_000, lastDue - Date.now() + 3_000));
  stopping = true;
  await Promise.all(loops);
  if (clientError) throw clientError;
  const stop = await server.stop('SIGTERM');

  const ledgerFile = path.join(work, 'ledger.json');
  fs.writeFileSync(ledgerFile, JSON.stringify({ ledgers, scheduled: newsroom.scheduled, outages }));
  const report = runTsTool('scripts/lib/check-saves.ts', [ledgerFile], env);

  const sum = (pick) => ledgers.reduce((total, ledger) => total + pick(ledger), 0);
  const latencies = ledgers.flatMap((ledger) => ledger.latencies).sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const foreign = ledgers.flatMap((ledger) => ledger.foreign);
  const problems = [...report.problems, ...foreign.map((f) => `text no client sent came back: ${f}`)];
  if (stop.code !== 0) problems.push(`the graceful stop exited with ${stop.code ?? stop.signal}, not 0`);

  const rows = [
    ['database', values.db === 'postgres' ? 'PostgreSQL (fsync on)' : 'embedded (PGlite)'],
    ['kill -9 while saving', kills],
    ['restart to ready, median ms', Math.round(median(restartMs))],
    ['saves acknowledged', report.acknowledged],
    ['acknowledged saves missing or changed', report.problems.filter((p) => p.includes('acknowledged')).length],
    ['saves cut off by a kill (sent, no answer)', sum((l) => l.cutOff)],
    ['… of those, committed before the kill (resent: "no change")', sum((l) => l.committedUnacknowledged)],
    ['text in the database no client sent', foreign.length],
    [
      'scheduled stories published exactly once',
      `${report.scheduled - report.problems.filter((p) => p.startsWith('scheduled')).length} of ${report.scheduled}`,
    ],
    ['… due while the server was down', report.dueDuringOutage],
    ['… latest, ms after the restarted server was launched', Math.round(report.maxAfterRestartMs)],
    ['acknowledged save p50 / p99 ms', `${pick(0.5).toFixed(0)} / ${pick(0.99).toFixed(0)}`],
    ['graceful stop (SIGTERM) exit code', stop.code ?? stop.signal],
    ['run time', `${Math.round((Date.now() - started) / 1000)} s`],
  ];
  console.log('\n| durability | result |\n|---|---:|');
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
  if (problems.length > 0) {
    failed = true;
    console.error(`\n✗ ${problems.length} problem(s):`);
    for (const problem of problems.slice(0, 30)) console.error(`  ${problem}`);
  } else {
    console.log(`\n✓ every acknowledged save survived ${kills} kills; every scheduled story went out once.`);
  }
} catch (error) {
  failed = true;
  console.error(`\n✗ ${error instanceof Error ? error.stack : String(error)}\n  server log: ${log}`);
} finally {
  if (server) await server.stop('SIGKILL');
  await database?.drop();
  if (!failed) fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
