import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleContent } from '@/components/public/article-content';
import { requireStaff } from '@/lib/auth/current-user';
import { NotFoundError } from '@/lib/errors';
import { getArticlePreview } from '@/lib/public/article-preview';
import { StoryIdSchema } from '@/lib/stories/story-input';

// Staff only, the working copy as it stands: never cached, never indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** The working copy inside the public site's layout, rendered by the article page's own component. */
export default async function PreviewPage({ params }: Props) {
  const user = await requireStaff();
  const id = StoryIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const article = await getArticlePreview(user, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <main id="main" className="page article">
      <p className="preview-banner" role="note">
        Preview of the working copy — readers do not see this page. Back to the{' '}
        <a href={`/desk/stories/${article.storyId}`}>story in the desk</a>.
      </p>
      <ArticleContent article={article} />
    </main>
  );
}
