import { formatNewsroomTime } from '@/lib/newsroom-time';
import type { StoryForEditor } from '@/lib/stories/get-story';

/** Every version readers were given, with corrections: the public-facing history. */
export function PublicationHistory({ publications }: { publications: StoryForEditor['publications'] }) {
  return (
    <section aria-labelledby="published-heading" className="panel">
      <h2 id="published-heading">Published versions</h2>
      <ol className="timeline">
        {[...publications].reverse().map((publication) => (
          <li key={publication.id}>
            <strong>Version {publication.version}</strong>{' '}
            {publication.action === 'publish' ? 'published' : 'update published'}
            {publication.scheduled ? ' on schedule' : ''} by {publication.actorName} ·{' '}
            <time dateTime={publication.publishedAt.toISOString()}>{formatNewsroomTime(publication.publishedAt)}</time>
            {publication.correction && <p className="timeline__note">Correction: {publication.correction}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
