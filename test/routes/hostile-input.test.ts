// Hostile input, sent to every form and API field of the production server: script and
// markup, SQL metacharacters, 10 MB fields, text that cannot be stored, wrong JSON types,
// path traversal, and hostile wire files and images. Every answer must be a success or a
// 4xx with a message (never a 500); text that is legitimate must be stored exactly as
// typed; refused input must leave nothing behind; and nothing may run in a real browser,
// on the public site or in the desk.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { and, count, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { createStaff, walkStory } from '@/db/factories';
import { adminEvents, apiTokens, stories, storyComments, storyRevisions, users, wireFiles } from '@/db/schema';
import { IDLE } from '@/lib/action-result';
import { createStory } from '@/lib/stories/create-story';
import { addStoryNote } from '@/lib/stories/story-notes';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { UNSTORABLE_TEXT } from '@/lib/validation';
import { unpackWireBytes } from '@/lib/wire/stored-bytes';
import { CHROMIUM_ARGS } from '@/scripts/lib/chromium.mjs';
import { newsmlG2Item } from '@/test/wire-documents';
import { Fixtures, pngBytes, type Staff } from './fixtures';
import {
  compactCorpus,
  ENCODING_VALUES,
  fullCorpus,
  HUGE_VALUES,
  INVALID_UTF8,
  textCorpus,
  TRAVERSAL_VALUES,
  TYPE_VALUES,
  XSS_PAYLOADS,
  type HostileValue,
} from './hostile-corpus';
import { actionResult, callAction, form, send, signIn, startServer, type Answer, type Server } from './http';

const dataDir = process.env.WIREDESK_ROUTES_DATA_DIR!;
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: Server | undefined;
let fixtures: Fixtures;
let editor: Staff;
let editorCookie = '';
let adminCookie = '';
let token = '';

/** One hostile request and what came of it. */
type Probe = {
  target: string;
  field: string;
  input: HostileValue;
  answer?: Answer;
  /** For accepted text: where it must now be, exactly. */
  stored?: { check: 'revision' | 'story' | 'note' | 'user' | 'token'; id: number; column: string; expected: string };
};
const probes: Probe[] = [];
let initialCounts: Record<string, number> = {};
let lastStoryBefore = 0;
let unexplainedStories: string[] = [];
let finalCounts: Record<string, number> = {};
let storedMismatches: string[] = [];
let wireLosses: string[] = [];
const browserFindings: string[] = [];
const pagesChecked: string[] = [];
let shownPayloads = 0;

/** A field name with a value: what a form would send, stringified the way a browser does. */
const asFormText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
/** A path or query part: percent-encoded, with unpaired surrogates sent as the raw bytes they would be. */
const urlPart = (text: string) =>
  Array.from(text) // by code point: an unpaired surrogate comes out alone
    .map((ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
    .join('');
/** Text a field must keep as typed (after trimming), when the field accepts it at all. */
const storable = (value: unknown) => typeof value === 'string' && !UNSTORABLE_TEXT.test(value);

/** Whether an answer is an acceptable refusal: 4xx with words in it, or a form error. */
function problemWith(probe: Probe): string | null {
  const answer = probe.answer!;
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status >= 400) {
    const body = answer.text.trim();
    if (body.length < 5) return `answered ${answer.status} with no message`;
    return null;
  }
  return null;
}

async function counts(): Promise<Record<string, number>> {
  const db = await getDb();
  const tables = { stories, revisions: storyRevisions, notes: storyComments, users, tokens: apiTokens, adminEvents };
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables))
    result[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return result;
}

/** The payload stories' public and desk addresses, for the browser check. */
const payloadPages: { article: string; story: number }[] = [];

beforeAll(async () => {
  fixtures = await Fixtures.create();
  editor = fixtures.staff.editor;
  const { token: apiToken } = await fixtures.apiToken();
  token = apiToken;
  // Every script payload in every text field of a published story — headline,
  // standfirst, dateline, paragraphs, a note — and in a byline's name: a dozen stories,
  // eight or so payloads each, for the browser check below.
  const writer = await createStaff({ role: 'reporter', name: `Mal ${XSS_PAYLOADS[3]}`, email: 'mal@routes.test' });
  const payloads = XSS_PAYLOADS.filter(storable);
  const GROUPS = 12;
  for (let group = 0; group < GROUPS; group++) {
    const mine = payloads.filter((_, i) => i % GROUPS === group);
    // As many as fit a headline (300) and a standfirst (1,000); all of them in the body.
    const fit = (limit: number, prefix: string) => {
      let text = prefix;
      for (const payload of mine) if (text.length + payload.length + 1 <= limit) text += ` ${payload}`;
      return text;
    };
    const { id, slug } = await createStory(writer, {
      headline: fit(300, `Story ${group + 1}`),
      standfirst: fit(1000, 'Standfirst'),
      dateline: mine.find((payload) => payload.length <= 100) ?? 'Dateline',
      sectionId: fixtures.sectionId,
      body: storyBodyFromParagraphs(mine.flatMap((payload) => [`Paragraph ${payload}`, payload])),
    });
    for (const payload of mine) await addStoryNote(editor, id, { body: `Note ${payload}` });
    await walkStory(id, [
      { by: writer, action: 'submit', at: new Date() },
      { by: editor, action: 'publish', at: new Date() },
    ]);
    payloadPages.push({ article: `/world/${slug}`, story: id });
  }
  initialCounts = await counts();
  lastStoryBefore = (
    await (await getDb()).select({ id: stories.id }).from(stories).orderBy(desc(stories.id)).limit(1)
  )[0]!.id;
  await closeDb();

  server = await startServer(dataDir);
  editorCookie = await signIn(server.base, editor.email, editor.password);
  adminCookie = await signIn(server.base, fixtures.staff.admin.email, fixtures.staff.admin.password);
}, 900_000);

