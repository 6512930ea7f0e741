// Reads back what autosaving clients were told (their ledgers) and what was scheduled,
// and checks the database against it: every acknowledged save is there, whole, as the
// story's working copy or as the revision of that version; nothing anyone did not send
// is there; every scheduled story was published exactly once. Prints a JSON report.
//   node --conditions=react-server --import tsx scripts/lib/check-saves.ts LEDGER.json
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { stories, storyPublications, storyRevisions } from '@/db/schema';
import { storyContentHash } from './content-hash.mjs';

type Ledger = {
  storyId: number;
  acks: { version: number; hash: string }[];
  unacknowledged: string[];
};
type Input = {
  ledgers: Ledger[];
  scheduled: { id: number; publishAt: number }[];
  outages: { from: number; restartAt: number; to: number }[];
};

const input = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Input;
const db = await getDb();
const problems: string[] = [];
let acknowledged = 0;
let revisionsChecked = 0;

for (const ledger of input.ledgers) {
  const [story] = await db
    .select({
      version: stories.version,
      headline: stories.headline,
      standfirst: stories.standfirst,
      body: stories.body,
    })
    .from(stories)
    .where(eq(stories.id, ledger.storyId));
  if (!story) {
    problems.push(`story ${ledger.storyId} is missing`);
    continue;
  }
  const revisions = await db
    .select({
      version: storyRevisions.version,
      headline: storyRevisions.headline,
      standfirst: storyRevisions.standfirst,
      body: storyRevisions.body,
    })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, ledger.storyId), eq(storyRevisions.kind, 'save')));
  const byVersion = new Map<number, string[]>();
  for (const revision of revisions) {
    byVersion.set(revision.version, [...(byVersion.get(revision.version) ?? []), storyContentHash(revision)]);
  }
  // Versions go 1, 2, 3… with one save revision each: none lost, none doubled.
  for (let v = 1; v <= story.version; v++) {
    const hashes = byVersion.get(v) ?? [];
    if (hashes.length !== 1) problems.push(`story ${ledger.storyId}: ${hashes.length} save revisions for version ${v}`);
  }
  for (const ack of ledger.acks) {
    acknowledged++;
    revisionsChecked++;
    const hashes = byVersion.get(ack.version) ?? [];
    if (!hashes.includes(ack.hash)) {
      problems.push(`story ${ledger.storyId}: acknowledged version ${ack.version} is not in the revisions as sent`);
    }
  }
  const last = ledger.acks.at(-1);
  const current = storyContentHash(story);
  if (last && story.version < last.version) {
    problems.push(`story ${ledger.storyId}: at version ${story.version}, below the acknowledged ${last.version}`);
  } else if (last && story.version === last.version && current !== last.hash) {
    problems.push(`story ${ledger.storyId}: the working copy differs from the last acknowledged save`);
  } else if (story.version > (last?.version ?? 1) && !ledger.unacknowledged.includes(current)) {
    // A newer version than acknowledged must be a save whose answer was lost, not a stranger's.
    problems.push(`story ${ledger.storyId}: version ${story.version} holds text no client sent`);
  }
}

const scheduledIds = input.scheduled.map((s) => s.id);
const publications =
  scheduledIds.length > 0
    ? await db
        .select({
          storyId: storyPublications.storyId,
          scheduled: storyPublications.scheduled,
          at: storyPublications.publishedAt,
        })
        .from(storyPublications)
        .where(inArray(storyPublications.storyId, scheduledIds))
    : [];
const states =
  scheduledIds.length > 0
    ? await db.select({ id: stories.id, state: stories.state }).from(stories).where(inArray(stories.id, scheduledIds))
    : [];
let dueDuringOutage = 0;
const lateness: number[] = [];
// How long after the server was launched again a story due during its outage went out.
const afterRestart: number[] = [];
for (const item of input.scheduled) {
  const rows = publications.filter((p) => p.storyId === item.id);
  const state = states.find((s) => s.id === item.id)?.state;
  if (rows.length !== 1 || !rows[0]!.scheduled || state !== 'published') {
    problems.push(`scheduled story ${item.id}: ${rows.length} publications, state ${state}`);
    continue;
  }
  const at = rows[0]!.at.getTime();
  if (at < item.publishAt) problems.push(`scheduled story ${item.id} went out early`);
  const outage = input.outages.find((o) => item.publishAt >= o.from && item.publishAt < o.to);
  if (outage) {
    // Due while no server ran, so the restarted one published it (the killed one was gone).
    dueDuringOutage++;
    afterRestart.push(at - outage.restartAt);
  }
  lateness.push(at - item.publishAt);
}

await closeDb();
console.log(
  JSON.stringify({
    problems,
    acknowledged,
    revisionsChecked,
    scheduled: input.scheduled.length,
    dueDuringOutage,
    maxLatenessMs: lateness.length ? Math.max(...lateness) : 0,
    maxAfterRestartMs: afterRestart.length ? Math.max(...afterRestart) : 0,
  }),
);
