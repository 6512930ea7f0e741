import type { Metadata } from 'next';
import Link from 'next/link';
import { StoryTable } from '@/components/desk/story-table';
import { StateBadge } from '@/components/story/state-badge';
import { requireStaff } from '@/lib/auth/current-user';
import { getDashboard } from '@/lib/stories/list-stories';
import { listOpenWireKills } from '@/lib/wire/wire-queue';
import { STORY_STATES } from '@/lib/workflow';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireStaff();
  const [{ myStories, reviewQueue, stateCounts }, wireKills] = await Promise.all([
    getDashboard(user),
    listOpenWireKills(user),
  ]);
  return (
    <>
      <div className="page-heading">
        <h1>Dashboard</h1>
        <Link href="/desk/stories/new" className="button button--primary">
          New story
        </Link>
      </div>
      {wireKills.length > 0 && (
        <section aria-labelledby="kills-heading" className="wire-alert" role="alert">
          <h2 id="kills-heading">Agency kills on published stories</h2>
          <ul>
            {wireKills.map((kill) => (
              <li key={kill.alertId}>
                <Link href={`/desk/stories/${kill.storyId}`}>{kill.headline}</Link>:{' '}
                {kill.kind === 'canceled' ? 'the agency killed its copy' : 'the agency withdrew its copy'}.{' '}
                <Link href={`/desk/stories/${kill.storyId}`} className="button button--small button--danger">
                  Kill<span className="visually-hidden"> {kill.headline}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {reviewQueue && (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">Review queue</h2>
          <StoryTable
            stories={reviewQueue}
            columns={['section', 'bylines', 'submitted']}
            caption="Stories in review, oldest first"
            empty="Nothing is waiting for review."
          />
        </section>
      )}
      {stateCounts && (
        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">Stories by state</h2>
          <ul className="state-counts">
            {STORY_STATES.map((state) => (
              <li key={state}>
                <Link href={`/desk/stories?state=${state}`}>
                  <StateBadge state={state} /> <span className="state-counts__n">{stateCounts[state]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">My stories</h2>
        <StoryTable
          stories={myStories}
          columns={['state', 'note', 'updated']}
          caption="My stories, latest change first"
          empty="You have no stories on the go. Start one with New story."
        />
      </section>
    </>
  );
}
