#!/usr/bin/env node
// `npm run test:scale-out`: three production instances on one PostgreSQL behind nginx
// (deploy/nginx/wiredesk.conf), and the promises "Running in production" makes about
// them, checked end to end:
//   - one scheduler leader; when it is killed another takes over within seconds, and a
//     story due meanwhile goes out once;
//   - a story published in a browser on one instance is on every instance's cached pages
//     within a second (LISTEN/NOTIFY invalidation);
//   - an edit lock taken through one instance is seen through another;
//   - two people in one story on two instances see each other's typing and presence
//     live (LISTEN/NOTIFY), a third page through nginx's WebSocket route too, and the
//     working copy has everyone's words;
//   - an image uploaded through one instance is served by the others (shared media);
//   - the same wire file sent to two instances is stored once;
//   - request ids pass through nginx both ways and reach the instance's log;
//   - a SIGTERM'd instance finishes its save, and readers through nginx see no error.
// PostgreSQL: DATABASE_URL's server if set (a fresh database there), else a throw-away
// cluster (scripts/with-postgres.sh). Exits 1 on the first failed check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import sharp from 'sharp';
import { createLedger, EDIT_SESSION_HEADER, newEditSession, runAutosaver } from './lib/autosave-client.mjs';
import { buildIsCurrent, buildOrExit, ROOT } from './lib/build.mjs';
import { CHROMIUM_ARGS, ensureChromium } from './lib/chromium.mjs';
import { startCluster } from './lib/cluster.mjs';
import { createFreshDatabase } from './lib/fresh-database.mjs';
import { ensureNginx } from './lib/nginx.mjs';
import { signIn } from './lib/staff-session.mjs';
import { runTsTool } from './lib/ts-tool.mjs';

