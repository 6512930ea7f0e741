'use client';

import { useActionState, useState } from 'react';
import { createStoryAction, saveStoryAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';
import type { StoryBody } from '@/lib/stories/story-body';
import { BodyEditor } from './body-editor';
import { BylinesField, type Person } from './bylines-field';

type Props = {
  /** Absent for a new story. */
  storyId?: number;
  version?: number;
  initial: {
    headline: string;
    standfirst: string;
    slug: string;
    sectionId: number | null;
    dateline: string;
    body: StoryBody;
    authors: Person[];
  };
  sections: { id: number; name: string }[];
  staff: Person[];
  canEdit: boolean;
};

/** Headline, standfirst, slug, section, bylines and body, saved with the version they were based on. */
export function StoryEditor({ storyId, version, initial, sections, staff, canEdit }: Props) {
  const action = storyId === undefined ? createStoryAction : saveStoryAction.bind(null, storyId);
  const [result, formAction, pending] = useActionState<ActionResult, FormData>(action, IDLE);
  const [body, setBody] = useState<StoryBody>(initial.body);
  const baseVersion = result.status === 'success' && result.version ? result.version : version;
  const errors = result.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const errorFor = (name: string) =>
    Object.entries(errors)
      .filter(([key]) => key === name || key.startsWith(`${name}.`))
      .flatMap(([, messages]) => messages);
  const describe = (name: string) => (errorFor(name).length > 0 ? `story-${name}-error` : undefined);
  const isNew = storyId === undefined;

  return (
    <form action={formAction} className="story-form" aria-label={isNew ? 'New story' : 'Story'}>
      {baseVersion !== undefined && <input type="hidden" name="baseVersion" value={baseVersion} />}
      <input type="hidden" name="body" value={JSON.stringify(body)} />
      <fieldset disabled={!canEdit} className="story-form__fields">
        <div className="field">
          <label htmlFor="story-headline">Headline</label>
          <input
            id="story-headline"
            name="headline"
            defaultValue={initial.headline}
            required
            maxLength={300}
            className="story-form__headline"
            aria-describedby={describe('headline')}
          />
          <FieldError id="story-headline-error" messages={errorFor('headline')} />
        </div>
        <div className="field">
          <label htmlFor="story-standfirst">Standfirst</label>
          <textarea
            id="story-standfirst"
            name="standfirst"
            defaultValue={initial.standfirst}
            rows={2}
            maxLength={1000}
            aria-describedby={describe('standfirst')}
          />
          <FieldError id="story-standfirst-error" messages={errorFor('standfirst')} />
        </div>
        <div className="story-form__row">
          <div className="field">
            <label htmlFor="story-slug">Slug</label>
            <input
              id="story-slug"
              name="slug"
              defaultValue={initial.slug}
              required={!isNew}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              maxLength={80}
              placeholder={isNew ? 'made from the headline' : undefined}
              aria-describedby={['story-slug-hint', describe('slug')].filter(Boolean).join(' ')}
            />
            <p id="story-slug-hint" className="field-hint">
              The last part of the public address. Lower-case letters, digits and hyphens.
            </p>
            <FieldError id="story-slug-error" messages={errorFor('slug')} />
          </div>
          <div className="field">
            <label htmlFor="story-dateline">Dateline</label>
            <input
              id="story-dateline"
              name="dateline"
              defaultValue={initial.dateline}
              maxLength={100}
              placeholder="e.g. PARIS"
              aria-describedby={describe('dateline')}
            />
            <FieldError id="story-dateline-error" messages={errorFor('dateline')} />
          </div>
          <div className="field">
            <label htmlFor="story-section">Section</label>
            <select
              id="story-section"
              name="sectionId"
              defaultValue={initial.sectionId ?? ''}
              required
              aria-describedby={describe('sectionId')}
            >
              {initial.sectionId === null && <option value="">Choose a section</option>}
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
            <FieldError id="story-sectionId-error" messages={errorFor('sectionId')} />
          </div>
        </div>
        <BylinesField initial={initial.authors} staff={staff} errors={errorFor('authorIds')} disabled={!canEdit} />
      </fieldset>
      <div className="field">
        <span className="field-label" id="story-body-label">
          Body
        </span>
        <BodyEditor
          initialBody={initial.body}
          editable={canEdit}
          onChange={setBody}
          describedBy={errorFor('body').length > 0 ? 'story-body-error' : undefined}
        />
        <FieldError id="story-body-error" messages={errorFor('body')} />
      </div>
      <ActionMessage result={result} />
      {canEdit && (
        <div className="story-form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </form>
  );
}
