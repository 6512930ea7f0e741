'use client';

import { useActionState } from 'react';
import { addNoteAction, resolveNoteAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';
import { formatDateTime } from '@/lib/format-time';
import type { StoryForEditor } from '@/lib/stories/get-story';

/** The reporter–editor notes thread; change requests appear here too. */
export function StoryNotes({
  storyId,
  notes,
  timeZone,
}: {
  storyId: number;
  notes: StoryForEditor['notes'];
  timeZone: string;
}) {
  const [added, addAction, adding] = useActionState<ActionResult, FormData>(addNoteAction.bind(null, storyId), IDLE);
  const [resolved, resolveAction] = useActionState<ActionResult, FormData>(resolveNoteAction.bind(null, storyId), IDLE);
  const bodyErrors = added.status === 'error' ? added.fieldErrors?.body : undefined;
  return (
    <section aria-labelledby="notes-heading" className="panel">
      <h2 id="notes-heading">Notes</h2>
      {notes.length === 0 && <p className="muted">No notes yet.</p>}
      <ol className="notes">
        {notes.map((note) => (
          <li key={note.id} className={note.resolvedAt ? 'note note--resolved' : 'note'} data-kind={note.kind}>
            <p className="note__meta">
              <strong>{note.authorName}</strong>
              {note.kind === 'change_request' && <span className="note__tag">Change request</span>}
              {' · '}
              <time dateTime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt, timeZone)}</time>
              {note.resolvedAt && <span className="muted"> · resolved</span>}
            </p>
            <p className="note__body">{note.body}</p>
            {note.canResolve && (
              <form action={resolveAction}>
                <input type="hidden" name="noteId" value={note.id} />
                <button type="submit" className="button button--small">
                  Resolve<span className="visually-hidden"> note by {note.authorName}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ol>
      <ActionMessage result={resolved} />
      <form action={addAction} className="form" key={added.status === 'success' ? notes.length : 'note-form'}>
        <div className="field">
          <label htmlFor="note-body">Add a note</label>
          <textarea
            id="note-body"
            name="body"
            rows={3}
            required
            maxLength={5000}
            aria-describedby={bodyErrors ? 'note-body-error' : undefined}
          />
          <FieldError id="note-body-error" messages={bodyErrors} />
        </div>
        <div>
          <button type="submit" className="button" disabled={adding}>
            Add note
          </button>
        </div>
        <ActionMessage result={added} />
      </form>
    </section>
  );
}