afterAll(async () => {
  await server?.stop();
});

// The story every save probe writes to, and its version as the server last said.
const saveTarget = { id: 0, version: 0 };

async function saveProbe(field: string, input: HostileValue, body?: unknown): Promise<Probe> {
  const draft = await currentDraft();
  const payload = body ?? { ...draft, [field]: input.value };
  const probe: Probe = { target: 'POST /api/stories/[id]/save', field, input };
  probe.answer = await send(server!.base, editorCookie, {
    method: 'POST',
    path: `/api/stories/${saveTarget.id}/save`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (probe.answer.status === 200) {
    const saved = JSON.parse(probe.answer.text) as { version: number; changed: boolean };
    if (saved.changed && (field === 'headline' || field === 'standfirst') && storable(input.value)) {
      probe.stored = {
        check: 'revision',
        id: saveTarget.id,
        column: `${saved.version}:${field}`,
        expected: (input.value as string).trim(),
      };
    }
    if (saved.changed && field === 'paragraph' && storable(input.value)) {
      probe.stored = {
        check: 'revision',
        id: saveTarget.id,
        column: `${saved.version}:bodyText`,
        expected: input.value as string,
      };
    }
    saveTarget.version = saved.version;
    lastDraft = { ...payload, baseVersion: saved.version };
  }
  return probe;
}

let lastDraft: Record<string, unknown> | undefined;
async function currentDraft(): Promise<Record<string, unknown>> {
  return { ...lastDraft!, baseVersion: saveTarget.version };
}

/** Runs the probes `width` at a time, keeping every result. */
async function runConcurrently(tasks: (() => Promise<Probe | null>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const probe = await tasks[next++]!();
      if (probe) probes.push(probe);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

const timings: string[] = [];

// Fields people type prose into get the whole corpus; ids, choices, times and passwords
// the compact one (hostile-corpus.ts).
const TEXT_FIELDS = new Set([
  'createStoryAction headline',
  'createStoryAction standfirst',
  'createStoryAction slug',
  'createStoryAction dateline',
  'addNoteAction body',
  'transitionStoryAction note',
  'changeOwnNameAction name',
  'addUserAction name',
  'addUserAction email',
  'createApiTokenAction name',
]);
const COMPACT = new Set(compactCorpus().map((input) => input.label));

/** A server action to call: where it lives, its name, the page it is called from, its arguments. */
type ActionCall = { file: string; name: string; page: string; args: unknown[] };

async function actionProbe(
  field: string,
  input: HostileValue,
  call: ActionCall,
  cookie = editorCookie,
): Promise<Probe | null> {
  const target = call.name;
  if (!TEXT_FIELDS.has(`${target} ${field}`) && !COMPACT.has(input.label)) return null;
  const probe: Probe = { target, field, input };
  probe.answer = await callAction(server!.base, cookie, call);
  return probe;
}

describe('hostile input', () => {
  beforeAll(async () => {
    const base = server!.base;
    // The save API: every field of the working copy, and text inside the body.
    const story = await send(base, editorCookie, {
      method: 'GET',
      path: '/desk/stories/new',
    });
    expect(story.status).toBe(200);
    saveTarget.id = await fixtures_storyForSaves();
    // Saves build on one another (each names the version it starts from), so they go one
    // at a time; everything else is independent and runs a few at once beside them.
    const tasks: (() => Promise<Probe | null>)[] = [];
    let unique = 0;
    const runSaves = async () => {
      for (const field of [
        'headline',
        'standfirst',
        'slug',
        'dateline',
        'sectionId',
        'authorIds',
        'baseVersion',
        'body',
      ]) {
        for (const input of fullCorpus()) {
          if (!['headline', 'standfirst', 'slug', 'dateline'].includes(field) && !COMPACT.has(input.label)) continue;
          probes.push(await saveProbe(field, input));
        }
      }
      for (const input of textCorpus()) {
        const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: input.value }] }] };
        const draft = await currentDraft();
        probes.push(await saveProbe('paragraph', input, { ...draft, body }));
        const link = {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: input.value } }] }],
            },
          ],
        };
        probes.push(await saveProbe('link href', input, { ...(await currentDraft()), body: link }));
        const image = {
          type: 'doc',
          content: [
            {
              type: 'image',
              attrs: {
                mediaId: input.value,
                width: 10,
                height: 10,
                alt: input.value,
                caption: input.value,
                credit: input.value,
              },
            },
          ],
        };
        probes.push(await saveProbe('image attributes', input, { ...(await currentDraft()), body: image }));
      }
      for (const bad of INVALID_UTF8) {
        const probe: Probe = {
          target: 'POST /api/stories/[id]/save',
          field: 'raw body',
          input: { kind: 'encoding', label: bad.label, value: bad.label },
        };
        const prefix = new TextEncoder().encode(`{"headline":"`);
        const suffix = new TextEncoder().encode(`"}`);
        probe.answer = await send(base, editorCookie, {
          method: 'POST',
          path: `/api/stories/${saveTarget.id}/save`,
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat([prefix, bad.bytes, suffix]),
        });
        probes.push(probe);
      }
    };

    // Server actions: every field of every desk form. `call(file, page)` names where an
    // action lives and the page it is called from; the result names the action and its arguments.
    const call =
      (file: string, page: string) =>
      (name: string, args: unknown[]): ActionCall => ({ file, name, page, args });
    const queue = (field: string, input: HostileValue, action: ActionCall, cookie = editorCookie) =>
      tasks.push(() => actionProbe(field, input, action, cookie));
    const STORIES = 'app/desk/stories/actions.ts';
    const sectionId = String(fixtures.sectionId);
    const validBody = JSON.stringify(storyBodyFromParagraphs(['A paragraph.']));
    const onNewStory = call(STORIES, '/desk/stories/new');
    for (const input of fullCorpus()) {
      for (const field of ['headline', 'standfirst', 'slug', 'dateline', 'sectionId', 'body']) {
        const fields = { headline: 'A headline', sectionId, body: validBody, [field]: asFormText(input.value) };
        queue(field, input, onNewStory('createStoryAction', [IDLE, form(fields)]));
      }
    }
    const noteStory = await fixtures_draftOfEditor();
    const onStory = call(STORIES, `/desk/stories/${noteStory}`);
    const onRevisions = call(STORIES, `/desk/stories/${noteStory}/revisions`);
    const onWireQueue = call('app/desk/wire/actions.ts', '/desk/wire');
    const onWireAlert = call('app/desk/wire/actions.ts', `/desk/stories/${noteStory}`);
    const onFrontPage = call('app/desk/front/actions.ts', '/desk/front');
    const onAccount = call('app/desk/account/actions.ts', '/desk/account');
    const onAdmin = call('app/desk/admin/actions.ts', '/desk/admin');
    for (const input of fullCorpus()) {
      const text = asFormText(input.value);
      queue('body', input, onStory('addNoteAction', [noteStory, IDLE, form({ body: text })]));
      // Bound arguments come from the page, but a client can send anything in their place.
      queue('storyId (bound)', input, onStory('addNoteAction', [input.value, IDLE, form({ body: 'A fine note' })]));
      for (const [field, fields] of [
        ['action', { action: text }],
        ['note', { action: 'request_changes', note: text }],
        ['publishAt', { action: 'schedule', publishAt: text }],
        ['expectedVersion', { action: 'approve', expectedVersion: text }],
      ] as const) {
        queue(field, input, onStory('transitionStoryAction', [noteStory, IDLE, form(fields)]));
      }
      queue('embargoUntil', input, onStory('setEmbargoAction', [noteStory, IDLE, form({ embargoUntil: text })]));
      queue('noteId', input, onStory('resolveNoteAction', [noteStory, IDLE, form({ noteId: text })]));
      queue('revisionId', input, onRevisions('restoreRevisionAction', [noteStory, IDLE, form({ revisionId: text })]));
      queue('wireItemId (bound)', input, onWireQueue('createStoryFromWireAction', [input.value, IDLE]));
      queue('alertId', input, onWireAlert('handleWireAlertAction', [noteStory, IDLE, form({ alertId: text })]));
      for (const field of ['storyId', 'move']) {
        const fields = { storyId: '1', move: 'pin', [field]: text };
        queue(field, input, onFrontPage('arrangeFrontPageAction', [IDLE, form(fields)]));
      }
      queue('name', input, onAccount('changeOwnNameAction', [IDLE, form({ name: text })]));
      for (const field of ['currentPassword', 'newPassword']) {
        const fields = { currentPassword: 'not the password', newPassword: 'a long new password', [field]: text };
        const confirmed = { ...fields, confirmPassword: fields.newPassword };
        queue(field, input, onAccount('changeOwnPasswordAction', [IDLE, form(confirmed)]));
      }
      for (const field of ['name', 'email', 'role', 'password']) {
        const fields = {
          name: 'New Colleague',
          email: `x${++unique}@routes.test`,
          role: 'reporter',
          password: 'a fine long password',
          [field]: text,
        };
        queue(field, input, onAdmin('addUserAction', [IDLE, form(fields)]), adminCookie);
      }
      for (const field of ['userId', 'role', 'active']) {
        const fields = { userId: String(fixtures.staff.reporter.id), role: 'reporter', [field]: text };
        queue(field, input, onAdmin('updateUserAction', [IDLE, form(fields)]), adminCookie);
      }
      queue('name', input, onAdmin('createApiTokenAction', [IDLE, form({ name: text })]), adminCookie);
      queue('tokenId', input, onAdmin('revokeApiTokenAction', [IDLE, form({ tokenId: text })]), adminCookie);
    }

    // Reader-facing addresses and the sign-in form.
    for (const input of textCorpus()) {
      if (input.kind === 'huge') continue; // URLs have their own limits, tested below
      const text = input.value as string;
      for (const path of [
        `/search?q=${urlPart(text)}`,
        `/world/${urlPart(text)}`,
        `/${urlPart(text)}`,
        `/authors/${urlPart(text)}`,
        `/sitemaps/${urlPart(text)}`,
        `/media/${urlPart(text)}`,
        `/media/${encodeURIComponent(fixtures.listing.mediaId)}/${urlPart(text)}`,
        `/desk/stories/${urlPart(text)}`,
        `/desk/wire/${urlPart(text)}`,
        `/preview/${urlPart(text)}`,
        `/api/stories/${urlPart(text)}/lock`,
      ]) {
        const cookie = /^\/(desk|api|preview)\//.test(path) ? editorCookie : null;
        tasks.push(async () => ({
          target: `GET ${path.split('/').slice(0, 2).join('/')}…`,
          field: 'address',
          input,
          answer: await send(base, cookie, { method: 'GET', path }),
        }));
      }
      for (const field of ['email', 'password']) {
        tasks.push(async () => {
          const csrf = await send(base, null, { method: 'GET', path: '/api/auth/csrf' });
          const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
          const csrfCookie = csrf.headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; ');
          const fields = { csrfToken, email: 'x@routes.test', password: 'whatever', json: 'true', [field]: text };
          const answer = await send(base, csrfCookie, {
            method: 'POST',
            path: '/api/auth/callback/credentials',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          });
          return { target: 'POST /api/auth/callback/credentials', field, input, answer };
        });
      }
    }
    for (const length of [9_000, 100_000]) {
      tasks.push(async () => ({
        target: 'GET /search',
        field: 'q',
        input: { kind: 'huge', label: `${length} characters`, value: length },
        answer: await send(base, null, { method: 'GET', path: `/search?q=${'x'.repeat(length)}` }),
      }));
    }
    const started = Date.now();
    await Promise.all([runSaves(), runConcurrently(tasks, 4)]);
    timings.push(`forms and addresses ${Math.round((Date.now() - started) / 1000)} s`);

    // Images: what is not a picture, and pictures that are traps.
    const png = await pngBytes();
    const images: { label: string; bytes: Uint8Array }[] = [
      {
        label: 'an SVG with a script',
        bytes: new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg"><script>__xss(900)</script></svg>`),
      },
      { label: 'HTML', bytes: new TextEncoder().encode(`<html><script>__xss(901)</script></html>`) },
      {
        label: 'HTML after a PNG signature',
        bytes: Buffer.concat([png.subarray(0, 8), Buffer.from('<script>__xss(902)</script>')]),
      },
      { label: 'a truncated PNG', bytes: png.subarray(0, png.length / 2) },
      { label: 'nothing', bytes: new Uint8Array() },
      { label: 'a PNG claiming 100,000 × 100,000 pixels', bytes: hugePngHeader() },
      { label: '16 MB of zeros', bytes: new Uint8Array(16 * 1024 * 1024) },
      {
        label: 'a PNG with a script after its end',
        bytes: Buffer.concat([png, Buffer.from('<script>__xss(903)</script>')]),
      },
      ...INVALID_UTF8,
    ];
    for (const image of images) {
      const probe: Probe = {
        target: 'POST /api/media',
        field: 'file',
        input: { kind: 'type', label: image.label, value: image.label },
      };
      probe.answer = await send(base, editorCookie, {
        method: 'POST',
        path: '/api/media',
        body: Buffer.from(image.bytes),
      });
      probes.push(probe);
      if (probe.answer.status === 201) {
        const stored = JSON.parse(probe.answer.text) as { id: string };
        const served = await send(base, null, { method: 'GET', path: `/media/${stored.id}` });
        if (!/^image\/(png|jpeg|webp|gif)$/.test(served.headers.get('content-type') ?? '')) {
          browserFindings.push(`${image.label} is served as ${served.headers.get('content-type')}`);
        }
      }
    }

    // Wire files: every channel keeps what it cannot read, with the reason.
    for (const file of hostileWireFiles()) {
      for (const channel of ['api', 'upload'] as const) {
        const probe: Probe = {
          target: channel === 'api' ? 'POST /api/wire' : 'POST /api/wire/upload',
          field: 'file',
          input: { kind: 'type', label: file.label, value: file.label },
        };
        probe.answer = await send(base, channel === 'upload' ? editorCookie : null, {
          method: 'POST',
          path: channel === 'api' ? '/api/wire' : '/api/wire/upload',
          headers: {
            ...(channel === 'api' ? { authorization: `Bearer ${token}` } : {}),
            'x-filename': file.filename ?? 'item.xml',
          },
          body: Buffer.from(file.bytes),
        });
        probes.push(probe);
        sentWire.push({ label: `${file.label} via ${channel}`, bytes: file.bytes, answer: probe.answer });
      }
    }
    wireQueueHtml = (await send(base, editorCookie, { method: 'GET', path: '/desk/wire' })).text;

    // In a real browser: nothing of all that may run, on the public site or in the desk.
    const browserStarted = Date.now();
    await checkPagesInBrowser(base);
    timings.push(`browser ${Math.round((Date.now() - browserStarted) / 1000)} s`);

    await server!.stop();
    server = undefined;
    finalCounts = await counts();
    unexplainedStories = await findUnexplainedStories();
    storedMismatches = await compareStoredText();
    wireLosses = await checkWireKept();
    await closeDb();
    console.info(
      `hostile input: ${fullCorpus().length + INVALID_UTF8.length + hostileWireFiles().length + images.length} inputs, ` +
        `${probes.length} requests, ${pagesChecked.length} pages checked in Chromium (${timings.join(', ')})`,
    );
  }, 1_800_000);

  test('the corpus holds at least 200 hostile inputs of every kind', () => {
    const inputs = fullCorpus().length + INVALID_UTF8.length + hostileWireFiles().length;
    expect(inputs).toBeGreaterThanOrEqual(200);
    const kinds = new Set(fullCorpus().map((input) => input.kind));
    expect([...kinds].sort()).toEqual(['control', 'encoding', 'huge', 'sql', 'traversal', 'type', 'xss']);
    expect(HUGE_VALUES.some((input) => (input.value as string).length >= 10 * 1024 * 1024)).toBe(true);
    expect(TRAVERSAL_VALUES.length + TYPE_VALUES.length + ENCODING_VALUES.length).toBeGreaterThan(30);
  });

  test('no request is answered with a 500 or a refusal without a message', () => {
    const problems = probes
      .map((probe) => ({ probe, problem: problemWith(probe) }))
      .filter((one) => one.problem)
      .map(({ probe, problem }) => `${probe.target} ${probe.field} ← ${probe.input.label}: ${problem}`);
    if (process.env.HOSTILE_REPORT) fs.writeFileSync(process.env.HOSTILE_REPORT, problems.join('\n'));
    expect(problems.slice(0, 40)).toEqual([]);
    expect(probes.length).toBeGreaterThan(3000);
  });

  test('a refused action says why: a form error or a message for the field', () => {
    const silent = probes
      .filter((probe) => probe.answer!.headers.get('content-type')?.includes('text/x-component'))
      .filter((probe) => {
        const result = actionResult(probe.answer!);
        return result?.status === 'error' && !result.formError && !(result as { fieldErrors?: object }).fieldErrors;
      })
      .map((probe) => `${probe.target} ${probe.field} ← ${probe.input.label}`);
    expect(silent).toEqual([]);
  });

  test('text that does not fit a field, cannot be stored or is of the wrong type is refused with 4xx, never cut or mangled', () => {
    const saves = probes.filter((probe) => probe.target === 'POST /api/stories/[id]/save');
    const mustRefuse = saves.filter(
      (probe) =>
        (['headline', 'standfirst', 'paragraph'].includes(probe.field) &&
          // A paragraph may be long (a story body is up to 1 MB); the 2 and 10 MB ones are not.
          ((probe.input.kind === 'huge' &&
            (probe.field !== 'paragraph' || String(probe.input.value).length > 1_000_000)) ||
            (typeof probe.input.value === 'string' && !storable(probe.input.value)))) ||
        probe.field === 'raw body' ||
        (['headline', 'body', 'baseVersion', 'sectionId'].includes(probe.field) && probe.input.value === null),
    );
    const accepted = mustRefuse
      .filter((probe) => probe.answer!.status < 400)
      .map((p) => `${p.field} ← ${p.input.label}`);
    expect(accepted).toEqual([]);
    expect(mustRefuse.length).toBeGreaterThan(20);
  });

  test('text that was accepted is stored exactly as typed (trimmed), script and SQL included', () => {
    expect(storedMismatches).toEqual([]);
    const checked = probes.filter((probe) => probe.stored);
    expect(checked.filter((probe) => probe.input.kind === 'xss').length).toBeGreaterThan(40);
    expect(checked.filter((probe) => probe.input.kind === 'sql').length).toBeGreaterThan(15);
  });

  test('links other than http(s) and mailto are refused', () => {
    const links = probes.filter(
      (probe) => probe.field === 'link href' && /^\s*(javascript|data|file):/i.test(String(probe.input.value)),
    );
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((probe) => probe.answer!.status !== 422).map((p) => p.input.label)).toEqual([]);
  });

  test('refused input left nothing behind: every row written belongs to a request that was accepted', () => {
    // What success looks like: a new story opens (a redirect to it); other forms say so.
    const created = (target: string) =>
      probes.filter((probe) => probe.target === target && /\/desk\/stories\/\d+/.test(probe.answer!.location ?? ''))
        .length;
    const accepted = (target: string) =>
      probes.filter((probe) => probe.target === target && actionResult(probe.answer!)?.status === 'success').length;
    expect(unexplainedStories).toEqual([]);
    const testsOwn = 2; // the save target and the story notes go to
    expect(finalCounts.stories! - initialCounts.stories!).toBe(
      testsOwn + created('createStoryAction') + created('createStoryFromWireAction'),
    );
    expect(finalCounts.users! - initialCounts.users!).toBe(accepted('addUserAction'));
    expect(finalCounts.tokens! - initialCounts.tokens!).toBe(accepted('createApiTokenAction'));
    expect(finalCounts.notes! - initialCounts.notes!).toBe(accepted('addNoteAction'));
  });

  test('every wire file sent is kept byte for byte, and the XML traps were not followed', () => {
    expect(wireLosses).toEqual([]);
    expect(wireQueueHtml).not.toContain('root:x:0:0');
    expect(wireQueueHtml).not.toMatch(/(lol){50}/);
  });

  test('no payload runs in Chromium, on the public site or in the desk, and the payloads are shown as text', () => {
    expect(browserFindings).toEqual([]);
    expect(pagesChecked.length).toBeGreaterThan(60);
    // Every payload reached a page as text (each is shown in several places).
    expect(shownPayloads).toBeGreaterThan(XSS_PAYLOADS.length);
  });
});

