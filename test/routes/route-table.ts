// Who may call what: every page, route handler and server action of app/, with the answer
// each identity must get, transcribed from DESIGN.md's roles table (not from the code).
// route-role.test.ts fails when app/ has a route this table does not name, or the other
// way round.
import { IDLE } from '@/lib/action-result';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import type { WorkflowAction } from '@/lib/workflow';
import { newsmlG2Item } from '@/test/wire-documents';
import { type Fixtures, pngBytes, uniqueTag, type Identity } from './fixtures';
import { form, type HttpRequest } from './http';

/**
 * ok — the call works (a page renders, a handler answers 2xx, an action succeeds);
 * login — sent to sign in (a redirect to /login);
 * unauthorized — 401; forbidden — 403, or the action refuses with a reason, and nothing is written.
 */
export type Outcome = 'ok' | 'login' | 'unauthorized' | 'forbidden';
export type Expectations = Record<Identity, Outcome>;

/** What a case sends: a plain HTTP request, or a server action posted to its page. */
export type Call =
  | { kind: 'http'; request: HttpRequest }
  | { kind: 'action'; file: string; name: string; page: string; args: unknown[] };

export type RouteCase = {
  /** The route as found in app/ ("page /desk/stories/[id]", "POST /api/media", "action file#name"). */
  route: string;
  /** Which use of the route, when one route has several (a workflow action, a method). */
  variant?: string;
  expect: Expectations;
  /** Makes what the call acts on (for this identity) and says how to call. */
  arrange: (f: Fixtures, who: Identity) => Promise<Call>;
  /** For `ok`: what working looks like, if more than the status. */
  works?: (answer: { status: number; location: string | null; text: string }) => boolean;
};

const all = (outcome: Outcome): Expectations => ({
  anonymous: outcome,
  deactivated: outcome,
  reporter: outcome,
  editor: outcome,
  admin: outcome,
});
/** Desk pages and actions: any staff member; everyone else signs in first. */
const STAFF: Expectations = { ...all('ok'), anonymous: 'login', deactivated: 'login' };
/** The desk's JSON API: any staff member; everyone else 401. */
const STAFF_API: Expectations = { ...all('ok'), anonymous: 'unauthorized', deactivated: 'unauthorized' };
/** Editorial decisions: editors and admins. */
const EDITORS: Expectations = { ...STAFF, reporter: 'forbidden' };
/** Running the desk: admins only. */
const ADMINS: Expectations = { ...STAFF, reporter: 'forbidden', editor: 'forbidden' };

