#!/usr/bin/env node
// Authoring benchmark, against the production build on the embedded database (the desk
// benchmark's generator fills it with N stories first):
// - the editor page's client JavaScript (every <script src> it loads, gzipped), against
//   the login page's (Next.js runtime only) as the baseline;
// - the API save round trip (POST /api/stories/{id}/save, a real change each time, on a
//   ~900-word story), against the lock heartbeat (POST …/lock: an authenticated request
//   with a one-row write) as the baseline; twice: on a story nobody has open (what an API
//   client meets) and on one open live (its page rendered: every save is also written into
//   the live document, docs/decisions/013-real-time-co-editing.md).
//   node bench/authoring.mjs [stories=10000] [saves=300]
import fs from 'node:fs';
import os from 'node:os';
import { EDIT_SESSION_HEADER, newEditSession } from '../scripts/lib/autosave-client.mjs';
import { buildIsCurrent, buildOrExit } from '../scripts/lib/build.mjs';
import {
  generateStoriesDataDir,
  pageJavaScript,
  percentiles,
  signIn,
  startBenchServer,
  timeRequest,
} from './lib/server.mjs';

const storyCount = Number(process.argv[2] ?? 10_000);
const saves = Number(process.argv[3] ?? 300);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

const { dataDir, env } = generateStoriesDataDir(storyCount, 'authoring');

const SENTENCE =
  'The harbour authority said the ferries would resume once the storm had passed, and that passengers should check before travelling.';
// About 900 words in 40 paragraphs with two crossheads: a long news story.
function storyBody(extraWords) {
  const paragraph = (i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `${SENTENCE} ${SENTENCE}${i === 39 ? ` ${extraWords}` : ''}` }],
  });
  const content = [];
  for (let i = 0; i < 40; i++) {
    if (i === 12 || i === 26)
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Crosshead' }] });
    content.push(paragraph(i));
  }
  return { type: 'doc', content };
}

const server = await startBenchServer(env);
const { base } = server;
try {
  const cookie = await signIn(base, 'editor@wiredesk.test', 'wiredesk-demo');
  // One editing session (as one editor page is): the lock and the saves name it.
  const json = { cookie, origin: base, 'content-type': 'application/json', [EDIT_SESSION_HEADER]: newEditSession() };
  const list = await timeRequest(`${base}/desk/stories?state=draft`, { headers: { cookie } });
  const [storyId, closedId] = [...list.body.matchAll(/href="\/desk\/stories\/(\d+)"/g)].map((m) => Number(m[1]));
  if (!storyId || !closedId || storyId === closedId) throw new Error('not two drafts in the desk list');
  const versions = new Map();
  const texts = new Map();

  const heartbeat = () =>
    timeRequest(`${base}/api/stories/${storyId}/lock`, { method: 'POST', headers: json, body: '{}' });
  const claimed = await heartbeat();
  if (!claimed.body.includes('"mine"')) throw new Error(`lock not taken: ${claimed.body}`);

  // The live story: its page is rendered (which opens its live document).
  const page = await timeRequest(`${base}/desk/stories/${storyId}`, { headers: { cookie } });
  versions.set(storyId, Number(/Version (?:<!-- -->)?(\d+)/.exec(page.body)?.[1]));
  if (!versions.get(storyId)) throw new Error('no version on the story page');
  // The other story's version, without opening its page: a stale save answers with it.
  const probe = await timeRequest(`${base}/api/stories/${closedId}/save`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ headline: 'x', slug: 'x', sectionId: 1, body: storyBody(''), baseVersion: 999_999 }),
  });
  versions.set(closedId, JSON.parse(probe.body).theirs?.version);
  if (!versions.get(closedId)) throw new Error(`no version for the closed story: ${probe.body}`);

  const saveTo = async (id, word) => {
    const typed = `${texts.get(id) ?? ''} ${word}`;
    texts.set(id, typed);
    const result = await timeRequest(`${base}/api/stories/${id}/save`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        headline: 'Ferries halted as storm closes the strait',
        standfirst: 'Crossings will resume once the wind drops, the harbour authority said.',
        slug: `bench-autosave-${id}`,
        dateline: 'DOVER',
        sectionId: 1,
        body: storyBody(typed),
        baseVersion: versions.get(id),
      }),
    });
    const answer = JSON.parse(result.body);
    if (answer.status !== 'saved' || !answer.changed) throw new Error(`save refused: ${result.body}`);
    versions.set(id, answer.version);
    return result.ms;
  };

  for (let i = 0; i < 20; i++) {
    await saveTo(closedId, `warm${i}`);
    await saveTo(storyId, `warm${i}`);
    await heartbeat();
  }
  const closedMs = [];
  const saveMs = [];
  const heartbeatMs = [];
  // Interleaved, so all three see the same machine load.
  for (let i = 0; i < saves; i++) {
    closedMs.push(await saveTo(closedId, `word${i}`));
    saveMs.push(await saveTo(storyId, `word${i}`));
    heartbeatMs.push((await heartbeat()).ms);
  }
  const closed = percentiles(closedMs);
  const autosave = percentiles(saveMs);
  const baseline = percentiles(heartbeatMs);

  const editorJs = await pageJavaScript(base, `/desk/stories/${storyId}`, { cookie });
  const loginJs = await pageJavaScript(base, '/login');
  const kb = (bytes) => (bytes / 1024).toFixed(0);

  console.log(
    `\nAuthoring on the embedded database with ${storyCount.toLocaleString('en')} stories, ${saves} saves of a ~900-word story, ${os.cpus().length} cores\n`,
  );
  console.log('| request | p50 ms | p95 ms | p50 × baseline |');
  console.log('|---|---:|---:|---:|');
  console.log(`| lock heartbeat (baseline) | ${baseline.p50.toFixed(1)} | ${baseline.p95.toFixed(1)} | 1.0 |`);
  console.log(
    `| API save, story not open live | ${closed.p50.toFixed(1)} | ${closed.p95.toFixed(1)} | ${(closed.p50 / baseline.p50).toFixed(1)} |`,
  );
  console.log(
    `| API save, story open live | ${autosave.p50.toFixed(1)} | ${autosave.p95.toFixed(1)} | ${(autosave.p50 / baseline.p50).toFixed(1)} |`,
  );
  console.log('\n| page | script files | JS KB | JS KB gzip | × login |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| /login (Next.js runtime, baseline) | ${loginJs.files} | ${kb(loginJs.raw)} | ${kb(loginJs.gzip)} | 1.0 |`,
  );
  console.log(
    `| story editor | ${editorJs.files} | ${kb(editorJs.raw)} | ${kb(editorJs.gzip)} | ${(editorJs.gzip / loginJs.gzip).toFixed(1)} |`,
  );
  const goals = [
    [`editor page JS ${kb(editorJs.gzip)} KB gzip < 300 KB`, editorJs.gzip < 300 * 1024],
    [
      `API save p95 ${closed.p95.toFixed(1)} ms (not live), ${autosave.p95.toFixed(1)} ms (live) < 100 ms`,
      autosave.p95 < 100 && closed.p95 < 100,
    ],
  ];
  console.log('');
  for (const [text, met] of goals) console.log(`${met ? 'met' : 'NOT MET'}: ${text}`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
