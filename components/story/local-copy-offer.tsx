'use client';

import { clockTime } from './clock-time';

/** Text kept in this browser from an earlier visit, offered back (or to be thrown away). */
export function LocalCopyOffer({
  keptAt,
  timeZone,
  onRestore,
  onDiscard,
}: {
  keptAt: string;
  timeZone?: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <section className="local-copy" role="alert" aria-label="Unsaved changes">
      <p>Unsaved changes from {clockTime(new Date(keptAt), timeZone)} were kept in this browser.</p>
      <div className="local-copy__actions">
        <button type="button" className="button button--primary" onClick={onRestore}>
          Restore them
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </section>
  );
}
