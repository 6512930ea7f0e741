import 'server-only';
import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sections, stories, storyAuthors, storyComments, storyStateCounts } from '@/db/schema';
import { can, requirePermission, type Actor } from '@/lib/permissions';
import { rowIdSchema } from '@/lib/validation';
import { STORY_STATES, type StoryState } from '@/lib/workflow';

export const DESK_PAGE_SIZE = 50;
export const BOARD_COLUMN_SIZE = 20;

export type DeskStory = {
  id: number;
  headline: string;
  state: StoryState;
  sectionName: string;
  bylines: string;
  updatedAt: Date;
  stateChangedAt: Date;
  embargoUntil: Date | null;
  /** The latest change request not yet resolved: what the reporter has to do. */
  openChangeRequest: string | null;
  /** Notes in the story's thread nobody has resolved yet (the desk shows a badge). */
  openNotes: number;
};

// Filters come from the URL: a bad value is ignored (shows everything), never an error page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const DeskFiltersSchema = z.object({
  state: optional(z.enum(STORY_STATES)),
  section: optional(rowIdSchema('Unknown section')),
  author: optional(rowIdSchema('Unknown author')),
  q: optional(z.string().trim().max(200)),
  after: optional(z.string().max(100)),
  before: optional(z.string().max(100)),
});
export type DeskFilters = z.infer<typeof DeskFiltersSchema>;

// Keyset cursors on (updated_at, id): a deep page costs what the first page costs.
// Timestamps are written from JS dates, so millisecond precision round-trips exactly.
type Cursor = { updatedAt: Date; id: number };

export function encodeCursor(story: { updatedAt: Date; id: number }): string {
  return `${story.updatedAt.getTime()}.${story.id}`;
}

function decodeCursor(value: string | undefined): Cursor | null {
  const match = value ? /^(\d{1,15})\.(\d{1,10})$/.exec(value) : null;
  return match ? { updatedAt: new Date(Number(match[1])), id: Number(match[2]) } : null;
}

/** Words typed in the desk search, as a prefix tsquery: `kim tra` finds "Kim … train". */
export function toPrefixTsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase())
    .filter(Boolean)
    .slice(0, 8);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : null;
}

const bylines = sql<string>`coalesce((
  select string_agg(u.name, ', ' order by sa.position)
  from story_authors sa join users u on u.id = sa.user_id
  where sa.story_id = ${stories.id}), '')`;

const openChangeRequest = sql<string | null>`(
  select c.body from ${storyComments} c
  where c.story_id = ${stories.id} and c.kind = 'change_request' and c.resolved_at is null
  order by c.id desc limit 1)`;

// Served by the partial index story_comments_open_idx: only open notes are read.
const openNotes = sql<number>`(
  select count(*)::int from ${storyComments} c
  where c.story_id = ${stories.id} and c.resolved_at is null)`;

const deskColumns = {
  id: stories.id,
  headline: stories.headline,
  state: stories.state,
  sectionName: sections.name,
  bylines,
  updatedAt: stories.updatedAt,
  stateChangedAt: stories.stateChangedAt,
  embargoUntil: stories.embargoUntil,
  openChangeRequest,
  openNotes,
};

function filterConditions(filters: DeskFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.state) conditions.push(eq(stories.state, filters.state));
  if (filters.section) conditions.push(eq(stories.sectionId, filters.section));
  if (filters.author) {
    conditions.push(
      inArray(
        stories.id,
        sql`(select ${storyAuthors.storyId} from ${storyAuthors} where ${storyAuthors.userId} = ${filters.author})`,
      ),
    );
  }
  const query = filters.q ? toPrefixTsQuery(filters.q) : null;
  if (query) conditions.push(sql`${stories.searchVector} @@ to_tsquery('simple', ${query})`);
  return conditions;
}

/** One page of the desk story list, newest change first, with cursors to the next and previous pages. */
export async function listDeskStories(
  actor: Actor,
  filters: DeskFilters,
  pageSize = DESK_PAGE_SIZE,
): Promise<{ stories: DeskStory[]; next: string | null; previous: string | null }> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const conditions = filterConditions(filters);
  const after = decodeCursor(filters.after);
  const before = after ? null : decodeCursor(filters.before);
  if (after)
    conditions.push(
      sql`(${stories.updatedAt}, ${stories.id}) < (${after.updatedAt.toISOString()}::timestamptz, ${after.id})`,
    );
  if (before)
    conditions.push(
      sql`(${stories.updatedAt}, ${stories.id}) > (${before.updatedAt.toISOString()}::timestamptz, ${before.id})`,
    );

  const rows = await db
    .select(deskColumns)
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .where(and(...conditions))
    .orderBy(...(before ? [asc(stories.updatedAt), asc(stories.id)] : [desc(stories.updatedAt), desc(stories.id)]))
    .limit(pageSize + 1);

  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    stories: page,
    // Going back, "more" means there are newer ones; going forward, older ones.
    next: last && (before ? true : more) ? encodeCursor(last) : null,
    previous: first && (before ? more : Boolean(after)) ? encodeCursor(first) : null,
  };
}

/** The board: for each state, its most recently changed stories. */
export async function listBoard(
  actor: Actor,
  filters: Pick<DeskFilters, 'section' | 'author' | 'q'>,
): Promise<Record<StoryState, DeskStory[]>> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const columns = await Promise.all(
    STORY_STATES.map((state) =>
      db
        .select(deskColumns)
        .from(stories)
        .innerJoin(sections, eq(sections.id, stories.sectionId))
        .where(and(eq(stories.state, state), ...filterConditions(filters)))
        .orderBy(desc(stories.updatedAt), desc(stories.id))
        .limit(BOARD_COLUMN_SIZE),
    ),
  );
  return Object.fromEntries(STORY_STATES.map((state, i) => [state, columns[i]!])) as Record<StoryState, DeskStory[]>;
}

/** What the dashboard shows: a reporter's own stories; for editors, also the review queue and counts per state. */
export async function getDashboard(actor: Actor): Promise<{
  myStories: DeskStory[];
  reviewQueue: DeskStory[] | null;
  stateCounts: Record<StoryState, number> | null;
}> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const myStories = await db
    .select(deskColumns)
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .where(
      and(
        inArray(
          stories.id,
          sql`(select ${storyAuthors.storyId} from ${storyAuthors} where ${storyAuthors.userId} = ${actor.id})`,
        ),
        notInArray(stories.state, ['spiked', 'killed']),
      ),
    )
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .limit(20);
  if (!can(actor, 'story:review')) return { myStories, reviewQueue: null, stateCounts: null };

  const reviewQueue = await db
    .select(deskColumns)
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .where(eq(stories.state, 'in_review'))
    .orderBy(asc(stories.stateChangedAt), asc(stories.id))
    .limit(50);
  const counts = await db.select().from(storyStateCounts);
  const stateCounts = Object.fromEntries(STORY_STATES.map((state) => [state, 0])) as Record<StoryState, number>;
  for (const { state, count } of counts) stateCounts[state] = count;
  return { myStories, reviewQueue, stateCounts };
}