// ---------------------------------------------------------------------------------------

let wireQueueHtml = '';
const sentWire: { label: string; bytes: Uint8Array; answer: Answer }[] = [];

/** An editor's own new story with one paragraph, made over HTTP (the server owns the database now). */
async function createEditorDraft(headline: string): Promise<number> {
  const answer = await callAction(server!.base, editorCookie, {
    file: 'app/desk/stories/actions.ts',
    name: 'createStoryAction',
    page: '/desk/stories/new',
    args: [
      IDLE,
      form({
        headline,
        sectionId: String(fixtures.sectionId),
        body: JSON.stringify(storyBodyFromParagraphs(['First.'])),
      }),
    ],
  });
  const id = Number(/\/desk\/stories\/(\d+)/.exec(answer.location ?? '')?.[1]);
  if (!id) throw new Error(`could not create "${headline}": ${answer.status} ${answer.text.slice(0, 200)}`);
  return id;
}

async function fixtures_storyForSaves(): Promise<number> {
  const id = await createEditorDraft('The save target');
  lastDraft = {
    headline: 'The save target',
    standfirst: '',
    slug: 'the-save-target',
    dateline: '',
    sectionId: fixtures.sectionId,
    authorIds: [editor.id],
    body: storyBodyFromParagraphs(['First.']),
  };
  saveTarget.version = 1;
  return id;
}