const get = (path: string): Call => ({ kind: 'http', request: { method: 'GET', path } });
const http = (request: HttpRequest): Call => ({ kind: 'http', request });
const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}): Call =>
  http({ method, path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const session = (who: Identity) => ({ 'x-edit-session': `routes-${who}-tab-000000` });

const page = (path: string, expect: Expectations, arrange: (f: Fixtures, who: Identity) => Promise<string>) => ({
  route: `page ${path}`,
  expect,
  arrange: async (f: Fixtures, who: Identity) => get(await arrange(f, who)),
});
const fixed = (path: string) => async () => path;

const STORIES = 'app/desk/stories/actions.ts';
const ADMIN = 'app/desk/admin/actions.ts';

/** A story of the identity's own (reporters act on their own stories) in a state. */
const ownStory = (f: Fixtures, who: Identity, state: Parameters<Fixtures['story']>[0], pending = false) =>
  f.story(state, { author: f.actor(who), pendingChanges: pending });

// What each workflow action needs: the state it starts from, and the form it sends.
const WORKFLOW: Record<WorkflowAction, { from: Parameters<Fixtures['story']>[0]; fields?: Record<string, string> }> = {
  submit: { from: 'draft' },
  withdraw: { from: 'in_review' },
  request_changes: { from: 'in_review', fields: { note: 'Needs a second source.' } },
  approve: { from: 'in_review' },
  schedule: { from: 'approved', fields: { publishAt: '2031-07-01T09:00' } },
  unschedule: { from: 'scheduled' },
  publish: { from: 'approved' },
  publish_update: { from: 'published' },
  unpublish: { from: 'published' },
  kill: { from: 'published', fields: { note: 'Legal asked us to.' } },
  spike: { from: 'draft' },
  restore: { from: 'spiked' },
};
// DESIGN.md: reporters submit, withdraw, spike and restore their own; the rest is the desk's.
const REPORTER_MAY = new Set<WorkflowAction>(['submit', 'withdraw', 'spike', 'restore']);

const workflowCases: RouteCase[] = (Object.keys(WORKFLOW) as WorkflowAction[]).map((action) => ({
  route: `action ${STORIES}#transitionStoryAction`,
  variant: action,
  expect: REPORTER_MAY.has(action) ? STAFF : EDITORS,
  arrange: async (f, who) => {
    const { from, fields = {} } = WORKFLOW[action];
    const id = await ownStory(f, who, from, action === 'publish_update');
    return {
      kind: 'action',
      file: STORIES,
      name: 'transitionStoryAction',
      page: `/desk/stories/${id}`,
      args: [id, IDLE, form({ action, ...fields })],
    };
  },
}));

/** Someone else's story: reporters may read it and comment, not edit or move it. */
const othersStory = async (f: Fixtures, state: Parameters<Fixtures['story']>[0]) =>
  f.story(state, { author: await f.colleague() });
/** Editorial rights over someone else's story: the desk's, not another reporter's. */
const NOT_OTHER_REPORTERS: Expectations = { ...STAFF, reporter: 'forbidden' };
const NOT_OTHER_REPORTERS_API: Expectations = { ...STAFF_API, reporter: 'forbidden' };

const storyPage = async (f: Fixtures, who: Identity) => `/desk/stories/${await ownStory(f, who, 'draft')}`;

export const ROUTE_CASES: RouteCase[] = [
  // The public site: anyone.
  page('/', all('ok'), fixed('/')),
  page('/[section]', all('ok'), async (f) => `/${f.listing.section}`),
  page('/[section]/page/[page]', all('ok'), async (f) => `/${f.listing.section}/page/2`),
  page('/[section]/[slug]', all('ok'), async (f) => f.listing.articlePath),
  page('/authors/[author]', all('ok'), async (f) => `/authors/${f.listing.authorSegment}`),
  page('/authors/[author]/page/[page]', all('ok'), async (f) => `/authors/${f.listing.authorSegment}/page/2`),
  page('/search', all('ok'), fixed('/search?q=harbour')),
  { route: 'GET /feed.xml', expect: all('ok'), arrange: async () => get('/feed.xml') },
  { route: 'GET /atom.xml', expect: all('ok'), arrange: async () => get('/atom.xml') },
  { route: 'GET /[section]/feed.xml', expect: all('ok'), arrange: async () => get('/world/feed.xml') },
  { route: 'GET /[section]/atom.xml', expect: all('ok'), arrange: async () => get('/world/atom.xml') },
  { route: 'GET /sitemap.xml', expect: all('ok'), arrange: async () => get('/sitemap.xml') },
  { route: 'GET /sitemaps/[file]', expect: all('ok'), arrange: async () => get('/sitemaps/pages.xml') },
  { route: 'GET /news-sitemap.xml', expect: all('ok'), arrange: async () => get('/news-sitemap.xml') },
  { route: 'GET /robots.txt', expect: all('ok'), arrange: async () => get('/robots.txt') },
  { route: 'GET /readyz', expect: all('ok'), arrange: async () => get('/readyz') },
  // Images: addressed by unguessable ids, public once a page shows them.
  { route: 'GET /media/[id]', expect: all('ok'), arrange: async (f) => get(`/media/${f.listing.mediaId}`) },
  {
    route: 'GET /media/[id]/[variant]',
    expect: all('ok'),
    arrange: async (f) => get(`/media/${f.listing.mediaId}/w320`),
  },
  // Sign-in: open to all; a wrong password is refused, whoever asks.
  {
    route: 'GET /api/auth/[...nextauth]',
    expect: all('ok'),
    arrange: async () => get('/api/auth/csrf'),
  },
  {
    route: 'POST /api/auth/[...nextauth]',
    expect: all('ok'),
    arrange: async (f) =>
      http({
        method: 'POST',
        path: '/api/auth/callback/credentials',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          email: f.staff.editor.email,
          password: 'not the password',
          json: 'true',
        }).toString(),
      }),
    // Refused without its CSRF token, and never a session.
    works: (answer) => answer.status < 500 && !/session-token/.test(answer.location ?? ''),
  },
  page('/login', all('ok'), fixed('/login')),

  // The desk: any staff member.
  page('/desk', STAFF, fixed('/desk')),
  page('/desk/account', STAFF, fixed('/desk/account')),
  page('/desk/front', STAFF, fixed('/desk/front')),
  page('/desk/notifications', STAFF, fixed('/desk/notifications')),
  page('/desk/stories', STAFF, fixed('/desk/stories')),
  page('/desk/stories/new', STAFF, fixed('/desk/stories/new')),
  page('/desk/stories/[id]', STAFF, storyPage),
  {
    ...page('/desk/stories/[id]', STAFF, async (f) => `/desk/stories/${await othersStory(f, 'draft')}`),
    variant: "someone else's story",
  },
  page('/desk/stories/[id]/revisions', STAFF, async (f, who) => `${await storyPage(f, who)}/revisions`),
  page('/desk/wire', STAFF, fixed('/desk/wire')),
  page('/desk/wire/[id]', STAFF, async (f) => `/desk/wire/${await f.wireItem()}`),
  page('/preview/[id]', STAFF, async (f, who) => `/preview/${await ownStory(f, who, 'draft')}`),
  page('/desk/admin', ADMINS, fixed('/desk/admin')),
  {
    route: 'GET /desk/wire/[id]/raw',
    // Without a session cookie the desk sends visitors to sign in; with a dead one, 401.
    expect: { ...STAFF_API, anonymous: 'login' },
    arrange: async (f) => get(`/desk/wire/${await f.wireItem()}/raw`),
  },

  // The desk's JSON API.
  { route: 'GET /api/wire/latest', expect: STAFF_API, arrange: async () => get('/api/wire/latest') },
  {
    route: 'POST /api/wire/upload',
    expect: STAFF_API,
    arrange: async () =>
      http({
        method: 'POST',
        path: '/api/wire/upload',
        headers: { 'x-filename': 'item.xml' },
        body: Buffer.from(newsmlG2Item({ guid: `urn:routes:upload:${uniqueTag()}`, headline: 'Uploaded item' })),
      }),
  },
  {
    route: 'POST /api/media',
    expect: STAFF_API,
    arrange: async () => http({ method: 'POST', path: '/api/media', body: new Uint8Array(await pngBytes()) }),
  },
  {
    route: 'GET /api/stories/[id]/lock',
    expect: STAFF_API,
    arrange: async (f, who) => http({ method: 'GET', path: `/api/stories/${await ownStory(f, who, 'draft')}/lock` }),
  },
  {
    route: 'POST /api/stories/[id]/lock',
    expect: STAFF_API,
    arrange: async (f, who) => json('POST', `/api/stories/${await ownStory(f, who, 'draft')}/lock`, {}, session(who)),
    works: (answer) => answer.status === 200 && answer.text.includes('"mine"'),
  },
  {
    route: 'DELETE /api/stories/[id]/lock',
    expect: STAFF_API,
    arrange: async (f, who) =>
      http({ method: 'DELETE', path: `/api/stories/${await ownStory(f, who, 'draft')}/lock`, headers: session(who) }),
  },
  {
    route: 'POST /api/stories/[id]/save',
    expect: STAFF_API,
    arrange: async (f, who) => {
      const id = await ownStory(f, who, 'draft');
      return json('POST', `/api/stories/${id}/save`, { ...(await f.draft(id)), headline: 'Saved by the route check' });
    },
    works: (answer) => answer.status === 200 && answer.text.includes('"saved"'),
  },
  {
    route: 'POST /api/stories/[id]/save',
    variant: "someone else's draft",
    expect: NOT_OTHER_REPORTERS_API,
    arrange: async (f) => {
      const id = await othersStory(f, 'draft');
      return json('POST', `/api/stories/${id}/save`, { ...(await f.draft(id)), headline: 'Saved over a colleague' });
    },
    works: (answer) => answer.status === 200 && answer.text.includes('"saved"'),
  },
  {
    route: 'POST /api/stories/[id]/lock',
    variant: "someone else's draft",
    expect: NOT_OTHER_REPORTERS_API,
    arrange: async (f, who) => json('POST', `/api/stories/${await othersStory(f, 'draft')}/lock`, {}, session(who)),
    works: (answer) => answer.status === 200 && answer.text.includes('"mine"'),
  },
  {
    route: 'POST /api/stories/[id]/keep',
    expect: STAFF_API,
    arrange: async (f, who) => {
      const id = await ownStory(f, who, 'draft');
      return json('POST', `/api/stories/${id}/keep`, { ...(await f.draft(id)), headline: 'Kept by the route check' });
    },
  },
  {
    // Agencies: an API token, never a session (a signed-in browser gets 401 too).
    route: 'POST /api/wire',
    expect: all('unauthorized'),
    arrange: async () =>
      http({
        method: 'POST',
        path: '/api/wire',
        body: Buffer.from(newsmlG2Item({ guid: `urn:routes:api:${uniqueTag()}`, headline: 'Sent by a session' })),
      }),
  },

  // Server actions.
  {
    route: `action ${STORIES}#createStoryAction`,
    expect: STAFF,
    arrange: async (f) => ({
      kind: 'action',
      file: STORIES,
      name: 'createStoryAction',
      page: '/desk/stories/new',
      args: [
        IDLE,
        form({
          headline: `Created by the route check ${uniqueTag()}`,
          sectionId: String(f.sectionId),
          body: JSON.stringify(storyBodyFromParagraphs(['A first paragraph.'])),
        }),
      ],
    }),
    works: (answer) => /\/desk\/stories\/\d+/.test(answer.location ?? ''),
  },
  {
    route: `action ${STORIES}#restoreRevisionAction`,
    expect: STAFF,
    arrange: async (f, who) => {
      const id = await ownStory(f, who, 'draft');
      await f.edit(id, f.actor(who), 'A second version');
      return {
        kind: 'action',
        file: STORIES,
        name: 'restoreRevisionAction',
        page: `/desk/stories/${id}/revisions`,
        args: [id, IDLE, form({ revisionId: String(await f.firstRevision(id)) })],
      };
    },
    works: (answer) => /\/desk\/stories\/\d+(;|$)/.test(answer.location ?? ''),
  },
  ...workflowCases,
  ...(['submit', 'spike'] as const).map((action): RouteCase => ({
    route: `action ${STORIES}#transitionStoryAction`,
    variant: `${action} someone else's draft`,
    expect: NOT_OTHER_REPORTERS,
    arrange: async (f) => {
      const id = await othersStory(f, 'draft');
      return {
        kind: 'action',
        file: STORIES,
        name: 'transitionStoryAction',
        page: `/desk/stories/${id}`,
        args: [id, IDLE, form({ action })],
      };
    },
  })),
  {
    route: `action ${STORIES}#addNoteAction`,
    variant: "on someone else's story",
    expect: STAFF,
    arrange: async (f) => {
      const id = await othersStory(f, 'in_review');
      return {
        kind: 'action',
        file: STORIES,
        name: 'addNoteAction',
        page: `/desk/stories/${id}`,
        args: [id, IDLE, form({ body: 'Is the second source on record?' })],
      };
    },
  },
  {
    route: `action ${STORIES}#addNoteAction`,
    expect: STAFF,
    arrange: async (f, who) => {
      const id = await ownStory(f, who, 'draft');
      return {
        kind: 'action',
        file: STORIES,
        name: 'addNoteAction',
        page: `/desk/stories/${id}`,
        args: [id, IDLE, form({ body: 'Who took the photo?' })],
      };
    },
  },
  {
    route: `action ${STORIES}#resolveNoteAction`,
    expect: STAFF,
    arrange: async (f, who) => {
      const id = await ownStory(f, who, 'draft');
      const noteId = await f.note(id, f.actor(who));
      return {
        kind: 'action',
        file: STORIES,
        name: 'resolveNoteAction',
        page: `/desk/stories/${id}`,
        args: [id, IDLE, form({ noteId: String(noteId) })],
      };
    },
  },
  {
    route: `action ${STORIES}#setEmbargoAction`,
    expect: EDITORS,
    arrange: async (f, who) => {
      const id = await ownStory(f, who, 'approved');
      return {
        kind: 'action',
        file: STORIES,
        name: 'setEmbargoAction',
        page: `/desk/stories/${id}`,
        args: [id, IDLE, form({ embargoUntil: '2031-08-01T10:00' })],
      };
    },
  },
  {
    route: 'action app/desk/wire/actions.ts#createStoryFromWireAction',
    expect: STAFF,
    arrange: async (f) => {
      const wireItemId = await f.wireItem();
      return {
        kind: 'action',
        file: 'app/desk/wire/actions.ts',
        name: 'createStoryFromWireAction',
        page: `/desk/wire/${wireItemId}`,
        args: [wireItemId, IDLE],
      };
    },
    works: (answer) => /\/desk\/stories\/\d+/.test(answer.location ?? ''),
  },
  {
    route: 'action app/desk/wire/actions.ts#handleWireAlertAction',
    expect: EDITORS,
    arrange: async (f) => {
      const { storyId, alertId } = await f.wireAlert();
      return {
        kind: 'action',
        file: 'app/desk/wire/actions.ts',
        name: 'handleWireAlertAction',
        page: `/desk/stories/${storyId}`,
        args: [storyId, IDLE, form({ alertId: String(alertId) })],
      };
    },
  },
  {
    route: 'action app/desk/front/actions.ts#arrangeFrontPageAction',
    expect: EDITORS,
    arrange: async (f, who) => ({
      kind: 'action',
      file: 'app/desk/front/actions.ts',
      name: 'arrangeFrontPageAction',
      page: '/desk/front',
      args: [IDLE, form({ storyId: String(await ownStory(f, who, 'published')), move: 'pin' })],
    }),
  },
  {
    route: 'action app/desk/notifications/actions.ts#markAllReadAction',
    expect: STAFF,
    arrange: async () => ({
      kind: 'action',
      file: 'app/desk/notifications/actions.ts',
      name: 'markAllReadAction',
      page: '/desk/notifications',
      args: [IDLE],
    }),
  },
  {
    route: 'action app/desk/account/actions.ts#changeOwnNameAction',
    expect: STAFF,
    arrange: async (f, who) => ({
      kind: 'action',
      file: 'app/desk/account/actions.ts',
      name: 'changeOwnNameAction',
      page: '/desk/account',
      args: [IDLE, form({ name: `${f.actor(who).name} Jr` })],
    }),
  },
  {
    route: 'action app/desk/account/actions.ts#changeOwnPasswordAction',
    expect: STAFF,
    arrange: async (f, who) => {
      const password = who === 'anonymous' ? 'whatever it is' : f.staff[who].password;
      return {
        kind: 'action',
        file: 'app/desk/account/actions.ts',
        name: 'changeOwnPasswordAction',
        page: '/desk/account',
        // Sessions outlive a password change, so the suite's later calls are unaffected.
        args: [
          IDLE,
          form({ currentPassword: password, newPassword: `${password} anew`, confirmPassword: `${password} anew` }),
        ],
      };
    },
  },
  {
    route: `action ${ADMIN}#addUserAction`,
    expect: ADMINS,
    arrange: async () => ({
      kind: 'action',
      file: ADMIN,
      name: 'addUserAction',
      page: '/desk/admin',
      args: [
        IDLE,
        form({
          name: 'New Colleague',
          email: `new-${uniqueTag()}@routes.test`,
          role: 'reporter',
          password: 'a fine long password',
        }),
      ],
    }),
  },
  {
    route: `action ${ADMIN}#updateUserAction`,
    expect: ADMINS,
    arrange: async (f) => ({
      kind: 'action',
      file: ADMIN,
      name: 'updateUserAction',
      page: '/desk/admin',
      args: [IDLE, form({ userId: String((await f.account()).id), role: 'editor' })],
    }),
  },
  {
    route: `action ${ADMIN}#createApiTokenAction`,
    expect: ADMINS,
    arrange: async () => ({
      kind: 'action',
      file: ADMIN,
      name: 'createApiTokenAction',
      page: '/desk/admin',
      args: [IDLE, form({ name: `Feed ${uniqueTag()}` })],
    }),
  },
  {
    route: `action ${ADMIN}#revokeApiTokenAction`,
    expect: ADMINS,
    arrange: async (f) => ({
      kind: 'action',
      file: ADMIN,
      name: 'revokeApiTokenAction',
      page: '/desk/admin',
      args: [IDLE, form({ tokenId: String((await f.apiToken()).id) })],
    }),
  },
];

