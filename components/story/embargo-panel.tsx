'use client';

import { useActionState } from 'react';
import { setEmbargoAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';

/** Editors set, move or lift the embargo; the field is in newsroom time. */
export function EmbargoPanel({
  storyId,
  currentValue,
  timeZone,
}: {
  storyId: number;
  currentValue: string;
  timeZone: string;
}) {
  const [result, action, pending] = useActionState<ActionResult, FormData>(setEmbargoAction.bind(null, storyId), IDLE);
  const errors = result.status === 'error' ? result.fieldErrors?.embargoUntil : undefined;
  return (
    <form action={action} className="embargo-panel">
      <div className="field">
        <label htmlFor="embargo-until">Embargo until</label>
        <input
          id="embargo-until"
          name="embargoUntil"
          type="datetime-local"
          step={1}
          defaultValue={currentValue}
          aria-describedby={errors ? 'embargo-until-error embargo-until-hint' : 'embargo-until-hint'}
        />
        <p id="embargo-until-hint" className="field-hint">
          Newsroom time ({timeZone}).
        </p>
        <FieldError id="embargo-until-error" messages={errors} />
      </div>
      <div className="embargo-panel__buttons">
        <button type="submit" name="intent" value="set" className="button button--small" disabled={pending}>
          Set embargo
        </button>
        {currentValue && (
          <button type="submit" name="intent" value="lift" className="button button--small" disabled={pending}>
            Lift embargo
          </button>
        )}
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
