import type { Metadata } from 'next';
import { AuthorListing, loadAuthorPage } from '@/components/public/author-listing';
import { authorPath } from '@/lib/public-routes';

// Cached at run time, never prerendered at build (no static params): see [[...home]]/page.tsx.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { author: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ author: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { author: segment, page: pageSegment } = await params;
  const { author, page } = await loadAuthorPage(segment, pageSegment);
  return {
    title: `${author.author.name} · page ${page}`,
    alternates: { canonical: authorPath(author.author, page) },
  };
}

export default async function AuthorPageN({ params }: Props) {
  const { author: segment, page: pageSegment } = await params;
  const { author, page } = await loadAuthorPage(segment, pageSegment);
  return <AuthorListing author={author} page={page} />;
}
