import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { StoryListingPage } from '@/components/public/story-listing-page';
import { getCachedSectionPage } from '@/lib/public/cached';
import { parsePageSegment, sectionPath } from '@/lib/public-routes';

// Cached at run time, never prerendered at build (no static params): see [[...home]]/page.tsx.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { section: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ section: string; page: string }> };

async function load(params: Props['params']) {
  const { section: slug, page: segment } = await params;
  if (segment === '1') permanentRedirect(sectionPath(slug));
  const page = parsePageSegment(segment);
  const section = page ? await getCachedSectionPage(slug, page) : null;
  if (!page || !section || page > section.pageCount) notFound();
  return { slug, page, section };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page, section } = await load(params);
  return { title: `${section.section.name} · page ${page}`, alternates: { canonical: sectionPath(slug, page) } };
}

export default async function SectionPageN({ params }: Props) {
  const { slug, page, section } = await load(params);
  return (
    <StoryListingPage
      title={section.section.name}
      stories={section.items}
      page={page}
      pageCount={section.pageCount}
      hrefFor={(n) => sectionPath(slug, n)}
      showSection={false}
      empty=""
    />
  );
}
