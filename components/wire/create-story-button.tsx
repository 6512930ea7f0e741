'use client';

import { useActionState } from 'react';
import { createStoryFromWireAction } from '@/app/desk/wire/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { IDLE, type ActionResult } from '@/lib/action-result';

/** "Create story": a draft from this item, then straight to its editor. */
export function CreateStoryButton({ wireItemId }: { wireItemId: number }) {
  const [result, action, pending] = useActionState<ActionResult>(
    createStoryFromWireAction.bind(null, wireItemId),
    IDLE,
  );
  return (
    <form action={action} className="create-story">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create story'}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
