'use client';

import { useActionState } from 'react';
import { restoreRevisionAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { IDLE, type ActionResult } from '@/lib/action-result';

/** Makes a new version from an old revision (the current text stays in the revisions). */
export function RestoreRevisionButton({
  storyId,
  revisionId,
  version,
}: {
  storyId: number;
  revisionId: number;
  version: number;
}) {
  const [result, action, pending] = useActionState<ActionResult, FormData>(
    restoreRevisionAction.bind(null, storyId),
    IDLE,
  );
  return (
    <form action={action}>
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" className="button button--primary" disabled={pending}>
        Restore<span className="visually-hidden"> version {version}</span>
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
