import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections, stories, storyAuthors, users } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { articlePath } from '@/lib/public-routes';
import { renderStoryBody } from '@/lib/render/render-story-body';
import { listStoryCorrections } from '@/lib/stories/public-article';
import { describeBody, type ArticleView } from './article-page';

/**
 * The working copy shaped exactly as the public article page shows a published story
 * (same renderer, same view), for staff only: what readers will see once it is published.
 */
export async function getArticlePreview(actor: Actor, storyId: number, now = new Date()): Promise<ArticleView> {
  const db = await getDb();
  const [row] = await db
    .select({ story: stories, section: { slug: sections.slug, name: sections.name } })
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .where(eq(stories.id, storyId));
  if (!row) throw new NotFoundError('This story does not exist.');
  const bylines = await db
    .select({ id: users.id, name: users.name })
    .from(storyAuthors)
    .innerJoin(users, eq(users.id, storyAuthors.userId))
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
  if (!can(actor, 'view', { state: row.story.state, authorIds: bylines.map((b) => b.id) })) {
    throw new NotFoundError('This story does not exist.');
  }
  const { story, section } = row;
  // Not published yet: it would be "published" the moment it goes out, so now stands in.
  const first = story.firstPublishedAt ?? now;
  const last = story.firstPublishedAt ? now : first;
  return {
    storyId: story.id,
    headline: story.headline,
    standfirst: story.standfirst,
    ...describeBody(story.standfirst, story.body),
    bodyHtml: renderStoryBody(story.body),
    bylines,
    agency: story.agency,
    dateline: story.dateline,
    section,
    path: articlePath(section.slug, story.slug),
    firstPublishedAt: first.toISOString(),
    lastPublishedAt: last.toISOString(),
    corrections: (await listStoryCorrections(story.id)).map((c) => ({
      text: c.text,
      publishedAt: c.publishedAt.toISOString(),
    })),
  };
}
