import Link from 'next/link';
import { FrontPageButton } from '@/components/desk/front-page-button';
import { describeFrontPosition } from '@/lib/stories/front-page';

/** For a published story: where it is on the front page, and (for editors) the moves. */
export function FrontPagePanel({
  storyId,
  position,
  pinnedCount,
  canArrange,
}: {
  storyId: number;
  position: number | null;
  pinnedCount: number;
  canArrange: boolean;
}) {
  return (
    <section aria-labelledby="front-heading" className="panel">
      <h2 id="front-heading">Front page</h2>
      <p id="front-placement">
        {position === null
          ? 'Not pinned: it is among the top stories only while it is one of the newest.'
          : `Pinned as ${describeFrontPosition(position)}.`}
      </p>
      {canArrange && (
        <div className="front-order__buttons">
          {position !== 0 && <FrontPageButton storyId={storyId} move="pin" describedBy="front-placement" />}
          {position !== null && position > 0 && (
            <FrontPageButton storyId={storyId} move="up" describedBy="front-placement" />
          )}
          {position !== null && position < pinnedCount - 1 && (
            <FrontPageButton storyId={storyId} move="down" describedBy="front-placement" />
          )}
          {position !== null && <FrontPageButton storyId={storyId} move="remove" describedBy="front-placement" />}
        </div>
      )}
      <p>
        <Link href="/desk/front">The whole front page</Link>
      </p>
    </section>
  );
}
