import { STATE_LABELS, type StoryState } from '@/lib/workflow';

/** The story's state as a status ("Draft", "In review"…; part of the interface contract). */
export function StateBadge({ state, live = false }: { state: StoryState; live?: boolean }) {
  return live ? (
    <p role="status" aria-label="Story state" className="state-badge" data-state={state}>
      {STATE_LABELS[state]}
    </p>
  ) : (
    <span className="state-badge" data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
