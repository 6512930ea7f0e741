'use client';

import { useActionState } from 'react';
import { arrangeFrontPageAction } from '@/app/desk/front/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { IDLE, type ActionResult } from '@/lib/action-result';

const LABELS = {
  pin: 'Pin to front',
  up: 'Move up',
  down: 'Move down',
  remove: 'Remove from front',
} as const;

/**
 * One front-page move for one story (lib/ checks who may and whether it makes sense).
 * `describedBy` points at the story's headline, so a screen reader says which story.
 */
export function FrontPageButton({
  storyId,
  move,
  describedBy,
}: {
  storyId: number;
  move: keyof typeof LABELS;
  describedBy?: string;
}) {
  const [result, action, pending] = useActionState<ActionResult, FormData>(arrangeFrontPageAction, IDLE);
  return (
    <form action={action} className="front-move">
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="move" value={move} />
      <button
        type="submit"
        className={move === 'pin' ? 'button button--small button--primary' : 'button button--small'}
        disabled={pending}
        aria-describedby={describedBy}
      >
        {LABELS[move]}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
