import Link from 'next/link';
import { countChangedWords, diffWords } from '@/lib/diff/word-diff';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import type { StoryWireInfo } from '@/lib/wire/wire-queue';
import { HandleAlertButton } from './handle-alert-button';

/** On a story made from wire copy: the agency's kill or withdrawal notices, until handled. */
export function WireAlerts({ storyId, info, canHandle }: { storyId: number; info: StoryWireInfo; canHandle: boolean }) {
  const open = info.alerts.filter((alert) => alert.handledAt === null);
  if (open.length === 0) return null;
  return (
    <>
      {open.map((alert) => (
        <div key={alert.id} role="alert" className="wire-alert">
          <p>
            <strong>
              {info.source.agency || 'The agency'} has {alert.kind === 'canceled' ? 'killed' : 'withdrawn'} the wire
              item this story was made from
            </strong>{' '}
            (<time dateTime={alert.createdAt.toISOString()}>{formatNewsroomTime(alert.createdAt)}</time>). Do not
            publish it; if it is published, kill the story.
          </p>
          {canHandle && <HandleAlertButton storyId={storyId} alertId={alert.id} />}
        </div>
      ))}
    </>
  );
}

/** Beside a story made from wire copy: a newer version (with a word diff), and the wire text. */
export function WirePanel({ info }: { info: StoryWireInfo }) {
  const diff = info.latest ? diffWords(info.source.bodyText, info.latest.bodyText) : null;
  const changed = diff ? countChangedWords(diff) : null;
  return (
    <section aria-labelledby="wire-panel-heading" className="panel wire-panel">
      <h2 id="wire-panel-heading">Wire copy</h2>
      {info.latest && diff && changed && (
        <div className="wire-update">
          <p>
            <strong>Wire updated: version {info.latest.version} available</strong> (this story was made from version{' '}
            {info.source.version}; {changed.added} words added, {changed.removed} removed).{' '}
            <Link href={`/desk/wire/${info.latest.id}`}>Open version {info.latest.version}</Link>
          </p>
          <details>
            <summary>Show the changes</summary>
            <p className="diff">
              {diff.map((part, i) =>
                part.kind === 'added' ? (
                  <ins key={i}>{part.text}</ins>
                ) : part.kind === 'removed' ? (
                  <del key={i}>{part.text}</del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </details>
        </div>
      )}
      <details open={!info.latest}>
        <summary>
          {info.source.agency || 'Wire'} version {info.source.version}: {info.source.headline ?? 'no headline'}
        </summary>
        <div className="wire-panel__text">
          {info.source.bodyText.split('\n\n').map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
        <Link href={`/desk/wire/${info.source.id}`}>Open the wire item</Link>
      </details>
    </section>
  );
}
