import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { groupChanges } from '@/components/story/group-changes';
import { RestoreRevisionButton } from '@/components/story/restore-revision-button';
import { wordsChanged } from '@/components/story/story-revisions';
import { requireStaff } from '@/lib/auth/current-user';
import type { DiffPart } from '@/lib/diff/word-diff';
import { NotFoundError } from '@/lib/errors';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { StoryIdSchema } from '@/lib/stories/story-input';
import { compareRevisions, type RevisionSummary } from '@/lib/stories/story-revisions';

export const metadata: Metadata = { title: 'Revisions' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const words = (n: number) => `${n} ${n === 1 ? 'word' : 'words'}`;

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {groupChanges(parts).map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function RevisionSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  revisions: RevisionSummary[];
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value}>
        {props.revisions.map((r) => (
          <option key={r.id} value={r.id}>
            {`Version ${r.version}${r.kind === 'save' ? '' : ' (kept)'} — ${r.authorName}, ${formatNewsroomTime(r.createdAt)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requireStaff();
  const id = StoryIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const story = await getStoryForEditor(user, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const query = await searchParams;
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const revisions = story.revisions;
  const current = revisions.find((r) => r.kind === 'save');
  const toId = one(query.to) ?? String(current?.id ?? '');
  const fromId = one(query.from) ?? String(revisions.find((r) => String(r.id) !== toId)?.id ?? toId);
  const comparison =
    revisions.length > 1
      ? await compareRevisions(user, story.id, fromId, toId).catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        })
      : null;
  return (
    <>
      <p>
        <Link href={`/desk/stories/${story.id}`}>← Back to the story</Link>
      </p>
      <h1>Revisions of “{story.headline}”</h1>
      <form method="get" className="filters" aria-label="Compare revisions">
        <RevisionSelect id="compare-from" name="from" label="From" value={fromId} revisions={revisions} />
        <RevisionSelect id="compare-to" name="to" label="To" value={toId} revisions={revisions} />
        <div className="filters__actions">
          <button type="submit" className="button">
            Compare
          </button>
        </div>
      </form>
      {comparison && (
        <section aria-labelledby="diff-heading" className="revision-diff">
          <h2 id="diff-heading">
            Version {comparison.from.version} → version {comparison.to.version}:{' '}
            {comparison.diff.added === 0 && comparison.diff.removed === 0
              ? 'no words changed'
              : `${words(comparison.diff.added)} added, ${comparison.diff.removed} removed`}
          </h2>
          <p className="muted">
            Insertions are <ins>underlined</ins>, deletions <del>struck through</del>.
          </p>
          <h3 className="revision-diff__headline">
            <Diff parts={comparison.diff.headline} />
          </h3>
          <p className="revision-diff__standfirst">
            <Diff parts={comparison.diff.standfirst} />
          </p>
          <div className="revision-diff__body">
            <Diff parts={comparison.diff.body} />
          </div>
          {story.canEdit && (
            <div className="revision-diff__actions">
              <RestoreRevisionButton
                storyId={story.id}
                revisionId={comparison.from.id}
                version={comparison.from.version}
              />
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="all-revisions-heading">
        <h2 id="all-revisions-heading">All revisions</h2>
        <table className="table">
          <caption className="visually-hidden">Revisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Words changed</th>
              <th scope="col">Compare</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.version}
                  {r.kind === 'conflict' && ' (kept from a conflict)'}
                  {r.kind === 'takeover' && ' (kept when it could not be saved)'}
                  {r.restoredFromId && ' (restored)'}
                </td>
                <td>{r.authorName}</td>
                <td>
                  <time dateTime={r.createdAt.toISOString()}>{formatNewsroomTime(r.createdAt)}</time>
                </td>
                <td>{wordsChanged(r) ?? '—'}</td>
                <td>
                  {current && r.id !== current.id && (
                    <Link href={`/desk/stories/${story.id}/revisions?from=${r.id}&to=${current.id}`}>
                      With current<span className="visually-hidden"> (revision {r.id})</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
