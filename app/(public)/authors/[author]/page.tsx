import type { Metadata } from 'next';
import { AuthorListing, loadAuthorPage } from '@/components/public/author-listing';
import { authorPath } from '@/lib/public-routes';

// Cached at run time, never prerendered at build (no static params): see [[...home]]/page.tsx.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { author: string }[] {
  return [];
}

type Props = { params: Promise<{ author: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { author } = await loadAuthorPage((await params).author, null);
  return {
    title: author.author.name,
    description: `Stories by ${author.author.name}`,
    alternates: { canonical: authorPath(author.author) },
  };
}

export default async function AuthorPage({ params }: Props) {
  const { author, page } = await loadAuthorPage((await params).author, null);
  return <AuthorListing author={author} page={page} />;
}
