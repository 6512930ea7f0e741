import { formatByline } from '@/lib/byline';
import type { StoryCard } from '@/lib/public/story-card';
import { sectionPath } from '@/lib/public-routes';
import { PublishedTime } from './published-time';
import { StoryPicture } from './story-picture';

/** The front page's lead story: its picture large, headline, standfirst, byline and time. */
export function FrontLead({ story }: { story: StoryCard }) {
  const byline = formatByline(
    story.bylines.map((b) => b.name),
    story.agency,
  );
  return (
    <div className="front-lead">
      {story.image && (
        <figure className="front-lead__figure">
          <StoryPicture
            image={story.image}
            alt={story.image.alt}
            sizes="(min-width: 1100px) 640px, (min-width: 760px) 60vw, 100vw"
            displayWidth={960}
            priority
          />
          {story.image.credit && <figcaption>{story.image.credit}</figcaption>}
        </figure>
      )}
      <div className="front-lead__text">
        <p className="front-lead__section">
          <a href={sectionPath(story.section.slug)}>{story.section.name}</a>
        </p>
        <h3 className="front-lead__headline">
          <a href={story.path}>{story.headline}</a>
        </h3>
        {story.standfirst && <p className="front-lead__standfirst">{story.standfirst}</p>}
        <p className="story-card__meta">
          {byline && <span>{byline}</span>}
          <PublishedTime iso={story.firstPublishedAt} />
        </p>
      </div>
    </div>
  );
}
