#!/usr/bin/env node
// Authoring benchmark, against the production build on the embedded database (the desk
// benchmark's generator fills it with N stories first):
// - the editor page's client JavaScript (every <script src> it loads, gzipped), against
//   the login page's (Next.js runtime only) as the baseline;
// - the autosave round trip (POST /api/stories/{id}/save, a real change each time, on a
//   ~900-word story), against the lock heartbeat (POST …/lock: an authenticated request
//   with a one-row write) as the baseline.
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
  const storyId = Number(/href="\/desk\/stories\/(\d+)"/.exec(list.body)?.[1]);
  if (!storyId) throw new Error('no draft in the desk list');

  const heartbeat = () =>
    timeRequest(`${base}/api/stories/${storyId}/lock`, { method: 'POST', headers: json, body: '{}' });
  const claimed = await heartbeat();
  if (!claimed.body.includes('"mine"')) throw new Error(`lock not taken: ${claimed.body}`);

  let version = 0;
  const page = await timeRequest(`${base}/desk/stories/${storyId}`, { headers: { cookie } });
  version = Number(/Version (?:<!-- -->)?(\d+)/.exec(page.body)?.[1]);
  if (!version) throw new Error('no version on the story page');
  let typed = '';
  const save = async (word) => {
    typed += ` ${word}`;
    const result = await timeRequest(`${base}/api/stories/${storyId}/save`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        headline: 'Ferries halted as storm closes the strait',
        standfirst: 'Crossings will resume once the wind drops, the harbour authority said.',
        slug: `bench-autosave-${storyId}`,
        dateline: 'DOVER',
        sectionId: 1,
        body: storyBody(typed),
        baseVersion: version,
      }),
    });
    const answer = JSON.parse(result.body);
    if (answer.status !== 'saved' || !answer.changed) throw new Error(`save refused: ${result.body}`);
    version = answer.version;
    return result.ms;
  };

  for (let i = 0; i < 20; i++) {
    await save(`warm${i}`);
    await heartbeat();
  }
  const saveMs = [];
  const heartbeatMs = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < saves; i++) {
    saveMs.push(await save(`word${i}`));
    heartbeatMs.push((await heartbeat()).ms);
  }
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
    `| autosave round trip | ${autosave.p50.toFixed(1)} | ${autosave.p95.toFixed(1)} | ${(autosave.p50 / baseline.p50).toFixed(1)} |`,
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
    [`autosave p95 ${autosave.p95.toFixed(1)} ms < 100 ms`, autosave.p95 < 100],
  ];
  console.log('');
  for (const [text, met] of goals) console.log(`${met ? 'met' : 'NOT MET'}: ${text}`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
