import { formatByline } from '@/lib/byline';
import type { StoryCard } from '@/lib/public/story-card';
import { PublishedTime } from './published-time';

/** A list of published stories: headline link, standfirst, byline and time. */
export function StoryList({
  stories,
  headingLevel = 2,
  showSection = true,
}: {
  stories: StoryCard[];
  headingLevel?: 2 | 3;
  showSection?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="story-list">
      {stories.map((story) => {
        const byline = formatByline(
          story.bylines.map((b) => b.name),
          story.agency,
        );
        return (
          <li key={story.storyId} className="story-card">
            <Heading className="story-card__headline">
              <a href={story.path}>{story.headline}</a>
            </Heading>
            {story.standfirst && <p className="story-card__standfirst">{story.standfirst}</p>}
            <p className="story-card__meta">
              {showSection && <span>{story.section.name}</span>}
              {byline && <span>{byline}</span>}
              <PublishedTime iso={story.firstPublishedAt} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
