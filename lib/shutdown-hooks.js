// What must be stopped, in order, when the server shuts down gracefully: the scheduler,
// the inbox watcher, the leadership and invalidation connections, the database. lib/
// code (bundled by Next.js) registers them as it starts things; the production server's
// Next.js thread (server/next-thread.mjs, plain Node.js) runs them once the last request
// has been answered.
// Plain JavaScript on globalThis for the same reason as lib/log.js: two module copies.

const HOOKS = Symbol.for('wiredesk.shutdown-hooks');

/** @typedef {{ name: string, run: () => Promise<void> | void }} ShutdownHook */

/** @returns {ShutdownHook[]} */
function hooks() {
  const holder = /** @type {Record<symbol, ShutdownHook[] | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[HOOKS] ??= [];
  return holder[HOOKS];
}

/**
 * Registers something to stop at shutdown. Hooks run in reverse order of registration
 * (last started, first stopped), so the database, opened first, is closed last.
 * @param {string} name
 * @param {() => Promise<void> | void} run
 */
export function onShutdown(name, run) {
  hooks().push({ name, run });
}

/**
 * Runs every hook once, last registered first; a hook that fails or hangs past
 * `timeoutMs` is reported and does not stop the others.
 * @param {{ timeoutMs?: number, onError?: (name: string, error: unknown) => void }} [options]
 * @returns {Promise<string[]>} the names of the hooks that ran, in order
 */
export async function runShutdownHooks(options = {}) {
  const timeoutMs = options.timeoutMs ?? 5000;
  const ran = [];
  const list = hooks().splice(0).reverse();
  for (const hook of list) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      await Promise.race([
        Promise.resolve().then(hook.run),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      options.onError?.(hook.name, error);
    } finally {
      clearTimeout(timer);
    }
    ran.push(hook.name);
  }
  return ran;
}
