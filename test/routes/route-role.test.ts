// Route × role: every page, route handler and server action of app/, called over HTTP on
// the production server as anonymous, a deactivated account, a reporter, an editor and an
// admin, against the answer DESIGN.md's roles table gives (route-table.ts). Refused calls
// must write nothing: the database is fingerprinted before and after all of them.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { readTables } from '@/lib/backup/database-tables';
import { listAppRoutes } from './app-routes';
import { Fixtures, IDENTITIES, type Identity } from './fixtures';
import {
  actionResult,
  callAction,
  listBuiltActions,
  ROOT,
  send,
  signIn,
  startServer,
  type Answer,
  type Server,
} from './http';
import { ROUTE_CASES, SOCKET_CASES, TOKEN_CASE, type Call, type Outcome, type RouteCase } from './route-table';

const dataDir = process.env.WIREDESK_ROUTES_DATA_DIR!;
// Written on every sign-in and by nothing a refused call could reach.
const UNFINGERPRINTED = new Set(['sign_in_attempts']);

type Planned = { name: string; routeCase: RouteCase; who: Identity; call: Call; answer?: Answer };

const caseName = (routeCase: RouteCase, who: Identity) =>
  `${routeCase.route}${routeCase.variant ? ` (${routeCase.variant})` : ''} as ${who}`;

let server: Server | undefined;
const cookies: Partial<Record<Identity, string>> = {};
const planned: Planned[] = [];
let fingerprintBefore: Record<string, string> = {};
let fingerprintAfterRefusals: Record<string, string> = {};
let tokenAnswer: Answer | undefined;
const socketPlans: { name: string; who: Identity; storyId: number; expected: string; outcome?: string }[] = [];

/** A digest of every table's rows, to show that a batch of calls changed nothing. */
async function fingerprintDatabase(): Promise<Record<string, string>> {
  const db = await getDb();
  const digest: Record<string, string> = {};
  for (const table of await readTables(db)) {
    if (UNFINGERPRINTED.has(table.name)) continue;
    const [row] = rowsOf<{ digest: string | null; n: number }>(
      await db.execute(
        sql.raw(
          `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as n from "${table.name}" t`,
        ),
      ),
    );
    digest[table.name] = `${row?.n ?? 0}:${row?.digest ?? ''}`;
  }
  return digest;
}

async function perform(call: Call, cookie: string | null): Promise<Answer> {
  return call.kind === 'http' ? send(server!.base, cookie, call.request) : callAction(server!.base, cookie, call);
}

/** What an answer amounts to, in the table's words (or what went wrong instead). */
function outcomeOf(item: Planned): Outcome | string {
  const answer = item.answer!;
  if (answer.status >= 500) return `a ${answer.status}`;
  if (answer.status === 401) return 'unauthorized';
  if (answer.status === 403) return 'forbidden';
  if (answer.location && /^(https?:\/\/[^/]+)?\/login(\?|$)/.test(answer.location)) return 'login';
  if (item.call.kind === 'action') {
    const result = actionResult(answer);
    // Refused with a reason the form shows ("Only editors …"): nothing else can refuse here.
    if (result?.status === 'error')
      return item.routeCase.expect[item.who] === 'ok' ? `refused: ${result.formError}` : 'forbidden';
  }
  if (answer.status >= 400) return `a ${answer.status}`;
  const works = item.routeCase.works ?? ((a: Answer) => a.status >= 200 && a.status < 400);
  return works(answer) ? 'ok' : `not working (${answer.status} ${answer.text.slice(0, 200)})`;
}

