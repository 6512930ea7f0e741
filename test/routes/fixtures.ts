// The data the route suites act on, made through lib/ exactly as the desk makes it, while
// the server is stopped. Each allowed call gets things of its own (it may change them);
// refused calls get the same kind of thing, so that only the permission can refuse them.
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { createStaff, getTestSection, walkStory, type WorkflowStep } from '@/db/factories';
import { users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { createApiToken } from '@/lib/api-tokens';
import { storeUploadedImage } from '@/lib/media/media-store';
import { createStory } from '@/lib/stories/create-story';
import { saveStory } from '@/lib/stories/save-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { addStoryNote } from '@/lib/stories/story-notes';
import { getWorkingCopy, listRevisions } from '@/lib/stories/story-revisions';
import type { StaffUser } from '@/lib/users';
import { ingestWireFile } from '@/lib/wire/ingest';
import { createStoryFromWire, getStoryWireInfo } from '@/lib/wire/wire-queue';
import type { StoryState } from '@/lib/workflow';
import { newsmlG2Item } from '@/test/wire-documents';

export const IDENTITIES = ['anonymous', 'deactivated', 'reporter', 'editor', 'admin'] as const;
export type Identity = (typeof IDENTITIES)[number];
export type Staff = StaffUser & { password: string };

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;
const FUTURE = new Date('2031-06-01T09:00:00Z');

/** Everything a case can ask for; made on first use of each. */
export class Fixtures {
  staff!: Record<Exclude<Identity, 'anonymous'>, Staff>;
  sectionId!: number;
  /** Published stories in one section and by one author, past a page of listings. */
  listing!: { section: string; authorSegment: string; articlePath: string; mediaId: string };

  static async create(): Promise<Fixtures> {
    const fixtures = new Fixtures();
    const db = await getDb();
    await seedDatabase(db, { demo: false, demoPassword: 'unused-password' });
    const make = (role: StaffUser['role'], name: string) =>
      createStaff({ role, name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@routes.test` });
    fixtures.staff = {
      reporter: await make('reporter', 'Rae Reporter'),
      editor: await make('editor', 'Eli Editor'),
      admin: await make('admin', 'Ada Admin'),
      deactivated: await make('reporter', 'Dee Departed'),
    };
    fixtures.sectionId = await getTestSection('world', 'World');
    const mediaId = await fixtures.image(fixtures.staff.reporter);
    let articlePath = '';
    for (let i = 0; i < 21; i++) {
      const id = await fixtures.story('published', { headline: `Harbour listing story ${i}` });
      articlePath = `/world/${(await getWorkingCopy(fixtures.staff.editor, id)).slug}`;
    }
    const reporter = fixtures.staff.reporter;
    fixtures.listing = { section: 'world', authorSegment: `${reporter.id}-rae-reporter`, articlePath, mediaId };
    return fixtures;
  }

  /** Who a case acts as: the deactivated user's fixtures are made as an active reporter's. */
  actor(who: Identity): Staff {
    return who === 'anonymous' || who === 'deactivated' ? this.staff.reporter : this.staff[who];
  }

  /** A story by `author` (the reporter by default), walked through the workflow to `state`. */
  async story(
    state: StoryState,
    options: { author?: Staff; headline?: string; pendingChanges?: boolean; fromWire?: number } = {},
  ): Promise<number> {
    const author = options.author ?? this.staff.reporter;
    const editor = this.staff.editor;
    const { id } = await createStory(author, {
      headline: options.headline ?? `Route check story ${unique()}`,
      sectionId: this.sectionId,
      body: storyBodyFromParagraphs(['The ferry left on time.', 'Passengers cheered.']),
    });
    type Step = Omit<WorkflowStep, 'at'>;
    const submit: Step = { by: author, action: 'submit' };
    const publish: Step = { by: editor, action: 'publish' };
    const steps: Record<StoryState, Step[]> = {
      draft: [],
      in_review: [submit],
      changes_requested: [submit, { by: editor, action: 'request_changes', note: 'Add a quote.' }],
      approved: [submit, { by: editor, action: 'approve' }],
      scheduled: [submit, { by: editor, action: 'schedule', publishAt: FUTURE }],
      published: [submit, publish],
      unpublished: [submit, publish, { by: editor, action: 'unpublish' }],
      killed: [submit, publish, { by: editor, action: 'kill', note: 'Legal asked.' }],
      spiked: [{ by: author, action: 'spike' }],
    };
    await walkStory(
      id,
      steps[state].map((step) => ({ ...step, at: new Date() })),
    );
    if (options.pendingChanges) await this.edit(id, editor, 'A corrected headline');
    return id;
  }

  /** Saves a new version of the story (a second revision to restore, pending changes…). */
  async edit(storyId: number, by: Staff, headline: string): Promise<void> {
    await saveStory(by, storyId, { ...(await this.draft(storyId)), headline });
  }

  /** The working copy as the editor form sends it back. */
  async draft(storyId: number) {
    const copy = await getWorkingCopy(this.staff.editor, storyId);
    return {
      headline: copy.headline,
      standfirst: copy.standfirst,
      slug: copy.slug,
      dateline: copy.dateline ?? '',
      sectionId: copy.sectionId,
      authorIds: copy.authorIds,
      body: copy.body,
      baseVersion: copy.version,
    };
  }

  /** The id of the oldest revision of a story (to restore). */
  async firstRevision(storyId: number): Promise<number> {
    const revisions = await listRevisions(this.staff.editor, storyId);
    return revisions.at(-1)!.id;
  }

  async note(storyId: number, by: Staff): Promise<number> {
    return (await addStoryNote(by, storyId, { body: 'Check the spelling of the mayor.' })).id;
  }

  async image(by: Staff): Promise<string> {
    return (await storeUploadedImage(by, await pngBytes())).id;
  }

  /** A wire item in the queue. */
  async wireItem(): Promise<number> {
    const guid = `urn:routes:${unique()}`;
    const result = await ingestWireFile(this.staff.reporter, {
      bytes: newsmlG2Item({ guid, headline: 'Port strike called off' }),
    });
    return result.id;
  }

  /** A published story made from a wire item the agency then killed: an open alert. */
  async wireAlert(): Promise<{ storyId: number; alertId: number }> {
    const guid = `urn:routes:${unique()}`;
    const first = await ingestWireFile(this.staff.reporter, {
      bytes: newsmlG2Item({ guid, headline: `Dam opens ${guid}` }),
    });
    const { id: storyId } = await createStoryFromWire(this.staff.reporter, first.id);
    await walkStory(storyId, [
      { by: this.staff.reporter, action: 'submit', at: new Date() },
      { by: this.staff.editor, action: 'publish', at: new Date() },
    ]);
    await ingestWireFile(this.staff.reporter, {
      bytes: newsmlG2Item({
        guid,
        version: 2,
        pubStatus: 'canceled',
        headline: `KILL Dam opens ${guid}`,
        paragraphs: ['Kill it.'],
      }),
    });
    const info = await getStoryWireInfo(this.staff.editor, { id: storyId, sourceWireItemId: first.id });
    return { storyId, alertId: info!.alerts[0]!.id };
  }

  async apiToken(): Promise<{ id: number; token: string }> {
    return createApiToken(this.staff.admin, { name: `Route feed ${unique()}` });
  }

  private colleagueAccount: Promise<Staff> | undefined;
  /** Another reporter: the author of "someone else's story". */
  colleague(): Promise<Staff> {
    this.colleagueAccount ??= createStaff({
      role: 'reporter',
      name: 'Cole Colleague',
      email: 'cole.colleague@routes.test',
    });
    return this.colleagueAccount;
  }

  /** A fresh reporter account for an admin to change. */
  async account(): Promise<Staff> {
    return createStaff({ role: 'reporter' });
  }

  /** Deactivates the deactivated identity (after it signed in: its cookie stays valid). */
  async deactivate(): Promise<void> {
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, this.staff.deactivated.id));
  }
}

let png: Promise<Buffer> | undefined;
/** A small real picture. */
export function pngBytes(): Promise<Buffer> {
  png ??= sharp({ create: { width: 64, height: 48, channels: 3, background: '#2266aa' } })
    .png()
    .toBuffer();
  return png;
}

export const uniqueTag = unique;
