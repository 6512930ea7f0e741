import Link from 'next/link';
import { formatDateTime } from '@/lib/format-time';
import type { RevisionSummary } from '@/lib/stories/story-revisions';

const KIND_LABELS: Record<RevisionSummary['kind'], string | null> = {
  save: null,
  conflict: 'Kept from a conflict',
  // Text that could not become the working copy: an API save refused for someone's lock, or
  // typing that arrived after its writer lost the right to edit.
  takeover: 'Kept when it could not be saved',
};

/** "+12 −3 words", or nothing for revisions saved before counts were kept. */
export function wordsChanged(revision: Pick<RevisionSummary, 'wordsAdded' | 'wordsRemoved'>): string | null {
  if (revision.wordsAdded === null || revision.wordsRemoved === null) return null;
  if (revision.wordsAdded === 0 && revision.wordsRemoved === 0) return 'no words changed';
  return `+${revision.wordsAdded} −${revision.wordsRemoved} words`;
}

/** The story's revisions beside the editor: who, when, how much; each compares with the current text. */
export function StoryRevisions({
  storyId,
  revisions,
  timeZone,
}: {
  storyId: number;
  revisions: RevisionSummary[];
  /** The newsroom's zone, as every other time on the story page. */
  timeZone: string;
}) {
  const current = revisions.find((r) => r.kind === 'save');
  const shown = revisions.slice(0, 30);
  return (
    <section aria-labelledby="revisions-heading" className="panel">
      <h2 id="revisions-heading">Revisions</h2>
      <ol className="revisions">
        {shown.map((revision) => {
          const label = KIND_LABELS[revision.kind];
          const words = wordsChanged(revision);
          return (
            <li key={revision.id} className="revision" data-kind={revision.kind}>
              <p className="revision__meta">
                <strong>Version {revision.version}</strong>
                {label && <span className="note__tag">{label}</span>}
                {revision.restoredFromId && <span className="note__tag">Restored</span>}
                <br />
                {revision.authorName} ·{' '}
                <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt, timeZone)}</time>
                {words && ` · ${words}`}
              </p>
              {current && current.id !== revision.id && (
                <Link href={`/desk/stories/${storyId}/revisions?from=${revision.id}&to=${current.id}`}>
                  Compare with current<span className="visually-hidden"> (revision {revision.id})</span>
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      {revisions.length > 1 && (
        <p>
          <Link href={`/desk/stories/${storyId}/revisions`}>All revisions and comparisons</Link>
        </p>
      )}
    </section>
  );
}
