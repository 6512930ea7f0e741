// What the route suites need to talk to the real production server: start and stop it on
// the suite's data directory, sign in, send requests and call server actions the way a
// browser does (Next-Action header, React's reply encoding), and read what came back.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const require = createRequire(import.meta.url);
// React's client encoder, as Next.js ships it: the same bytes a browser sends for an action.
const { encodeReply } = require(
  path.join(ROOT, 'node_modules/next/dist/compiled/react-server-dom-webpack/client.node.js'),
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

export type Server = { base: string; stop: () => Promise<void>; output: () => string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node server/main.mjs` on the suite's data directory and waits until it is ready. */
export async function startServer(dataDir: string): Promise<Server> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')))
    throw new Error('No production build: run `npm run build`.');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server', 'main.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      WIREDESK_DATA_DIR: dataDir,
      PORT: String(port),
      WIREDESK_HOSTNAME: '127.0.0.1',
      WIREDESK_BASE_URL: base,
      WIREDESK_LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { base, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the server did not become ready:\n${output}`);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  };
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: remember(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const cookie = remember(response);
  if (!cookie.includes('session-token')) throw new Error(`sign-in failed for ${email}`);
  return cookie;
}

export type Answer = { status: number; location: string | null; headers: Headers; text: string };

async function answerOf(response: Response): Promise<Answer> {
  return {
    status: response.status,
    location: response.headers.get('location') ?? response.headers.get('x-action-redirect'),
    headers: response.headers,
    text: await response.text(),
  };
}

export type HttpRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: BodyInit;
};

/** Sends a request as a browser of this identity would (its cookie, same-origin). */
export async function send(base: string, cookie: string | null, request: HttpRequest): Promise<Answer> {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: { ...(cookie ? { cookie } : {}), origin: base, ...request.headers },
    body: request.body,
    redirect: 'manual',
  });
  return answerOf(response);
}

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

let manifest: Record<string, ManifestEntry> | undefined;

/** The id Next.js gave a server action in this build. */
export function actionId(file: string, exportedName: string): string {
  manifest ??= (
    JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, ManifestEntry>;
    }
  ).node;
  const found = Object.entries(manifest).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${file}#${exportedName} in the build (is it current?)`);
  return found[0];
}

/** Every server action the build knows, as `file#name`. */
export function listBuiltActions(): string[] {
  actionId('app/desk/stories/actions.ts', 'createStoryAction');
  return Object.values(manifest!).map((entry) => `${entry.filename}#${entry.exportedName}`);
}

/**
 * Calls a server action as the page at `page` would: the bound arguments first, then the
 * previous state and the form, encoded as React encodes them.
 */
export async function callAction(
  base: string,
  cookie: string | null,
  action: { file: string; name: string; page: string; args: unknown[] },
): Promise<Answer> {
  const body = await encodeReply(action.args);
  return send(base, cookie, {
    method: 'POST',
    path: action.page,
    headers: { 'next-action': actionId(action.file, action.name), accept: 'text/x-component' },
    body: body as BodyInit,
  });
}

/** A form as a desk page submits it. */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

/** The result object a server action returned, read out of its RSC answer. */
export function actionResult(answer: Answer): { status?: string; formError?: string; message?: string } | null {
  // The answer's rows are `id:json`; the action's return value is the row the root points at.
  const rows = new Map<string, string>();
  for (const line of answer.text.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const root = rows.get('0');
  if (!root) return null;
  try {
    const parsed = JSON.parse(root) as { a?: string };
    const ref = typeof parsed.a === 'string' && parsed.a.startsWith('$@') ? parsed.a.slice(2) : null;
    const value = ref ? rows.get(ref) : undefined;
    return value ? (JSON.parse(value) as { status?: string }) : null;
  } catch {
    return null;
  }
}
