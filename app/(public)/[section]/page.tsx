import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryListingPage } from '@/components/public/story-listing-page';
import { getCachedSectionPage } from '@/lib/public/cached';
import { sectionFeedPath, sectionPath } from '@/lib/public-routes';

// Cached at run time, never prerendered at build (no static params): see [[...home]]/page.tsx.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { section: string }[] {
  return [];
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section: slug } = await params;
  const section = await getCachedSectionPage(slug, 1);
  if (!section) return {};
  return {
    title: section.section.name,
    description: `The latest ${section.section.name} stories`,
    alternates: {
      canonical: sectionPath(slug),
      types: { 'application/rss+xml': sectionFeedPath(slug), 'application/atom+xml': sectionFeedPath(slug, 'atom') },
    },
  };
}

export default async function SectionPage({ params }: Props) {
  const { section: slug } = await params;
  const section = await getCachedSectionPage(slug, 1);
  if (!section) notFound();
  return (
    <StoryListingPage
      title={section.section.name}
      stories={section.items}
      page={1}
      pageCount={section.pageCount}
      hrefFor={(page) => sectionPath(slug, page)}
      showSection={false}
      empty={`Nothing published in ${section.section.name} yet.`}
    />
  );
}