async function fixtures_draftOfEditor(): Promise<number> {
  return createEditorDraft('Notes go here');
}

/** A PNG whose header claims a picture far too large to decode (a decompression bomb's first step). */
function hugePngHeader(): Uint8Array {
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const size = Buffer.alloc(8);
  size.writeUInt32BE(100_000, 0);
  size.writeUInt32BE(100_000, 4);
  return Buffer.concat([header, size, Buffer.from('0806000000', 'hex'), Buffer.alloc(4), Buffer.alloc(64)]);
}

function hostileWireFiles(): { label: string; bytes: Uint8Array; filename?: string }[] {
  const enc = (text: string) => new TextEncoder().encode(text);
  const g2 = (label: string, headline: string, paragraphs?: string[]) => ({
    label,
    bytes: newsmlG2Item({ guid: `urn:hostile:${label.replace(/\W+/g, '-')}`, headline, paragraphs }),
  });
  return [
    ...XSS_PAYLOADS.slice(0, 20).map((payload, i) =>
      g2(`wire xss ${i + 1}`, `Wire ${i + 1} ${payload}`, [payload, `Text ${payload}`]),
    ),
    {
      label: 'XML external entity',
      bytes: enc(
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><head><title>&xxe;</title></head><body><body.head><hedline><hl1>&xxe;</hl1></hedline></body.head><body.content><p>&xxe;</p></body.content></body></nitf>`,
      ),
    },
    {
      label: 'billion laughs',
      bytes: enc(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]><nitf><body><body.head><hedline><hl1>&lol5;</hl1></hedline></body.head><body.content><p>&lol5;</p></body.content></body></nitf>`,
      ),
    },
    {
      label: 'invalid UTF-8 in XML',
      bytes: Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="UTF-8"?><nitf><body><body.head><hedline><hl1>'),
        Buffer.from([0xc0, 0xaf, 0xff]),
        Buffer.from('</hl1></hedline></body.head></body></nitf>'),
      ]),
    },
    {
      label: 'truncated XML',
      bytes: newsmlG2Item({ guid: 'urn:hostile:truncated', headline: 'Cut off' }).slice(0, 300),
    },
    {
      label: 'a ninjs with wrong types',
      bytes: enc(JSON.stringify({ uri: 42, headline: ['a'], body_text: { x: 1 }, versioncreated: 'yesterday' })),
    },
    { label: 'JSON that is not ninjs', bytes: enc('[1,2,3]') },
    { label: 'deeply nested XML', bytes: enc(`<nitf>${'<p>'.repeat(20_000)}x${'</p>'.repeat(20_000)}</nitf>`) },
    { label: 'an empty file', bytes: new Uint8Array() },
    { label: 'binary noise', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) },
    { label: 'a traversal file name', bytes: g2('named', 'A named item').bytes, filename: '../../../../etc/passwd' },
    {
      label: 'a file name with markup',
      bytes: g2('named2', 'Another named item').bytes,
      filename: `<img src=x onerror=__xss(910)>.xml`,
    },
    {
      label: '12 MB of XML text',
      bytes: enc(`<nitf><body><body.content><p>${'x'.repeat(12 * 1024 * 1024)}</p></body.content></body></nitf>`),
    },
    {
      label: 'a ninjs holding NUL and broken characters',
      bytes: enc(
        '{"uri":"urn:hostile:nul","type":"text","headline":"Harbour\\u0000reopens \\ud800","body_text":"A\\u0000B \\udfff C","versioncreated":"2026-11-28T08:00:00Z"}',
      ),
    },
    {
      label: 'SQL in the guid',
      bytes: newsmlG2Item({ guid: `urn:x'; DROP TABLE wire_items; --`, headline: `SQL guid item` }),
    },
  ];
}

