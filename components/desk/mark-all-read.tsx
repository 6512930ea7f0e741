'use client';

import { useActionState } from 'react';
import { markAllReadAction } from '@/app/desk/notifications/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { IDLE, type ActionResult } from '@/lib/action-result';

export function MarkAllRead() {
  const [result, action, pending] = useActionState<ActionResult>(markAllReadAction, IDLE);
  return (
    <form action={action}>
      <button type="submit" className="button" disabled={pending}>
        Mark all as read
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