/** The ingest API with a live token: the one way in for agencies. */
export const TOKEN_CASE = {
  route: 'POST /api/wire',
  arrange: async (f: Fixtures): Promise<Call> => {
    const { token } = await f.apiToken();
    return http({
      method: 'POST',
      path: '/api/wire',
      headers: { authorization: `Bearer ${token}` },
      body: Buffer.from(newsmlG2Item({ guid: `urn:routes:token:${uniqueTag()}`, headline: 'Sent by an agency' })),
    });
  },
};

/**
 * The live-editing socket (GET /collab, a WebSocket upgrade the production server hands to
 * the collaboration server): refused without a live session; a story's document opened
 * read-write or read-only as `can()` decides for editing it.
 */
export type SocketOutcome = 'unauthorized' | 'edit' | 'read';
export const SOCKET_CASES: {
  variant: string;
  expect: Record<Identity, SocketOutcome>;
  arrange: (f: Fixtures, who: Identity) => Promise<number>;
}[] = [
  {
    variant: 'own draft',
    expect: { anonymous: 'unauthorized', deactivated: 'unauthorized', reporter: 'edit', editor: 'edit', admin: 'edit' },
    arrange: (f, who) => ownStory(f, who, 'draft'),
  },
  {
    variant: "someone else's draft",
    expect: { anonymous: 'unauthorized', deactivated: 'unauthorized', reporter: 'read', editor: 'edit', admin: 'edit' },
    arrange: (f) => othersStory(f, 'draft'),
  },
  {
    // In review, a story is the desk's to change: its author reads along.
    variant: 'own story in review',
    expect: { anonymous: 'unauthorized', deactivated: 'unauthorized', reporter: 'read', editor: 'edit', admin: 'edit' },
    arrange: (f, who) => ownStory(f, who, 'in_review'),
  },
];
