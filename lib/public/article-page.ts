import 'server-only';
import { renderStoryBody } from '@/lib/render/render-story-body';
import { describeArticle } from '@/lib/seo/article-description';
import { storyBodyImages, type StoryBody } from '@/lib/stories/story-body';
import { articlePath } from '@/lib/public-routes';
import { getPublishedArticle, resolveArticlePath } from '@/lib/stories/public-article';
import { listRelatedStories } from './listings';
import type { StoryCard } from './story-card';

/** A published article as the page shows it. JSON-safe: it is cached as JSON. */
export type ArticleView = {
  storyId: number;
  headline: string;
  standfirst: string;
  /** For search engines and social cards: the standfirst, else the first paragraph (≤ 160 characters). */
  description: string;
  /** The body's images, in order: the first is the picture search engines and social cards show. */
  images: ArticleImage[];
  /** Sanitized HTML from renderStoryBody: allowlisted markup only, all text escaped. */
  bodyHtml: string;
  bylines: { id: number; name: string }[];
  agency: string | null;
  /** Where the story was filed ("PARIS"), as the desk wrote it. */
  dateline: string | null;
  section: { slug: string; name: string };
  path: string;
  firstPublishedAt: string;
  lastPublishedAt: string;
  /** Published corrections, oldest first. */
  corrections: { text: string; publishedAt: string }[];
};

export type ArticleImage = {
  mediaId: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

/** Description and images of a body, as the article view carries them. */
export function describeBody(standfirst: string, body: StoryBody): Pick<ArticleView, 'description' | 'images'> {
  return {
    description: describeArticle(standfirst, body),
    images: storyBodyImages(body).map(({ mediaId, width, height, alt, caption, credit }) => ({
      mediaId,
      width,
      height,
      alt,
      caption,
      credit,
    })),
  };
}

export type ArticlePageResult =
  | { status: 'published'; article: ArticleView; related: StoryCard[] }
  | { status: 'moved'; location: string }
  | { status: 'gone' }
  | { status: 'unknown' };

/**
 * What the page at /{section}/{slug} shows: the live article (from the public read model
 * only) with related stories, or why there is none. proxy.ts has already answered moved
 * addresses with 301 and set 410 for gone ones; the page renders the matching notice.
 */
export async function getArticlePage(sectionSlug: string, storySlug: string): Promise<ArticlePageResult> {
  const article = await getPublishedArticle(sectionSlug, storySlug);
  if (!article) {
    const resolved = await resolveArticlePath(sectionSlug, storySlug);
    return resolved.status === 'published' ? { status: 'unknown' } : resolved;
  }
  const related = await listRelatedStories(article.storyId, article.section.slug);
  return {
    status: 'published',
    article: {
      storyId: article.storyId,
      headline: article.headline,
      standfirst: article.standfirst,
      ...describeBody(article.standfirst, article.body),
      bodyHtml: renderStoryBody(article.body),
      bylines: article.bylines,
      agency: article.agency,
      dateline: article.dateline,
      section: article.section,
      path: articlePath(article.section.slug, article.slug),
      firstPublishedAt: article.firstPublishedAt.toISOString(),
      lastPublishedAt: article.lastPublishedAt.toISOString(),
      corrections: article.corrections.map((c) => ({ text: c.text, publishedAt: c.publishedAt.toISOString() })),
    },
    related,
  };
}
