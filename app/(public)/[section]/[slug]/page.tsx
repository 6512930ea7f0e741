import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleContent } from '@/components/public/article-content';
import { StoryList } from '@/components/public/story-list';
import { getConfig } from '@/lib/config';
import { getCachedArticlePage } from '@/lib/public/cached';
import { absoluteUrl, authorPath } from '@/lib/public-routes';
import { buildArticleJsonLd, serializeJsonLd } from '@/lib/seo/article-json-ld';
import { searchImage } from '@/lib/seo/search-image';

// Cached at run time, never prerendered at build (no static params): see [[...home]]/page.tsx.
// proxy.ts answers an old address with 301 and sets 410 for a story taken down before
// the cache is consulted; the cached page is the article, the 410 notice, or the 404.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { section: string; slug: string }[] {
  return [];
}

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const result = await getCachedArticlePage(section, slug);
  if (result.status !== 'published') return { title: 'No longer available', robots: { index: false } };
  const { article } = result;
  const { siteName, baseUrl } = getConfig();
  const description = article.description || undefined;
  const authors = article.bylines.map((byline) => absoluteUrl(baseUrl, authorPath(byline)));
  const picture = article.images[0];
  const image = picture ? { ...searchImage(picture, baseUrl), alt: picture.alt || article.headline } : undefined;
  return {
    title: article.headline,
    description,
    authors: article.bylines.map((byline) => ({ name: byline.name, url: authorPath(byline) })),
    alternates: { canonical: article.path },
    openGraph: {
      type: 'article',
      siteName,
      title: article.headline,
      description,
      url: article.path,
      publishedTime: article.firstPublishedAt,
      modifiedTime: article.lastPublishedAt,
      section: article.section.name,
      authors,
      ...(image ? { images: [image] } : {}),
    },
    twitter: image
      ? {
          card: 'summary_large_image',
          title: article.headline,
          description,
          images: [{ url: image.url, alt: image.alt }],
        }
      : { card: 'summary', title: article.headline, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const result = await getCachedArticlePage(section, slug);
  if (result.status === 'moved') permanentRedirect(result.location);
  if (result.status === 'gone') return <GoneNotice />;
  if (result.status === 'unknown') notFound();
  const { article, related } = result;
  const { siteName, baseUrl } = getConfig();
  const jsonLd = buildArticleJsonLd(article, { name: siteName, baseUrl });
  return (
    <main id="main" className="page article">
      <ArticleContent article={article} />
      {related.length > 0 && (
        <aside aria-labelledby="related-heading" className="related">
          <h2 id="related-heading">More from {article.section.name}</h2>
          <StoryList stories={related} headingLevel={3} showSection={false} />
        </aside>
      )}
      {/* serializeJsonLd escapes "<", so no headline can close this element early. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
    </main>
  );
}

function GoneNotice() {
  return (
    <main id="main" className="page notice-page">
      <h1>This story is no longer available</h1>
      <p>It has been withdrawn by the newsroom.</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </main>
  );
}
