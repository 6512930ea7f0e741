import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StateBadge } from '@/components/story/state-badge';
import { CreateStoryButton } from '@/components/wire/create-story-button';
import { WireBadges } from '@/components/wire/wire-badges';
import { requireStaff } from '@/lib/auth/current-user';
import { NotFoundError } from '@/lib/errors';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { StoryIdSchema } from '@/lib/stories/story-input';
import type { StoryState } from '@/lib/workflow';
import { getWireItem } from '@/lib/wire/wire-queue';

export const metadata: Metadata = { title: 'Wire item' };

type Props = { params: Promise<{ id: string }> };

export default async function WireItemPage({ params }: Props) {
  const user = await requireStaff();
  const id = StoryIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await getWireItem(user, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const item = detail.item;
  const now = new Date();
  const rows: [string, string | null | undefined][] = item
    ? [
        ['Agency', item.agency],
        ['Format', detail.format],
        ['Guid', item.guid],
        ['Version', String(item.version)],
        ['Status', item.pubStatus],
        ['Urgency', item.urgency?.toString()],
        ['Embargo', item.embargoUntil ? formatNewsroomTime(new Date(item.embargoUntil)) : null],
        ['Byline', item.byline],
        ['Dateline', item.dateline ? [item.dateline.place, item.dateline.date].filter(Boolean).join(', ') : null],
        ['Located', item.located],
        ['Slugline', item.slugline],
        ['Language', item.language],
        ['Section', item.section],
        ['Keywords', item.keywords.join(', ')],
        ['Subjects', item.subjects.map((s) => s.name ?? s.code).join(', ')],
        ['Image credit', item.imageCredit],
        ['Created', item.firstCreated ? formatNewsroomTime(new Date(item.firstCreated)) : null],
        ['This version', item.versionCreated ? formatNewsroomTime(new Date(item.versionCreated)) : null],
      ]
    : [];

  return (
    <>
      <p>
        <Link href="/desk/wire">← Wire</Link>
      </p>
      <h1>
        {detail.status === 'rejected'
          ? `Rejected file: ${detail.filename ?? 'unnamed'}`
          : (detail.headline ?? 'No headline')}
      </h1>
      <p>
        <WireBadges item={detail} now={now} />
      </p>
      {detail.status === 'rejected' ? (
        <p role="alert" className="form-error">
          {detail.rejectReason}
        </p>
      ) : (
        item?.pubStatus === 'usable' && <CreateStoryButton wireItemId={detail.id} />
      )}
      {item && item.pubStatus !== 'usable' && (
        <p role="alert" className="form-error">
          The agency has {item.pubStatus === 'canceled' ? 'killed' : 'withheld'} this item: do not use it.
        </p>
      )}
      <div className="wire-detail">
        <div>
          {item?.subheadline && <p className="article__standfirst">{item.subheadline}</p>}
          {item && (
            <section aria-labelledby="wire-text-heading" className="wire-text">
              <h2 id="wire-text-heading">Text</h2>
              {item.body.map((block, i) =>
                block.type === 'heading' ? <h3 key={i}>{block.text}</h3> : <p key={i}>{block.text}</p>,
              )}
            </section>
          )}
          <section aria-labelledby="original-heading">
            <h2 id="original-heading">Original file</h2>
            <p className="muted">
              {detail.filename ?? 'unnamed'} · {detail.size.toLocaleString('en')} bytes · received by {detail.channel}
              {detail.source ? ` (${detail.source})` : ''} ·{' '}
              <a href={`/desk/wire/${detail.id}/raw`} download>
                Download
              </a>
            </p>
            <pre className="wire-original" tabIndex={0} aria-label="Original file text">
              {detail.originalText}
            </pre>
          </section>
        </div>
        <aside aria-label="Item details">
          {rows.length > 0 && (
            <dl className="meta-list">
              {rows
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          )}
          {item && item.warnings.length > 0 && (
            <section aria-labelledby="warnings-heading">
              <h2 id="warnings-heading">Read with care</h2>
              <ul>
                {item.warnings.map((warning, i) => (
                  <li key={i}>{warning}</li>
                ))}
              </ul>
            </section>
          )}
          {detail.versions.length > 1 && (
            <section aria-labelledby="versions-heading">
              <h2 id="versions-heading">Versions</h2>
              <ul>
                {detail.versions.map((version) => (
                  <li key={version.id}>
                    {version.id === detail.id ? (
                      <strong>Version {version.version} (this one)</strong>
                    ) : (
                      <Link href={`/desk/wire/${version.id}`}>Version {version.version}</Link>
                    )}
                    {version.pubStatus !== 'usable' && ` · ${version.pubStatus}`} ·{' '}
                    <time dateTime={version.receivedAt.toISOString()}>{formatNewsroomTime(version.receivedAt)}</time>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {detail.stories.length > 0 && (
            <section aria-labelledby="made-heading">
              <h2 id="made-heading">Stories made from it</h2>
              <ul>
                {detail.stories.map((story) => (
                  <li key={story.id}>
                    <Link href={`/desk/stories/${story.id}`}>{story.headline}</Link>{' '}
                    <StateBadge state={story.state as StoryState} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </>
  );
}