/** Stories made during the run that no request was told it made (a redirect to them). */
async function findUnexplainedStories(): Promise<string[]> {
  const told = new Set(
    probes
      .map((probe) => /\/desk\/stories\/(\d+)/.exec(probe.answer!.location ?? '')?.[1])
      .filter(Boolean)
      .map(Number),
  );
  told.add(saveTarget.id);
  const made = await (
    await getDb()
  )
    .select({ id: stories.id, headline: stories.headline })
    .from(stories)
    .where(gt(stories.id, lastStoryBefore));
  return made
    .filter((story) => !told.has(story.id) && story.headline !== 'Notes go here')
    .map((story) => `${story.id} ${story.headline.slice(0, 80)}`);
}

/** After the run: every accepted text is in the database exactly as sent. */
async function compareStoredText(): Promise<string[]> {
  const db = await getDb();
  const mismatches: string[] = [];
  for (const probe of probes.filter((one) => one.stored)) {
    const { id, column, expected } = probe.stored!;
    const [version, field] = column.split(':') as [string, 'headline' | 'standfirst' | 'bodyText'];
    const [row] = await db
      .select({
        headline: storyRevisions.headline,
        standfirst: storyRevisions.standfirst,
        bodyText: storyRevisions.bodyText,
      })
      .from(storyRevisions)
      .where(
        and(
          eq(storyRevisions.storyId, id),
          eq(storyRevisions.version, Number(version)),
          eq(storyRevisions.kind, 'save'),
        ),
      );
    const actual = row?.[field];
    if (field === 'bodyText' ? !actual?.includes(expected.trim()) : actual !== expected) {
      mismatches.push(`${probe.field} ← ${probe.input.label}: stored ${JSON.stringify(actual?.slice(0, 80))}`);
    }
  }
  return mismatches;
}

