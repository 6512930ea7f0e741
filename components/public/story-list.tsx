import { formatByline } from '@/lib/byline';
import type { StoryCard } from '@/lib/public/story-card';
import { PublishedTime } from './published-time';
import { StoryPicture } from './story-picture';

/** A list of published stories: headline link, standfirst, byline and time (and a thumbnail, if asked). */
export function StoryList({
  stories,
  headingLevel = 2,
  showSection = true,
  thumbnails = false,
}: {
  stories: StoryCard[];
  headingLevel?: 2 | 3;
  showSection?: boolean;
  thumbnails?: boolean;
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
          <li key={story.storyId} className="story-card" data-thumbnail={thumbnails && story.image ? '' : undefined}>
            {thumbnails && story.image && (
              <StoryPicture
                className="story-card__thumb"
                image={story.image}
                alt=""
                sizes="(min-width: 760px) 10rem, 30vw"
                displayWidth={320}
              />
            )}
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
