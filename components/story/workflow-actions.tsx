'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { transitionStoryAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';
import { TRANSITIONS, type WorkflowAction } from '@/lib/workflow';

type Props = { storyId: number; version: number; actions: WorkflowAction[]; minPublishAt: string; timeZone: string };

/**
 * The workflow buttons this user may use right now — and no others (lib/ checks again).
 * Actions that need a note or a time open a dialog whose confirm button has the same name.
 */
export function WorkflowActions({ storyId, version, actions, minPublishAt, timeZone }: Props) {
  const [result, formAction, pending] = useActionState<ActionResult, FormData>(
    transitionStoryAction.bind(null, storyId),
    IDLE,
  );
  const [submitted, setSubmitted] = useState<WorkflowAction | null>(null);
  if (actions.length === 0) return null;
  const errors = result.status === 'error' ? (result.fieldErrors ?? {}) : {};
  return (
    <section className="workflow" aria-label="Workflow">
      <div className="workflow__buttons">
        {actions.map((action) => {
          const transition = TRANSITIONS[action];
          const asks = 'asks' in transition ? transition.asks : undefined;
          return asks ? (
            <DialogAction
              key={action}
              action={action}
              asks={asks}
              version={version}
              formAction={(form) => {
                setSubmitted(action);
                formAction(form);
              }}
              pending={pending}
              errors={submitted === action ? errors : {}}
              minPublishAt={minPublishAt}
              timeZone={timeZone}
            />
          ) : (
            <form key={action} action={formAction}>
              <input type="hidden" name="action" value={action} />
              <input type="hidden" name="expectedVersion" value={version} />
              <button type="submit" className={buttonClass(action)} disabled={pending}>
                {transition.label}
              </button>
            </form>
          );
        })}
      </div>
      <ActionMessage result={result} />
    </section>
  );
}

function buttonClass(action: WorkflowAction): string {
  if (action === 'publish' || action === 'publish_update') return 'button button--primary';
  if (action === 'kill' || action === 'spike' || action === 'unpublish') return 'button button--danger';
  return 'button';
}

function DialogAction({
  action,
  asks,
  version,
  formAction,
  pending,
  errors,
  minPublishAt,
  timeZone,
}: {
  action: WorkflowAction;
  asks: 'note' | 'time' | 'correction';
  version: number;
  formAction: (form: FormData) => void;
  pending: boolean;
  errors: Record<string, string[]>;
  minPublishAt: string;
  timeZone: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { label } = TRANSITIONS[action];
  const fieldId = `${action}-${asks}`;
  const fieldErrors = asks === 'note' ? errors.note : asks === 'time' ? errors.publishAt : errors.correction;
  const [isCorrection, setIsCorrection] = useState(false);
  // Refused for a reason the user can fix (a past time, say): reopen with the message.
  useEffect(() => {
    if (fieldErrors?.length && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [fieldErrors]);
  return (
    <>
      <button type="button" className={buttonClass(action)} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${fieldId}-title`}>
        <form
          action={(form) => {
            dialog.current?.close();
            formAction(form);
          }}
          className="form"
        >
          <h2 id={`${fieldId}-title`}>{label}</h2>
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="expectedVersion" value={version} />
          {asks === 'note' ? (
            <div className="field">
              <label htmlFor={fieldId}>Note</label>
              <textarea id={fieldId} name="note" rows={4} required maxLength={5000} />
              <FieldError id={`${fieldId}-error`} messages={fieldErrors} />
            </div>
          ) : asks === 'correction' ? (
            <>
              <div className="field field--check">
                <input
                  id={`${fieldId}-check`}
                  name="isCorrection"
                  type="checkbox"
                  checked={isCorrection}
                  onChange={(event) => setIsCorrection(event.target.checked)}
                />
                <label htmlFor={`${fieldId}-check`}>This update corrects an error</label>
              </div>
              {isCorrection && (
                <div className="field">
                  <label htmlFor={fieldId}>Correction</label>
                  <textarea
                    id={fieldId}
                    name="correction"
                    rows={3}
                    required
                    maxLength={2000}
                    aria-describedby={`${fieldId}-hint`}
                  />
                  <p id={`${fieldId}-hint`} className="field-hint">
                    Shown to readers, with today&apos;s date, in the article&apos;s corrections box.
                  </p>
                  <FieldError id={`${fieldId}-error`} messages={fieldErrors} />
                </div>
              )}
            </>
          ) : (
            <div className="field">
              <label htmlFor={fieldId}>Publish at</label>
              <input id={fieldId} name="publishAt" type="datetime-local" step={1} required min={minPublishAt} />
              <p className="field-hint">Newsroom time ({timeZone}).</p>
              <FieldError id={`${fieldId}-error`} messages={fieldErrors} />
            </div>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className={buttonClass(action)} disabled={pending}>
              {label}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
