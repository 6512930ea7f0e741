// Arranges the e2e database before the server starts (the server then owns it):
// the same seed a newcomer gets (accounts, sections, the demo newsroom and its wire),
// plus accounts individual specs need to themselves, plus published stories for the
// public site spec — published after the demo's, so they are the newest.
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { createStaff } from '@/db/factories';
import { sections, users } from '@/db/schema';
import { seedDemoNewsroom } from '@/db/demo/seed-demo-newsroom';
import { seedDatabase } from '@/db/seed';
import { getConfig } from '@/lib/config';
import { createStory } from '@/lib/stories/create-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { transitionStory } from '@/lib/stories/transition-story';
import { DEMO_ACCOUNTS, E2E_ACCOUNTS } from './accounts';
import { LEAD_STORY, SEARCH_STORY, SECRET_DRAFT, SPORT_STORY_COUNT, sportHeadline } from './public-fixtures';

const config = getConfig();
const db = await getDb();
const seeded = await seedDatabase(db, { demo: true, demoPassword: config.demoPassword });
if (seeded.status !== 'seeded') throw new Error(`e2e expects an empty data directory, found ${config.dataDir} in use`);
const demo = await seedDemoNewsroom({ password: config.demoPassword });
console.log(`e2e: demo newsroom (${demo.stories} stories, ${demo.wireItems} wire items) seeded in ${demo.ms} ms`);
for (const account of Object.values(E2E_ACCOUNTS)) await createStaff(account);

const staff = async (email: string) => {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return { id: user!.id, name: user!.name, email: user!.email, role: user!.role };
};
const reporter = await staff(DEMO_ACCOUNTS.reporter.email);
const editor = await staff(DEMO_ACCOUNTS.editor.email);
const sectionId = async (slug: string) =>
  (await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)))[0]!.id;

// Published a minute apart, oldest first, ending an hour ago: the lead story is the newest
// (the demo newsroom's newest is three hours old).
let clock = Date.now() - 60 * 60_000 - (SPORT_STORY_COUNT + 3) * 60_000;
async function publish(input: Parameters<typeof createStory>[1], authorIds?: number[]) {
  const at = new Date((clock += 60_000));
  const { id } = await createStory(reporter, { ...input, authorIds }, at);
  await transitionStory(reporter, id, { action: 'submit' }, at);
  await transitionStory(editor, id, { action: 'publish' }, at);
}

for (let n = 1; n <= SPORT_STORY_COUNT; n++) {
  await publish({
    headline: sportHeadline(n),
    sectionId: await sectionId('sport'),
    body: storyBodyFromParagraphs([`Round ${n} was settled in stoppage time.`]),
  });
}
await publish({
  headline: SEARCH_STORY.headline,
  sectionId: await sectionId(SEARCH_STORY.section),
  body: storyBodyFromParagraphs([...SEARCH_STORY.paragraphs]),
});
await publish(
  {
    headline: LEAD_STORY.headline,
    standfirst: LEAD_STORY.standfirst,
    sectionId: await sectionId(LEAD_STORY.section),
    agency: LEAD_STORY.agency,
    dateline: LEAD_STORY.dateline,
    body: storyBodyFromParagraphs([...LEAD_STORY.paragraphs]),
  },
  [reporter.id, editor.id],
);
await createStory(reporter, {
  headline: SECRET_DRAFT.headline,
  sectionId: await sectionId('culture'),
  body: storyBodyFromParagraphs([...SECRET_DRAFT.paragraphs]),
});
await closeDb();