/** Every wire file that was answered with an id is stored as it came. */
async function checkWireKept(): Promise<string[]> {
  const db = await getDb();
  const losses: string[] = [];
  for (const sent of sentWire) {
    if (sent.answer.status === 413) continue; // too large to keep: the sender is told and still has it
    let result: { id?: number; status?: string } = {};
    try {
      result = JSON.parse(sent.answer.text) as typeof result;
    } catch {
      // reported below as an answer without an id
    }
    if (!result.id) {
      losses.push(`${sent.label}: answered ${sent.answer.status} without an id: ${sent.answer.text.slice(0, 200)}`);
      continue;
    }
    const sha = createHash('sha256').update(sent.bytes).digest('hex');
    const [file] = await db.select().from(wireFiles).where(eq(wireFiles.sha256, sha));
    if (!file)
      losses.push(`${sent.label}: not stored (answered ${sent.answer.status} ${sent.answer.text.slice(0, 200)})`);
    else if (!unpackWireBytes(file.bytes).equals(Buffer.from(sent.bytes)))
      losses.push(`${sent.label}: stored bytes differ`);
  }
  return losses;
}

/** Opens the pages that show the payloads, in Chromium, with `__xss` watching. */
async function checkPagesInBrowser(base: string): Promise<void> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext();
    const cookies = editorCookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    });
    const desk = await browser.newContext();
    await desk.addCookies(cookies);
    for (const ctx of [context, desk]) {
      await ctx.addInitScript(() => {
        (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) => {
          document.documentElement.dataset.xss = `${document.documentElement.dataset.xss ?? ''} ${n}`;
        };
      });
    }
    const publicPaths = new Set<string>(['/', '/world', '/feed.xml', `/authors/${fixtures.listing.authorSegment}`]);
    const deskPaths = new Set<string>([
      '/desk',
      '/desk/stories',
      '/desk/wire',
      '/desk/admin',
      '/desk/notifications',
      '/desk/front',
    ]);
    // The published payload stories, and the desk pages of each.
    for (const { article, story } of payloadPages) {
      publicPaths.add(article);
      deskPaths.add(`/desk/stories/${story}`);
    }
    for (const payload of XSS_PAYLOADS.slice(0, 12)) publicPaths.add(`/search?q=${encodeURIComponent(payload)}`);
    for (const match of wireQueueHtml.matchAll(/href="(\/desk\/wire\/\d+)"/g)) deskPaths.add(match[1]!);

    const visit = async (ctx: typeof context, path: string) => {
      const page = await ctx.newPage();
      let dialog = '';
      page.on('dialog', (d) => {
        dialog = d.message();
        void d.dismiss();
      });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      // Give payloads that wait for focus, toggles or timers a moment to run.
      await page.keyboard.press('Tab');
      await page.waitForTimeout(50);
      const found = await page.evaluate(() => {
        const hits: string[] = [];
        if (document.documentElement.dataset.xss) hits.push(`__xss ran:${document.documentElement.dataset.xss}`);
        for (const element of Array.from(document.querySelectorAll('*'))) {
          for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name)) hits.push(`<${element.localName} ${attribute.name}> in the page`);
            if (
              /^(href|src|action|formaction|data|srcdoc|xlink:href)$/i.test(attribute.name) &&
              /^\s*(javascript|data:text\/html)/i.test(attribute.value) &&
              // React's own guard on forms whose action is a function (never submitted natively).
              !attribute.value.startsWith("javascript:throw new Error('React form unexpectedly submitted.')")
            ) {
              hits.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 40)}"> in the page`);
            }
          }
        }
        for (const script of Array.from(document.scripts)) {
          if (!script.textContent?.includes('__xss')) continue;
          // Structured data may quote a headline, as data: it must still be whole JSON.
          if (script.type === 'application/ld+json') {
            try {
              JSON.parse(script.textContent);
            } catch {
              hits.push('a payload broke out of the JSON-LD');
            }
          } else if (!script.textContent.startsWith('self.__next_f.push(')) {
            // (Next.js's page data quotes the text as JSON strings; a payload that broke out
            // of it would be an element of its own, caught above or by __xss.)
            hits.push('a <script> holding a payload');
          }
        }
        const text = document.body?.innerText ?? '';
        return { hits, shown: (text.match(/__xss\(\d+\)/g) ?? []).length };
      });
      if (response && response.status() >= 500) browserFindings.push(`${path}: ${response.status()}`);
      if (dialog) browserFindings.push(`${path}: a dialog opened (${dialog})`);
      for (const hit of found.hits) browserFindings.push(`${path}: ${hit}`);
      for (const violation of violations)
        browserFindings.push(`${path}: CSP blocked something: ${violation.slice(0, 160)}`);
      shownPayloads += found.shown;
      pagesChecked.push(path);
      await page.close();
    };
    for (const path of publicPaths) await visit(context, path);
    for (const path of deskPaths) {
      await visit(desk, path);
      if (/^\/desk\/stories\/\d+$/.test(path)) {
        await visit(desk, `${path}/revisions`);
        await visit(desk, path.replace('/desk/stories/', '/preview/'));
      }
    }
  } finally {
    await browser.close();
  }
}
