import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FrontLead } from '@/components/public/front-lead';
import { PublishedTime } from '@/components/public/published-time';
import { StoryList } from '@/components/public/story-list';
import { getConfig } from '@/lib/config';
import { getCachedFrontPage } from '@/lib/public/cached';
import { sectionPath } from '@/lib/public-routes';

// The front page lives in an optional catch-all so that it can be cached like the other
// public pages without being prerendered at build time (there is no database then): a
// plain app/(public)/page.tsx has no params, so Next would render it during `next build`.
// With no static params, "/" is rendered on its first request and cached until a
// publish, update, unpublish, kill or a change of the editors' order (Pin to front)
// invalidates it. Longer paths are not the home page.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { home: string[] }[] {
  return [];
}

type Props = { params: Promise<{ home?: string[] }> };

export function generateMetadata(): Metadata {
  const { siteName } = getConfig();
  return {
    title: { absolute: siteName },
    description: `The latest news from ${siteName}: the top stories and every section.`,
    alternates: {
      canonical: '/',
      types: { 'application/rss+xml': '/feed.xml', 'application/atom+xml': '/atom.xml' },
    },
    openGraph: {
      type: 'website',
      siteName,
      title: siteName,
      url: '/',
      description: `The latest news from ${siteName}: the top stories and every section.`,
    },
  };
}

export default async function HomePage({ params }: Props) {
  if ((await params).home?.length) notFound();
  const { siteName } = getConfig();
  const front = await getCachedFrontPage();
  return (
    <main id="main" className="page front">
      <h1 className="visually-hidden">{siteName}</h1>
      {front.lead === null ? (
        <section className="empty-state" aria-labelledby="empty-heading">
          <h2 id="empty-heading">Nothing published yet</h2>
          <p>Stories appear here as soon as the newsroom publishes them.</p>
        </section>
      ) : (
        <>
          <div className="front__head">
            <section aria-labelledby="top-heading" className="front__top">
              <h2 id="top-heading">Top stories</h2>
              <FrontLead story={front.lead} />
              {front.top.length > 0 && <StoryList stories={front.top} headingLevel={3} thumbnails />}
            </section>
            <section aria-labelledby="latest-heading" className="front__latest">
              <h2 id="latest-heading">Most recent</h2>
              <ol className="latest-list">
                {front.latest.map((story) => (
                  <li key={story.storyId}>
                    <PublishedTime iso={story.firstPublishedAt} />
                    <a href={story.path}>{story.headline}</a>
                    <span className="latest-list__section">{story.section.name}</span>
                  </li>
                ))}
              </ol>
            </section>
          </div>
          <div className="front__rails">
            {front.sections.map((section) => (
              <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="front__section">
                <h2 id={`section-${section.slug}`}>
                  <a href={sectionPath(section.slug)}>{section.name}</a>
                </h2>
                <StoryList stories={section.stories} headingLevel={3} showSection={false} />
              </section>
            ))}
          </div>
        </>
      )}
    </main>
  );
}
