import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { walkStory, type WorkflowStep } from '@/db/factories';
import { sections, stories, users, wireFiles, wireItems } from '@/db/schema';
import { DEFAULT_SECTIONS, DEMO_USERS, DEMO_WIRE_FOLDER, seedDemoWire } from '@/db/seed';
import { hashPassword } from '@/lib/auth/password';
import { storeUploadedImage } from '@/lib/media/media-store';
import type { Actor } from '@/lib/permissions';
import { createStory } from '@/lib/stories/create-story';
import { arrangeFrontPage } from '@/lib/stories/front-page';
import { saveStory } from '@/lib/stories/save-story';
import type { StoryBlock, StoryBody } from '@/lib/stories/story-body';
import { addStoryNote } from '@/lib/stories/story-notes';
import { getWorkingCopy } from '@/lib/stories/story-revisions';
import { createStoryFromWire } from '@/lib/wire/wire-queue';
import {
  DEMO_FRONT_PAGE,
  DEMO_IMAGE_CREDIT,
  DEMO_STORIES,
  DEMO_WIRE_STORY,
  DEMO_WRITERS,
  type DemoBlock,
  type DemoPerson,
  type DemoStory,
} from './demo-content';
import { renderDemoImage, type DemoScene } from './demo-images';

export type DemoSeedResult = {
  /** Stories this run made (0 when the demo newsroom was there already). */
  stories: number;
  /** Demo stories already in the database, left exactly as they are. */
  existing: number;
  wireItems: number;
  /** Demo accounts this run had to create. */
  accountsCreated: number;
  ms: number;
};

const DEMO_EMAILS: Record<DemoPerson, string> = {
  reporter: DEMO_USERS.find((user) => user.role === 'reporter')!.email,
  editor: DEMO_USERS.find((user) => user.role === 'editor')!.email,
  admin: DEMO_USERS.find((user) => user.role === 'admin')!.email,
  ...(Object.fromEntries(DEMO_WRITERS.map((writer) => [writer.key, writer.email])) as Record<
    Exclude<DemoPerson, 'reporter' | 'editor' | 'admin'>,
    string
  >),
};

/** FNV-1a: a picture's seed from its story's slug, so each story always gets the same one. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

type Picture = { scene: DemoScene; alt: string; caption: string };

function toBody(blocks: readonly DemoBlock[], image: { mediaId: string; picture: Picture } | null): StoryBody {
  const content: StoryBlock[] = blocks.map((block) =>
    typeof block === 'string'
      ? { type: 'paragraph', content: [{ type: 'text', text: block }] }
      : 'crosshead' in block
        ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: block.crosshead }] }
        : { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: block.quote }] }] },
  );
  if (image) content.splice(1, 0, imageBlock(image.mediaId, image.picture));
  return { type: 'doc', content };
}

function imageBlock(mediaId: string, picture: Picture): StoryBlock {
  // Width and height are filled in from the stored image when the story is saved.
  return {
    type: 'image',
    attrs: { mediaId, width: 1, height: 1, alt: picture.alt, caption: picture.caption, credit: DEMO_IMAGE_CREDIT },
  };
}

/**
 * The demo cast, found by email; missing accounts are made the way db/seed.ts makes the
 * demo accounts (one password hash for all: hashing is slow on purpose). The three demo
 * logins get `password` when there is one; writers, and logins without one, get a random
 * password nobody knows — they are bylines until an admin sets one.
 */
