'use client';

import type { AnyExtension } from '@tiptap/core';
import { FieldError } from '@/components/ui/field-error';
import type { StoryBody } from '@/lib/stories/story-body-model';
import { BodyEditor } from './body-editor';
import type { LiveSession, LiveUser } from './use-live-document';

/** The body with its label and errors: a new story's own text, or the live document's. */
export function BodyField({
  initialBody,
  live,
  ownExtensions,
  editable,
  errors,
  onChange,
}: {
  initialBody: StoryBody;
  live?: { session: LiveSession; user: LiveUser };
  ownExtensions?: readonly AnyExtension[];
  editable: boolean;
  errors: string[];
  onChange?: (body: StoryBody) => void;
}) {
  return (
    <div className="field">
      <span className="field-label" id="story-body-label">
        Body
      </span>
      <BodyEditor
        // A new editor when the live document arrives (or goes): Tiptap binds to one document.
        key={live ? `live-${live.session.doc.guid}` : 'saved'}
        initialBody={initialBody}
        live={live}
        ownExtensions={ownExtensions}
        editable={editable}
        onChange={onChange ?? (() => {})}
        describedBy={errors.length > 0 ? 'story-body-error' : undefined}
      />
      <FieldError id="story-body-error" messages={errors} />
    </div>
  );
}
