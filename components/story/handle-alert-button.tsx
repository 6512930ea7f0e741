'use client';

import { useActionState } from 'react';
import { handleWireAlertAction } from '@/app/desk/wire/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { IDLE, type ActionResult } from '@/lib/action-result';

export function HandleAlertButton({ storyId, alertId }: { storyId: number; alertId: number }) {
  const [result, action, pending] = useActionState<ActionResult, FormData>(
    handleWireAlertAction.bind(null, storyId),
    IDLE,
  );
  return (
    <form action={action}>
      <input type="hidden" name="alertId" value={alertId} />
      <button type="submit" className="button button--small" disabled={pending}>
        Mark handled
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
