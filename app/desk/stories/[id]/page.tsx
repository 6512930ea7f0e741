import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StateBadge } from '@/components/story/state-badge';
import { LiveStoryEditor } from '@/components/story/live-story-editor';
import { StoryNotes } from '@/components/story/story-notes';
import { StoryRevisions } from '@/components/story/story-revisions';
import { StoryTimeline } from '@/components/story/story-timeline';
import { WorkflowActions } from '@/components/story/workflow-actions';
import { requireStaff } from '@/lib/auth/current-user';
import { NotFoundError } from '@/lib/errors';
import { formatNewsroomTime, newsroomTimeZone, toNewsroomLocalValue } from '@/lib/newsroom-time';
import { listSections } from '@/lib/sections';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { isCollabServed } from '@/lib/collab/collab-registry.js';
import { getStoryDocumentGeneration } from '@/lib/collab/story-document-store';
import { StoryIdSchema } from '@/lib/stories/story-input';
import { listActiveStaff } from '@/lib/users';
import { getStoryWireInfo } from '@/lib/wire/wire-queue';
import { WireAlerts, WirePanel } from '@/components/story/wire-panel';
import { EmbargoCountdown } from '@/components/story/embargo-countdown';
import { EmbargoPanel } from '@/components/story/embargo-panel';
import { PublicationHistory } from '@/components/story/publication-history';
import { FrontPagePanel } from '@/components/story/front-page-panel';
import { getFrontPagePlacement } from '@/lib/stories/front-page';
import { describeTimeUntil } from '@/lib/format-time';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Story' };

export default async function StoryPage({ params }: Props) {
  const user = await requireStaff();
  const id = StoryIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const story = await getStoryForEditor(user, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const now = new Date();
  const [sections, staff, wire, generation, front] = await Promise.all([
    listSections(),
    listActiveStaff(user),
    getStoryWireInfo(user, story),
    getStoryDocumentGeneration(user, story.id),
    story.state === 'published' ? getFrontPagePlacement(user, story.id) : null,
  ]);

  return (
    <div className="story-page">
      <div className="story-page__main">
        <div className="story-page__status">
          <StateBadge state={story.state} live />
          <p className="muted">
            Version {story.version}, saved by {story.updatedByName} ·{' '}
            <time dateTime={story.updatedAt.toISOString()}>{formatNewsroomTime(story.updatedAt)}</time>
            {story.hasPendingChanges && ' · has changes readers do not see yet'}
          </p>
          {story.agency && <p>Credit: with {story.agency}</p>}
          {story.embargoUntil && story.embargoUntil > now && (
            <p className="embargo">
              Embargoed until{' '}
              <time dateTime={story.embargoUntil.toISOString()}>{formatNewsroomTime(story.embargoUntil)}</time>
              {' · '}
              <EmbargoCountdown
                untilIso={story.embargoUntil.toISOString()}
                initial={describeTimeUntil(story.embargoUntil.getTime() - now.getTime())}
              />
            </p>
          )}
          {story.scheduledAt && (
            <p>
              Scheduled for{' '}
              <time dateTime={story.scheduledAt.toISOString()}>{formatNewsroomTime(story.scheduledAt)}</time>
            </p>
          )}
          {story.publicPath && (
            <p>
              Live at <Link href={story.publicPath}>{story.publicPath}</Link>
            </p>
          )}
          <p>
            <a href={`/preview/${story.id}`} target="_blank" rel="noopener" className="button button--small">
              Preview
            </a>
          </p>
        </div>
        {wire && <WireAlerts storyId={story.id} info={wire} canHandle={story.canHandleWireAlerts} />}
        <h1 className="visually-hidden">{story.headline}</h1>
        <WorkflowActions
          storyId={story.id}
          version={story.version}
          actions={story.allowedActions}
          minPublishAt={toNewsroomLocalValue(new Date())}
          timeZone={newsroomTimeZone()}
        />
        <LiveStoryEditor
          storyId={story.id}
          version={story.version}
          userId={user.id}
          userName={user.name}
          generation={generation}
          served={isCollabServed()}
          initial={{
            headline: story.headline,
            standfirst: story.standfirst,
            slug: story.slug,
            sectionId: story.section.id,
            dateline: story.dateline ?? '',
            body: story.body,
            authors: story.authors,
          }}
          sections={sections}
          staff={staff}
          canEdit={story.canEdit}
          state={story.state}
          timeZone={newsroomTimeZone()}
        />
      </div>
      <aside className="story-page__side" aria-label="Notes and history">
        {story.canSetEmbargo && (
          <section aria-labelledby="embargo-heading" className="panel">
            <h2 id="embargo-heading">Embargo</h2>
            <EmbargoPanel
              storyId={story.id}
              currentValue={story.embargoUntil ? toNewsroomLocalValue(story.embargoUntil) : ''}
              timeZone={newsroomTimeZone()}
            />
          </section>
        )}
        {front && (
          <FrontPagePanel
            storyId={story.id}
            position={front.position}
            pinnedCount={front.pinnedCount}
            canArrange={front.canArrange}
          />
        )}
        {story.publications.length > 0 && <PublicationHistory publications={story.publications} />}
        {wire && <WirePanel info={wire} />}
        <StoryNotes storyId={story.id} notes={story.notes} timeZone={newsroomTimeZone()} />
        <StoryRevisions storyId={story.id} revisions={story.revisions} timeZone={newsroomTimeZone()} />
        <StoryTimeline events={story.events} />
      </aside>
    </div>
  );
}