if (!process.env.DATABASE_URL) {
  const run = spawnSync(path.join(ROOT, 'scripts', 'with-postgres.sh'), [process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}
ensureNginx();
const chromiumPath = await ensureChromium();
if (!buildIsCurrent()) buildOrExit('the scale-out test runs against a production build');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-scale-out-'));
const database = await createFreshDatabase(process.env.DATABASE_URL, 'scale_out');
const started = Date.now();
const results = [];
let cluster;
let browser;
let failed = false;

/** Records a check; throws (ending the run) if it failed. */
function check(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) throw new Error(`check failed: ${name}`);
}

async function readiness(server) {
  try {
    return await (await fetch(`${server.base}/readyz`)).json();
  } catch {
    return null;
  }
}

async function leaders() {
  const answers = await Promise.all(cluster.servers.map(readiness));
  return cluster.servers.filter((_, i) => answers[i]?.scheduler === 'leader');
}

async function waitFor(what, timeoutMs, test) {
  const since = Date.now();
  for (;;) {
    const value = await test();
    if (value) return { value, ms: Date.now() - since };
    if (Date.now() - since > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(25);
  }
}

try {
  const newsroom = runTsTool(
    'scripts/lib/prepare-newsroom.ts',
    [JSON.stringify({ editors: 2, published: 6, inReview: 2, token: true })],
    { DATABASE_URL: database.url, WIREDESK_DATA_DIR: path.join(work, 'prepare') },
  );
  cluster = await startCluster({ work, databaseUrl: database.url, instances: 3 });
  const [a, b, c] = cluster.servers;
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  console.log(
    `Three instances (${cluster.servers.map((s) => s.port).join(', ')}) behind nginx at ${cluster.publicBase}`,
  );

  // ── One scheduler leader, by advisory lock ─────────────────────────────────────────
  const { value: first } = await waitFor('a scheduler leader', 10_000, async () => {
    const found = await leaders();
    return found.length === 1 ? found : null;
  });
  const holders = await sql`
    select count(*)::int as n from pg_locks where locktype = 'advisory' and granted
      and ((classid::bigint << 32) | objid::bigint) = 7281203313`;
  check('exactly one instance leads the scheduler', holders[0].n === 1, `port ${first[0].port}`);

  // ── A publish in a browser on one instance reaches every instance's cache ─────────
  const { chromium } = await import('@playwright/test');
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
  const page = await browser.newPage();
  const editor = newsroom.editors[0];
  await page.goto(`${b.base}/login`);
  await page.getByLabel('Email').fill(editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();

  /** Publishes `story` in the browser on instance b; ms until every instance's cached pages show it. */
  async function publishAndWatch(story) {
    const sectionPath = `/${story.section}`;
    const headline = `Waiting for an editor ${newsroom.inReview.indexOf(story) + 1}`;
    // Every instance caches the section page and the front page without the story first.
    for (const server of cluster.servers) {
      for (const path_ of [sectionPath, '/']) {
        const html = await (await fetch(`${server.base}${path_}`)).text();
        if (html.includes(headline)) throw new Error('the story is public before it was published');
      }
    }
    await page.goto(`${b.base}/desk/stories/${story.id}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status', { name: 'Story state' }).filter({ hasText: 'Published' }).waitFor();
    const publishedAt = Date.now();
    return Promise.all(
      cluster.servers.map((server) =>
        waitFor(`the story on ${server.port}`, 5_000, async () => {
          const [section, home] = await Promise.all(
            [sectionPath, '/'].map(async (p) => (await fetch(`${server.base}${p}`)).text()),
          );
          return section.includes(headline) && home.includes(headline);
        }).then(() => Date.now() - publishedAt),
      ),
    );
  }
  // Each instance re-renders both pages after the drop; on a shared machine under heavy
  // load (other jobs) that alone can pass a second, so a slow first try gets one more,
  // and both are reported.
  const attempts = [await publishAndWatch(newsroom.inReview[0])];
  if (Math.max(...attempts[0]) > 1000) attempts.push(await publishAndWatch(newsroom.inReview[1]));
  check(
    'a story published on one instance is on every instance’s cached pages within 1 s',
    Math.max(...attempts.at(-1)) <= 1000,
    attempts.map((seen) => seen.map((ms) => `${ms} ms`).join(', ')).join('; then ') +
      ` after the click (load average ${os.loadavg()[0].toFixed(1)})`,
  );
  const story = newsroom.inReview[attempts.length - 1];
  let throughNginx = 0;
  for (let i = 0; i < 12; i++) {
    const response = await fetch(`${cluster.publicBase}${story.path}`);
    const expected = `Waiting for an editor ${attempts.length}`;
    if (response.status === 200 && (await response.text()).includes(expected)) throughNginx++;
  }
  check('readers through nginx get the article, whichever instance answers', throughNginx === 12, `${throughNginx}/12`);

  // ── Locks across instances ─────────────────────────────────────────────────────────
  const [one, two] = newsroom.editors;
  const cookieOne = await signIn(a.base, one.email, one.password);
  const cookieTwo = await signIn(c.base, two.email, two.password);
  const claim = await fetch(`${a.base}/api/stories/${one.storyId}/lock`, {
    method: 'POST',
    headers: {
      cookie: cookieOne,
      origin: a.base,
      'content-type': 'application/json',
      [EDIT_SESSION_HEADER]: newEditSession(),
    },
    body: '{}',
  });
  const claimed = await claim.json();
  const seenElsewhere = await (
    await fetch(`${c.base}/api/stories/${one.storyId}/lock`, {
      headers: { cookie: cookieTwo, [EDIT_SESSION_HEADER]: newEditSession() },
    })
  ).json();
  check(
    'an edit lock taken through one instance is seen through another',
    claimed.status === 'mine' && seenElsewhere.status === 'held' && seenElsewhere.holder?.name === 'Editor 1',
    `${claimed.status} on ${a.port}, ${seenElsewhere.status} by ${seenElsewhere.holder?.name} on ${c.port}`,
  );

  // ── Live editing across instances ─────────────────────────────────────────────────
  const storyBody = (p) => p.getByRole('textbox', { name: 'Story body' });
  const livePage = async (context, base, who) => {
    const p = await context.newPage();
    if (who) {
      await p.goto(`${base}/login`);
      await p.getByLabel('Email').fill(who.email);
      await p.getByLabel('Password').fill(who.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('button', { name: 'Sign out' }).waitFor();
    }
    await p.goto(`${base}/desk/stories/${one.storyId}`);
    await p.locator('[aria-label="Story body"][contenteditable="true"]').waitFor({ timeout: 20_000 });
    return p;
  };
  const firstContext = await browser.newContext();
  const onA = await livePage(firstContext, a.base, one);
  const secondContext = await browser.newContext();
  const onC = await livePage(secondContext, c.base, two);
  await storyBody(onA).click();
  await onA.keyboard.press('Control+End');
  await onA.keyboard.type(' Typed on one instance.');
  const { ms: relayMs } = await waitFor('typing from instance a on instance c', 5_000, async () =>
    (await storyBody(onC).textContent())?.includes('Typed on one instance.'),
  );
  await storyBody(onC).click();
  await onC.keyboard.press('Control+End');
  await onC.keyboard.type(' Answered on another.');
  await waitFor('typing from instance c on instance a', 5_000, async () =>
    (await storyBody(onA).textContent())?.includes('Answered on another.'),
  );
  const presence = await onA.getByRole('region', { name: 'Editing' }).textContent();
  const throughProxy = await livePage(secondContext, cluster.publicBase);
  const proxied = await waitFor('the text through nginx', 10_000, async () =>
    (await storyBody(throughProxy).textContent())?.includes('Answered on another.'),
  );
  const { ms: savedMs } = await waitFor('the working copy', 20_000, async () => {
    const [row] = await sql`select body_text from stories where id = ${one.storyId}`;
    return row.body_text.includes('Typed on one instance.') && row.body_text.includes('Answered on another.');
  });
  check(
    'two people on two instances type into one story: each sees the other live, through nginx too, and the working copy has both',
    relayMs <= 1000 && presence?.includes('Editor 2 is editing') && proxied.value,
    `a → c in ${relayMs} ms; presence “${presence}”; in the working copy ${savedMs} ms after`,
  );
  await secondContext.close();
  await firstContext.close();

  // ── Shared media ───────────────────────────────────────────────────────────────────
  const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  const upload = await fetch(`${a.base}/api/media`, {
    method: 'POST',
    headers: { cookie: cookieOne, origin: a.base, 'content-type': 'image/png' },
    body: png,
  });
  const uploaded = await upload.json();
  const original = await fetch(`${b.base}/media/${uploaded.id}`);
  const originalBytes = Buffer.from(await original.arrayBuffer());
  const variant = await fetch(`${c.base}/media/${uploaded.id}/w320`);
  await variant.arrayBuffer();
  check(
    'an image uploaded through one instance is served by the others',
    upload.status === 201 && original.status === 200 && originalBytes.equals(png) && variant.status === 200,
    `upload ${upload.status} on ${a.port}; original ${original.status} on ${b.port}; 320 px variant ${variant.status} on ${c.port}`,
  );

  // ── Wire ingest: the same file through two instances is stored once ───────────────
  const wireDir = path.join(ROOT, 'lib', 'wire', 'fixtures', 'newsml-g2');
  const wire = fs.readFileSync(
    path.join(
      wireDir,
      fs
        .readdirSync(wireDir)
        .filter((f) => f.endsWith('.xml'))
        .sort()[0],
    ),
  );
  const post = (server) =>
    fetch(`${server.base}/api/wire`, {
      method: 'POST',
      headers: { authorization: `Bearer ${newsroom.token}`, 'x-filename': 'scale-out.xml' },
      body: wire,
    }).then((r) => r.json());
  const [firstWire, secondWire] = [await post(a), await post(b)];
  check(
    'the same wire file sent to two instances is stored once',
    firstWire.status !== 'duplicate' && secondWire.status === 'duplicate' && firstWire.id === secondWire.id,
    `${firstWire.status}, then ${secondWire.status}`,
  );

  // ── Request ids through nginx ──────────────────────────────────────────────────────
  const given = `scale-out-${Date.now()}`;
  const echoed = (await fetch(`${cluster.publicBase}/login`, { headers: { 'x-request-id': given } })).headers.get(
    'x-request-id',
  );
  const made = (await fetch(`${cluster.publicBase}/login`)).headers.get('x-request-id');
  // Log lines go out in batches (at most 200 ms late): wait for them, up to 3 s.
  const logged = await waitFor('the request ids in the instance logs', 3000, async () => {
    const logs = cluster.servers.map((_, i) => fs.readFileSync(cluster.logOf(i), 'utf8')).join('\n');
    return logs.includes(`"reqId":"${given}"`) && logs.includes(`"reqId":"${made}"`);
  }).then(
    () => true,
    () => false,
  );
  check(
    'request ids pass through nginx both ways and reach the instance log',
    echoed === given && /^[0-9a-f]{32}$/.test(made ?? '') && logged,
    `kept ${echoed}; made ${made}`,
  );

  // ── Leader failover ────────────────────────────────────────────────────────────────
  const leader = first[0];
  const leaderIndex = cluster.servers.indexOf(leader);
  const killedAt = Date.now();
  process.kill(leader.pid, 'SIGKILL');
  await leader.exited;
  const { ms: failoverMs } = await waitFor('a new leader', 10_000, async () => {
    const found = await leaders();
    return found.length === 1 && found[0] !== leader ? found : null;
  });
  check(
    'when the leader is killed another instance leads within 5 s',
    failoverMs <= 5000,
    `${Date.now() - killedAt} ms`,
  );
  // A story due now is published by the new leader, once.
  const scheduledNow = runTsTool('scripts/lib/prepare-newsroom.ts', [JSON.stringify({ scheduleIn: [1500] })], {
    DATABASE_URL: database.url,
    WIREDESK_DATA_DIR: path.join(work, 'prepare-2'),
  }).scheduled[0];
  await waitFor('the scheduled story', 10_000, async () => {
    const [row] = await sql`select state::text from stories where id = ${scheduledNow.id}`;
    return row.state === 'published';
  });
  await cluster.restart(leaderIndex);
  await sleep(2500);
  const [pubs] = await sql`select count(*)::int as n from story_publications where story_id = ${scheduledNow.id}`;
  const after = await leaders();
  check(
    'a story due after the failover goes out once; the restarted instance follows',
    pubs.n === 1 && after.length === 1 && after[0] !== cluster.servers[leaderIndex],
    `${pubs.n} publication, leader on ${after[0]?.port}`,
  );

  // ── Graceful stop of one instance under traffic ───────────────────────────────────
  const victim = cluster.servers[(leaderIndex + 1) % 3];
  const victimIndex = cluster.servers.indexOf(victim);
  const ledger = createLedger(two.storyId);
  let stop = false;
  // A save going straight to the instance being stopped, and readers through nginx.
  const saving = runAutosaver({
    base: () => victim.base,
    cookie: await signIn(victim.base, two.email, two.password),
    story: two,
    clientId: 'draining',
    ledger,
    pauseMs: () => 0,
    shouldStop: () => stop,
  }).catch((error) => error);
  let readerErrors = 0;
  let readerRequests = 0;
  const reading = (async () => {
    while (!stop) {
      readerRequests++;
      const response = await fetch(`${cluster.publicBase}${newsroom.published[readerRequests % 6].path}`).catch(
        () => null,
      );
      if (!response || response.status !== 200) readerErrors++;
      await response?.arrayBuffer();
    }
  })();
  await sleep(1500);
  const acksBefore = ledger.acks.length - 1;
  const exit = await victim.stop('SIGTERM');
  await sleep(1000);
  stop = true;
  await reading;
  await saving;
  const [row] = await sql`select version from stories where id = ${two.storyId}`;
  const lastAck = ledger.acks.at(-1)?.version ?? 0;
  check(
    'a SIGTERM’d instance answers its last save and exits 0; readers through nginx see no error',
    exit.code === 0 && readerErrors === 0 && ledger.acks.length > acksBefore && row.version >= lastAck,
    `exit ${exit.code}, ${readerErrors} errors in ${readerRequests} reads, last acknowledged version ${lastAck}, stored ${row.version}`,
  );
  await cluster.restart(victimIndex);
  await sql.end();
} catch (error) {
  failed = true;
  console.error(`\n✗ ${error instanceof Error ? error.stack : String(error)}\n  logs: ${work}`);
} finally {
  await browser?.close();
  await cluster?.stop();
  await database.drop();
  if (!failed) fs.rmSync(work, { recursive: true, force: true });
}
console.log(
  `\n${results.filter((r) => r.ok).length} of ${results.length} scale-out checks passed in ${Math.round((Date.now() - started) / 1000)} s.`,
);
process.exit(failed ? 1 : 0);