async function ensureCast(password: string | null): Promise<{ cast: Record<DemoPerson, Actor>; created: number }> {
  const db = await getDb();
  const emails = Object.values(DEMO_EMAILS);
  const find = () =>
    db
      .select({ id: users.id, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(inArray(users.email, emails));
  let found = await find();
  const missing = emails.filter((email) => !found.some((row) => row.email === email));
  if (missing.length > 0) {
    const isLogin = (email: string) => password !== null && DEMO_USERS.some((user) => user.email === email);
    const [loginHash, lockedHash] = await Promise.all([
      missing.some(isLogin) ? hashPassword(password!) : null,
      missing.some((email) => !isLogin(email)) ? hashPassword(randomBytes(24).toString('base64url')) : null,
    ]);
    await db
      .insert(users)
      .values(
        missing.map((email) => {
          const login = DEMO_USERS.find((user) => user.email === email);
          const writer = DEMO_WRITERS.find((w) => w.email === email);
          return {
            email,
            name: login?.name ?? writer!.name,
            role: login?.role ?? ('reporter' as const),
            passwordHash: (isLogin(email) ? loginHash : lockedHash)!,
          };
        }),
      )
      .onConflictDoNothing({ target: users.email });
    found = await find();
  }
  const cast = {} as Record<DemoPerson, Actor>;
  for (const [person, email] of Object.entries(DEMO_EMAILS) as [DemoPerson, string][]) {
    const user = found.find((row) => row.email === email)!;
    if (!user.active) {
      throw new Error(`The demo account ${email} is deactivated; activate it (npm run user -- activate) first.`);
    }
    cast[person] = { id: user.id, role: user.role };
  }
  return { cast, created: missing.length };
}

/** The sections the demo writes in, created if an admin removed or never had them. */
async function ensureSections(): Promise<Map<string, number>> {
  const db = await getDb();
  await db
    .insert(sections)
    .values(DEFAULT_SECTIONS.map((section, position) => ({ ...section, position })))
    .onConflictDoNothing({ target: sections.slug });
  const rows = await db.select({ id: sections.id, slug: sections.slug }).from(sections);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

type Op = { at: number; order: number; run: () => Promise<void> };

/**
 * Adds the demo newsroom (db/demo/demo-content.ts) to the database: published stories
 * with pictures in every section, one corrected, one from the wire, the others in every
 * other state of the workflow, with notes, notifications and the editors' front page.
 * Everything goes through the real lib/ functions at explicit times before `now`, so the
 * timeline, revisions, public pages and notifications are the real thing. Idempotent: a
 * story whose slug exists is left alone (and the wire dedups), so a second run adds nothing.
 */
export async function seedDemoNewsroom(
  options: { now?: Date; password?: string | null } = {},
): Promise<DemoSeedResult> {
  const started = performance.now();
  const db = await getDb();
  // Whole minutes: times on the desk read like a newsroom's, not like a test's.
  const now = Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000;
  const ago = (hours: number) => new Date(now - Math.round(hours * 60) * 60_000);

  const allSlugs = [...DEMO_STORIES.map((story) => story.slug), DEMO_WIRE_STORY.slug];
  const existing = new Set(
    (await db.select({ slug: stories.slug }).from(stories).where(inArray(stories.slug, allSlugs))).map((r) => r.slug),
  );
  const todo = DEMO_STORIES.filter((story) => !existing.has(story.slug));
  const wireTodo = !existing.has(DEMO_WIRE_STORY.slug);

  // Accounts first: their password hashes run on the same worker threads as the drawing,
  // and would otherwise wait behind every picture.
  const { cast, created } = await ensureCast(options.password ?? null);
  // Pictures are drawn and stored (each checked by decoding it) on worker threads while
  // the database work below runs on this one: two at a time, oldest story first, so file
  // reads (the same threads) never queue behind a dozen drawings.
  const drawings: { slug: string; scene: DemoScene; by: Actor; hoursAgo: number }[] = todo.flatMap((story) =>
    story.image
      ? [{ slug: story.slug, scene: story.image.scene, by: cast[story.writers[0]!], hoursAgo: creationHoursAgo(story) }]
      : [],
  );
  if (wireTodo) {
    const { slug, image, writer, createdHoursAgo } = DEMO_WIRE_STORY;
    drawings.push({ slug, scene: image.scene, by: cast[writer], hoursAgo: createdHoursAgo });
  }
  const uploads = new Map<string, Promise<string>>();
  const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  for (const [i, { slug, scene, by, hoursAgo }] of drawings.sort((a, b) => b.hoursAgo - a.hoursAgo).entries()) {
    const stored = lanes[i % 2]!.then(async () => {
      const bytes = await renderDemoImage(scene, seedOf(slug));
      return (await storeUploadedImage(by, new Uint8Array(bytes), ago(hoursAgo))).id;
    });
    // A failure is reported where the story awaits its picture, not as an unhandled rejection.
    lanes[i % 2] = stored.catch(() => undefined);
    uploads.set(slug, stored);
  }
  const uploaded = (slug: string) => uploads.get(slug)!;

  const sectionIds = await ensureSections();
  const wireItemCount = await seedDemoWire(new Date(now));

  const ids = new Map<string, number>();
  const ops: Op[] = [];
  const schedule = (at: Date, run: () => Promise<void>) => ops.push({ at: at.getTime(), order: ops.length, run });
  const idOf = (slug: string) => ids.get(slug)!;

  for (const story of todo) planStory(story);
  if (wireTodo) planWireStory();

  // The editors arrange the front page once its stories are out: pinned in reverse so
  // the last pin is the lead, then the second moved up — the order DEMO_FRONT_PAGE gives.
  const pins = DEMO_FRONT_PAGE.filter((slug) => todo.some((story) => story.slug === slug));
  if (pins.length === DEMO_FRONT_PAGE.length) {
    const latestPublish = Math.min(...DEMO_FRONT_PAGE.map((slug) => publishedHoursAgo(slug)));
    const [lead, second, third] = DEMO_FRONT_PAGE as [string, string, string];
    const pinAt = (step: number) => ago(latestPublish - 0.1 - step * 0.05);
    for (const [step, slug] of [second, third, lead].entries()) {
      schedule(pinAt(step), async () => {
        await arrangeFrontPage(cast.editor, { storyId: idOf(slug), move: 'pin' }, pinAt(step));
      });
    }
    schedule(pinAt(3), async () => {
      await arrangeFrontPage(cast.editor, { storyId: idOf(second), move: 'up' }, pinAt(3));
    });
  }

  // In time order across all stories, so ids (and the newest-first lists ordered by them,
  // such as notifications) agree with the times.
  ops.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const op of ops) await op.run();

  return {
    stories: todo.length + (wireTodo ? 1 : 0),
    existing: existing.size,
    wireItems: wireItemCount,
    accountsCreated: created,
    ms: Math.round(performance.now() - started),
  };

  function publishedHoursAgo(slug: string): number {
    const life = DEMO_STORIES.find((story) => story.slug === slug)!.life;
    return life.hoursAgo;
  }

  function planStory(story: DemoStory): void {
    const writer = cast[story.writers[0]!];
    const editor = cast.editor;
    const { life } = story;
    const createdAt = ago(creationHoursAgo(story));
    let version = 1;
    let body: StoryBody | null = null;
    const input = () => ({
      headline: story.headline,
      standfirst: story.standfirst,
      slug: story.slug,
      sectionId: sectionIds.get(story.section)!,
      dateline: story.dateline ?? '',
      authorIds: story.writers.map((person) => cast[person].id),
    });

    schedule(createdAt, async () => {
      const mediaId = story.image ? await uploaded(story.slug) : null;
      body = toBody(story.body, mediaId && story.image ? { mediaId, picture: story.image } : null);
      const { id } = await createStory(writer, { ...input(), dateline: story.dateline, body }, createdAt);
      ids.set(story.slug, id);
    });
    const steps = (list: (Omit<WorkflowStep, 'by'> & { by?: Actor })[]) => {
      for (const step of list) {
        schedule(step.at, () => walkStory(idOf(story.slug), [{ by: editor, ...step }]));
      }
    };
    const submitted = ago(life.hoursAgo + 1.5);
    switch (life.state) {
      case 'draft':
        break;
      case 'spiked':
        steps([{ by: cast[life.by], action: 'spike', at: ago(life.hoursAgo), note: life.note }]);
        break;
      case 'in_review':
        steps([{ by: writer, action: 'submit', at: ago(life.hoursAgo) }]);
        break;
      case 'changes_requested':
        steps([
          { by: writer, action: 'submit', at: ago(life.hoursAgo + 2) },
          { action: 'request_changes', at: ago(life.hoursAgo), note: life.note },
        ]);
        break;
      case 'approved':
        steps([
          { by: writer, action: 'submit', at: ago(life.hoursAgo + 2) },
          { action: 'approve', at: ago(life.hoursAgo) },
        ]);
        break;
      case 'scheduled':
        steps([
          { by: writer, action: 'submit', at: ago(life.hoursAgo + 3) },
          { action: 'approve', at: ago(life.hoursAgo + 1) },
          { action: 'schedule', at: ago(life.hoursAgo), publishAt: ago(-life.publishInHours) },
        ]);
        break;
      case 'published':
      case 'unpublished':
      case 'killed':
        steps([
          { by: writer, action: 'submit', at: submitted },
          { action: 'publish', at: ago(life.hoursAgo) },
        ]);
        if (life.state === 'unpublished') {
          steps([{ action: 'unpublish', at: ago(life.unpublishedHoursAgo), note: life.note }]);
        }
        if (life.state === 'killed') {
          steps([{ by: cast[life.by], action: 'kill', at: ago(life.killedHoursAgo), note: life.note }]);
        }
        if (life.state === 'published' && life.correction) {
          const { correction } = life;
          const fixedAt = ago(correction.hoursAgo + 0.2);
          schedule(fixedAt, async () => {
            body = replaceText(body!, ...correction.replace);
            version = (await saveStory(editor, idOf(story.slug), { ...input(), body, baseVersion: version }, fixedAt))
              .version;
          });
          steps([{ action: 'publish_update', at: ago(correction.hoursAgo), correction: correction.text }]);
        }
        if (life.state === 'published' && life.pendingEdit) {
          const { pendingEdit } = life;
          const editedAt = ago(pendingEdit.hoursAgo);
          schedule(editedAt, async () => {
            body = { ...body!, content: [...body!.content, paragraph(pendingEdit.addParagraph)] };
            version = (await saveStory(writer, idOf(story.slug), { ...input(), body, baseVersion: version }, editedAt))
              .version;
          });
        }
        break;
    }
    for (const note of story.notes ?? []) {
      const at = ago(note.hoursAgo);
      schedule(at, async () => {
        await addStoryNote(cast[note.by], idOf(story.slug), { body: note.text }, at);
      });
    }
  }

  function planWireStory(): void {
    const { slug } = DEMO_WIRE_STORY;
    const writer = cast[DEMO_WIRE_STORY.writer];
    const createdAt = ago(DEMO_WIRE_STORY.createdHoursAgo);
    const editedAt = ago(DEMO_WIRE_STORY.createdHoursAgo - 0.2);
    schedule(createdAt, async () => {
      // "Create story" on the wire item, as a reporter does in the queue…
      const { id } = await createStoryFromWire(writer, await findWireItem(DEMO_WIRE_STORY.wireFile), createdAt);
      ids.set(slug, id);
      // …then a standfirst, a picture and a shorter address before sending it to the desk.
      const copy = await getWorkingCopy(writer, id);
      const mediaId = await uploaded(slug);
      const [first, ...rest] = copy.body.content;
      await saveStory(
        writer,
        id,
        {
          headline: copy.headline,
          standfirst: DEMO_WIRE_STORY.standfirst,
          slug,
          sectionId: copy.sectionId,
          dateline: copy.dateline,
          authorIds: copy.authorIds,
          body: { type: 'doc', content: [first!, imageBlock(mediaId, DEMO_WIRE_STORY.image), ...rest] },
          baseVersion: copy.version,
        },
        editedAt,
      );
    });
    const submittedAt = ago(DEMO_WIRE_STORY.publishedHoursAgo + 0.3);
    const publishedAt = ago(DEMO_WIRE_STORY.publishedHoursAgo);
    schedule(submittedAt, () => walkStory(idOf(slug), [{ by: writer, action: 'submit', at: submittedAt }]));
    schedule(publishedAt, () => walkStory(idOf(slug), [{ by: cast.editor, action: 'publish', at: publishedAt }]));
  }
}

/** The newest version of the wire item ingested from one of the demo wire files. */
async function findWireItem(fixture: string): Promise<number> {
  const bytes = await fs.readFile(path.join(DEMO_WIRE_FOLDER, fixture));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const db = await getDb();
  const [item] = await db
    .select({ id: wireItems.id })
    .from(wireItems)
    .innerJoin(wireFiles, eq(wireFiles.id, wireItems.fileId))
    .where(and(eq(wireFiles.sha256, sha256), eq(wireItems.latest, true)))
    .limit(1);
  if (!item) throw new Error(`The demo wire item from ${fixture} is not in the queue.`);
  return item.id;
}

// How long before its present state each story was first drafted, so timelines read naturally.
const DRAFTING_HOURS: Record<DemoStory['life']['state'], number> = {
  draft: 0,
  spiked: 1,
  in_review: 2,
  changes_requested: 4,
  approved: 4,
  scheduled: 5,
  published: 3,
  unpublished: 3,
  killed: 3,
};

function creationHoursAgo(story: DemoStory): number {
  return story.life.hoursAgo + DRAFTING_HOURS[story.life.state];
}

function paragraph(text: string): StoryBlock {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/** The body with one phrase replaced wherever it appears (a correction's fix). */
function replaceText(body: StoryBody, from: string, to: string): StoryBody {
  return JSON.parse(JSON.stringify(body).split(from).join(to)) as StoryBody;
}
