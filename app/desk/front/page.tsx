import type { Metadata } from 'next';
import Link from 'next/link';
import { FrontPageButton } from '@/components/desk/front-page-button';
import { requireStaff } from '@/lib/auth/current-user';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { getFrontPageForDesk, type FrontPageSlot } from '@/lib/stories/front-page';

export const metadata: Metadata = { title: 'Front page' };

export default async function FrontPageDeskPage() {
  const user = await requireStaff();
  const { slots, pinnedCount, candidates, canArrange } = await getFrontPageForDesk(user);
  return (
    <>
      <div className="page-heading">
        <h1>Front page</h1>
        <a href="/" target="_blank" rel="noopener">
          See it as readers do
        </a>
      </div>
      <p className="muted">
        The lead and the top stories readers see, in this order. Pinned stories come first; the newest published stories
        fill the places left.
      </p>
      {slots.length === 0 ? (
        <p className="empty-state">Nothing is published yet.</p>
      ) : (
        <ol className="front-order" aria-label="Front page order">
          {slots.map((slot, i) => (
            <li key={slot.storyId} className="front-order__item">
              <span className="front-order__place">{i === 0 ? 'Lead' : `Top story ${i}`}</span>
              <SlotText slot={slot} />
              {canArrange && (
                <div className="front-order__buttons">
                  {slot.pinnedBy === null ? (
                    <FrontPageButton storyId={slot.storyId} move="pin" describedBy={headlineId(slot)} />
                  ) : (
                    <>
                      {i > 0 && <FrontPageButton storyId={slot.storyId} move="up" describedBy={headlineId(slot)} />}
                      {i < pinnedCount - 1 && (
                        <FrontPageButton storyId={slot.storyId} move="down" describedBy={headlineId(slot)} />
                      )}
                      <FrontPageButton storyId={slot.storyId} move="remove" describedBy={headlineId(slot)} />
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {candidates.length > 0 && (
        <section aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">Other published stories</h2>
          <ul className="front-order">
            {candidates.map((slot) => (
              <li key={slot.storyId} className="front-order__item">
                <SlotText slot={slot} />
                {canArrange && (
                  <div className="front-order__buttons">
                    <FrontPageButton storyId={slot.storyId} move="pin" describedBy={headlineId(slot)} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

const headlineId = (slot: FrontPageSlot) => `front-story-${slot.storyId}`;

function SlotText({ slot }: { slot: FrontPageSlot }) {
  return (
    <span className="front-order__story">
      <Link id={headlineId(slot)} href={`/desk/stories/${slot.storyId}`}>
        {slot.headline}
      </Link>{' '}
      <span className="muted">
        {slot.sectionName} · published{' '}
        <time dateTime={slot.firstPublishedAt.toISOString()}>{formatNewsroomTime(slot.firstPublishedAt)}</time>
        {slot.pinnedBy && ` · pinned by ${slot.pinnedBy}`}
      </span>
    </span>
  );
}
