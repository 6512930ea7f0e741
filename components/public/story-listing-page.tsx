import type { ReactNode } from 'react';
import type { StoryCard } from '@/lib/public/story-card';
import { Pagination } from './pagination';
import { StoryList } from './story-list';

/** Section and author pages: a heading, one page of stories, and the way to the others. */
export function StoryListingPage({
  title,
  intro,
  stories,
  page,
  pageCount,
  hrefFor,
  showSection,
  empty,
}: {
  title: string;
  intro?: ReactNode;
  stories: StoryCard[];
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  showSection: boolean;
  empty: string;
}) {
  return (
    <main id="main" className="page listing">
      <h1>
        {title}
        {page > 1 && <span className="visually-hidden"> (page {page})</span>}
      </h1>
      {intro}
      {stories.length > 0 ? (
        <StoryList stories={stories} showSection={showSection} />
      ) : (
        <p className="empty-state">{empty}</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </main>
  );
}