beforeAll(async () => {
  const fixtures = await Fixtures.create();
  await closeDb();

  // Everyone signs in once; the deactivated account while it still could.
  server = await startServer(dataDir);
  for (const who of IDENTITIES) {
    if (who === 'anonymous') continue;
    const staff = fixtures.staff[who];
    cookies[who] = await signIn(server.base, staff.email, staff.password);
  }
  await server.stop();
  await fixtures.deactivate();

  for (const routeCase of ROUTE_CASES) {
    for (const who of IDENTITIES) {
      planned.push({ name: caseName(routeCase, who), routeCase, who, call: await routeCase.arrange(fixtures, who) });
    }
  }
  for (const socketCase of SOCKET_CASES) {
    for (const who of IDENTITIES) {
      socketPlans.push({
        name: `GET /collab (${socketCase.variant}) as ${who}`,
        who,
        storyId: await socketCase.arrange(fixtures, who),
        expected: socketCase.expect[who],
      });
    }
  }
  const tokenCall = await TOKEN_CASE.arrange(fixtures);
  fingerprintBefore = await fingerprintDatabase();
  await closeDb();

  // Refusals first, all of them, then a look at the database: it must be as it was.
  server = await startServer(dataDir);
  const refused = planned.filter((item) => item.routeCase.expect[item.who] !== 'ok');
  for (const item of refused) item.answer = await perform(item.call, cookies[item.who] ?? null);
  await server.stop();
  fingerprintAfterRefusals = await fingerprintDatabase();
  await closeDb();

  server = await startServer(dataDir);
  for (const item of planned.filter((one) => one.routeCase.expect[one.who] === 'ok')) {
    item.answer = await perform(item.call, cookies[item.who] ?? null);
  }
  tokenAnswer = await perform(tokenCall, null);
  for (const plan of socketPlans) plan.outcome = await openLiveDocument(plan.storyId, cookies[plan.who] ?? null);
  console.info(
    `route × role: ${planned.length + socketPlans.length + 1} cases (${new Set(ROUTE_CASES.map((c) => c.route)).size + 1} routes × ${IDENTITIES.length} identities, with variants, plus the agency token)`,
  );
}, 900_000);

/**
 * Opens a story's live document the way an editor page does (Hocuspocus's provider, with
 * the page's cookie and origin); what the server granted, or why it refused.
 */
async function openLiveDocument(storyId: number, cookie: string | null): Promise<string> {
  const headers: Record<string, string> = { origin: server!.base, ...(cookie ? { cookie } : {}) };
  const url = `${server!.base.replace(/^http/, 'ws')}/collab`;
  // The upgrade itself: refused with an HTTP status before any document is named.
  const refused = await new Promise<number | null>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(null);
    });
    socket.on('error', () => resolve(0));
  });
  if (refused === 401) return 'unauthorized';
  if (refused !== null) return `upgrade answered ${refused}`;
  return new Promise((resolve) => {
    const websocketProvider = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: class extends WebSocket {
        constructor(address: string) {
          super(address, { headers });
        }
      },
    });
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: `story:${storyId}`,
      document: new Y.Doc(),
      onAuthenticated: ({ scope }) => finish(scope === 'readonly' ? 'read' : 'edit'),
      onAuthenticationFailed: ({ reason }) => finish(`refused (${reason})`),
    });
    const timer = setTimeout(() => finish('no answer in 10 s'), 10_000);
    function finish(outcome: string) {
      clearTimeout(timer);
      provider.destroy();
      websocketProvider.destroy();
      resolve(outcome);
    }
    provider.attach();
  });
}

afterAll(async () => {
  await server?.stop();
});

test('every page, route handler and server action in app/ has a row in the table, and every row a route', () => {
  const inApp = listAppRoutes(ROOT);
  const inTable = [...new Set(ROUTE_CASES.map((routeCase) => routeCase.route))].sort();
  expect({ missingFromTable: inApp.filter((route) => !inTable.includes(route)) }).toEqual({ missingFromTable: [] });
  expect({ notInApp: inTable.filter((route) => !inApp.includes(route)) }).toEqual({ notInApp: [] });
});

test('the build has no server action the filesystem scan missed', () => {
  const scanned = listAppRoutes(ROOT).filter((route) => route.startsWith('action '));
  for (const built of listBuiltActions()) expect(scanned).toContain(`action ${built}`);
});

test('calls refused to an identity wrote nothing to the database', () => {
  const changed = Object.keys(fingerprintBefore).filter(
    (table) => fingerprintBefore[table] !== fingerprintAfterRefusals[table],
  );
  expect(changed).toEqual([]);
  expect(Object.keys(fingerprintAfterRefusals).length).toBeGreaterThan(15);
});

test('an agency with a live API token can send wire copy', () => {
  expect(tokenAnswer?.status).toBe(200);
  expect(JSON.parse(tokenAnswer!.text)).toMatchObject({ status: 'new' });
});

describe('route × role', () => {
  test.for(ROUTE_CASES.flatMap((routeCase) => IDENTITIES.map((who) => caseName(routeCase, who))))('%s', (name) => {
    const item = planned.find((one) => one.name === name)!;
    expect({ name, outcome: outcomeOf(item) }).toEqual({ name, outcome: item.routeCase.expect[item.who] });
  });
});

describe('the live-editing socket × role', () => {
  test.for(
    SOCKET_CASES.flatMap((socketCase) => IDENTITIES.map((who) => `GET /collab (${socketCase.variant}) as ${who}`)),
  )('%s', (name) => {
    const plan = socketPlans.find((one) => one.name === name)!;
    expect({ name, outcome: plan.outcome }).toEqual({ name, outcome: plan.expected });
  });
});
