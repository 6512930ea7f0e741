// Arranges a database before the servers start, for the durability, scale-out and soak
// runs: the default sections, an admin with an API token, N editors with one draft each
// (what their autosaving clients write to), published stories for readers, and stories
// scheduled at given times. Prints one JSON line describing them on stdout.
//   node --conditions=react-server --import tsx scripts/lib/prepare-newsroom.ts '{"editors":4,…}'
import { closeDb, getDb } from '@/db/client';
import { createStaff } from '@/db/factories';
import { seedDatabase } from '@/db/seed';
import { createApiToken } from '@/lib/api-tokens';
import { listSections } from '@/lib/sections';
import { createStory } from '@/lib/stories/create-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { transitionStory } from '@/lib/stories/transition-story';

type Options = {
  editors?: number;
  published?: number;
  token?: boolean;
  /**
   * One scheduled story each, due this many ms after scheduling starts. Relative, because
   * preparing takes seconds on a busy machine: an absolute time chosen before could be
   * past by then. The times used are in the output.
   */
  scheduleIn?: number[];
  /** Stories waiting in review, for an editor to publish. */
  inReview?: number;
};

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const PASSWORD = 'durable editor password';

const db = await getDb();
await seedDatabase(db, { demo: false, demoPassword: 'unused-demo' });
const sectionList = await listSections();
const admin = await createStaff({ role: 'admin', name: 'Run Admin', email: `admin-${process.pid}@wiredesk.test` });
const token = options.token ? (await createApiToken(admin, { name: 'Run wire feed' })).token : null;

const editors = [];
for (let i = 0; i < (options.editors ?? 0); i++) {
  const editor = await createStaff({
    role: 'editor',
    name: `Editor ${i + 1}`,
    email: `editor-${i + 1}-${process.pid}@wiredesk.test`,
    password: PASSWORD,
  });
  const section = sectionList[i % sectionList.length]!;
  const story = await createStory(editor, {
    headline: `Working draft ${i + 1}`,
    sectionId: section.id,
    body: storyBodyFromParagraphs(['First line.']),
  });
  editors.push({ email: editor.email, password: PASSWORD, storyId: story.id, slug: story.slug, sectionId: section.id });
}

const published = [];
const paragraphs = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i + 1}: the harbour authority said the ferries would resume once the storm had passed.`,
);
for (let i = 0; i < (options.published ?? 0); i++) {
  const section = sectionList[i % sectionList.length]!;
  const story = await createStory(admin, {
    headline: `Published story ${i + 1} on the harbour`,
    standfirst: 'Readers read this one.',
    sectionId: section.id,
    body: storyBodyFromParagraphs(paragraphs),
  });
  await transitionStory(admin, story.id, { action: 'submit' });
  await transitionStory(admin, story.id, { action: 'publish' });
  published.push({ path: `/${section.slug}/${story.slug}`, section: section.slug });
}

const scheduled = [];
const scheduleFrom = Date.now();
for (const [i, offset] of (options.scheduleIn ?? []).entries()) {
  // Never less than a second ahead, however long the stories before this one took.
  const at = Math.max(scheduleFrom + offset, Date.now() + 1000);
  const story = await createStory(admin, {
    headline: `Scheduled story ${i + 1}`,
    sectionId: sectionList[0]!.id,
    body: storyBodyFromParagraphs(['Goes out on its own.']),
  });
  await transitionStory(admin, story.id, { action: 'submit' });
  await transitionStory(admin, story.id, { action: 'schedule', publishAt: new Date(at) });
  scheduled.push({ id: story.id, publishAt: at });
}

const inReview = [];
for (let i = 0; i < (options.inReview ?? 0); i++) {
  const section = sectionList[i % sectionList.length]!;
  const story = await createStory(admin, {
    headline: `Waiting for an editor ${i + 1}`,
    standfirst: 'Ready to go.',
    sectionId: section.id,
    body: storyBodyFromParagraphs(paragraphs),
  });
  await transitionStory(admin, story.id, { action: 'submit' });
  inReview.push({ id: story.id, path: `/${section.slug}/${story.slug}`, section: section.slug });
}

await closeDb();
console.log(
  JSON.stringify({ token, editors, published, scheduled, inReview, sections: sectionList.map((s) => s.slug) }),
);
