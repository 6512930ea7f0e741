// An editor's autosave, as the editor page does it (lib/stories/autosave-protocol.ts):
// POST /api/stories/{id}/save with the whole draft and the version it is based on. It
// keeps a ledger of what the server acknowledged, so a run can check afterwards that
// every acknowledged save is in the database, whole. Like the editor page, a save whose
// answer never came (the server died, the connection broke) is sent again unchanged:
// the server answers "saved" either way, and never stores it twice.
import { randomBytes } from 'node:crypto';
import { storyContentHash } from './content-hash.mjs';

/** The header naming the editing session (one open editor page): lib/stories/autosave-protocol.ts. */
export const EDIT_SESSION_HEADER = 'x-edit-session';

/** A new editing session id, as an editor page makes one when it opens. */
export function newEditSession() {
  return randomBytes(18).toString('base64url');
}

const PARAGRAPH =
  'The harbour authority said the ferries would resume once the storm had passed, and that passengers should check before travelling.';

/**
 * What one client has been told and has sent, per story.
 * @typedef {{
 *   storyId: number,
 *   acks: { version: number, hash: string }[],
 *   unacknowledged: string[],
 *   cutOff: number,
 *   committedUnacknowledged: number,
 *   foreign: string[],
 *   failures: { network: number, server: number, refused: number },
 *   latencies: number[],
 * }} SaveLedger
 */

/**
 * @param {number} storyId
 * @returns {SaveLedger}
 */
export function createLedger(storyId) {
  return {
    storyId,
    acks: [],
    unacknowledged: [],
    cutOff: 0,
    committedUnacknowledged: 0,
    foreign: [],
    failures: { network: 0, server: 0, refused: 0 },
    latencies: [],
  };
}

/**
 * The draft an editor has typed after `n` keystrokes' worth of changes: a ~600-word story
 * whose last paragraph grows.
 * @param {{ headline: string, clientId: string }} story
 * @param {number} n
 */
function draftAfter(story, n) {
  const content = [];
  for (let i = 0; i < 24; i++) {
    if (i === 8 || i === 16) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Crosshead ${i / 8}` }] });
    }
    content.push({ type: 'paragraph', content: [{ type: 'text', text: `${PARAGRAPH} (${i + 1})` }] });
  }
  content.push({ type: 'paragraph', content: [{ type: 'text', text: `Update ${n} from ${story.clientId}.` }] });
  return {
    headline: `${story.headline} (${n})`,
    standfirst: `Revision ${n} of a story that must survive anything.`,
    body: { type: 'doc', content },
  };
}

/**
 * Runs one editor's autosave loop until `shouldStop()`; every answer goes into `ledger`.
 * @param {{
 *   base: () => string,
 *   cookie: string,
 *   story: { storyId: number, slug: string, sectionId: number, headline?: string },
 *   clientId: string,
 *   ledger: SaveLedger,
 *   pauseMs: () => number,
 *   shouldStop: () => boolean,
 *   baseVersion?: number,
 *   session?: string,
 * }} options
 */
export async function runAutosaver({
  base,
  cookie,
  story,
  clientId,
  ledger,
  pauseMs,
  shouldStop,
  baseVersion = 1,
  session = newEditSession(),
}) {
  let version = baseVersion;
  let n = 0;
  let draft = draftAfter({ headline: story.headline ?? `Story ${story.storyId}`, clientId }, ++n);
  let pending = false; // the current draft was sent and its answer never came
  const headers = { cookie, 'content-type': 'application/json', [EDIT_SESSION_HEADER]: session };
  while (!shouldStop()) {
    const hash = storyContentHash(draft);
    const origin = base();
    const started = performance.now();
    let response;
    try {
      response = await fetch(`${origin}/api/stories/${story.storyId}/save`, {
        method: 'POST',
        headers: { ...headers, origin },
        body: JSON.stringify({
          ...draft,
          slug: story.slug,
          dateline: '',
          sectionId: story.sectionId,
          baseVersion: version,
        }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      ledger.failures.network++;
      if (!pending) {
        ledger.cutOff++;
        ledger.unacknowledged.push(hash);
      }
      pending = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const text = await response.text().catch(() => '');
    /** @type {any} */
    let answer = null;
    try {
      answer = JSON.parse(text);
    } catch {
      // not JSON: a proxy's error page, a server dying mid-answer
    }
    if (response.status === 200 && answer?.status === 'saved') {
      ledger.latencies.push(performance.now() - started);
      ledger.acks.push({ version: answer.version, hash });
      if (pending) {
        // "Nothing changed" for a resent draft: the first attempt had committed before the cut.
        if (answer.changed === false) ledger.committedUnacknowledged++;
        ledger.unacknowledged = ledger.unacknowledged.filter((h) => h !== hash);
      }
      pending = false;
      version = answer.version;
      draft = draftAfter({ headline: story.headline ?? `Story ${story.storyId}`, clientId }, ++n);
      await new Promise((resolve) => setTimeout(resolve, pauseMs()));
    } else if (response.status === 409 && answer?.status === 'conflict') {
      // Someone saved since our base: only we write this story, so it must be a save of
      // ours whose answer was lost. Anything else would be someone else's text: a bug.
      const theirs = storyContentHash(answer.theirs);
      if (ledger.unacknowledged.includes(theirs)) ledger.committedUnacknowledged++;
      else ledger.foreign.push(`version ${answer.theirs.version}: ${theirs}`);
      version = answer.theirs.version;
    } else if (response.status >= 500 || answer === null) {
      ledger.failures.server++;
      if (!pending) {
        ledger.cutOff++;
        ledger.unacknowledged.push(hash);
      }
      pending = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } else {
      ledger.failures.refused++;
      throw new Error(`save refused (${response.status}): ${text.slice(0, 300)}`);
    }
  }
}
