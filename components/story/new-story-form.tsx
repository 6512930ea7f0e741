'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { createStoryAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { IDLE, type ActionResult } from '@/lib/action-result';
import type { StoryDraft } from '@/lib/stories/autosave-protocol';
import type { StoryBody } from '@/lib/stories/story-body-model';
import { BodyField } from './body-field';
import type { Person } from './bylines-field';
import { clearLocalDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft';
import { LocalCopyOffer } from './local-copy-offer';
import { StoryFields, type FieldValues, type TextFieldName } from './story-fields';
import { StoryHistory } from './story-history';
import { useFieldErrors } from './use-field-errors';

type Initial = FieldValues & { body: StoryBody };

const HISTORY = [StoryHistory];

/**
 * A new story: saved once with Save (it has no address, and so no live document, before
 * that); kept in this browser meanwhile, and offered back after a crash or a closed tab.
 */
export function NewStoryForm({
  initial,
  sections,
  staff,
  userId,
  timeZone,
}: {
  initial: Initial;
  sections: { id: number; name: string }[];
  staff: Person[];
  userId: number;
  timeZone?: string;
}) {
  const [result, formAction, pending] = useActionState<ActionResult, FormData>(createStoryAction, IDLE);
  const [values, setValues] = useState<Initial>(initial);
  const [formKey, setFormKey] = useState(0);
  const [lengths, setLengths] = useState({
    headline: initial.headline.trim().length,
    standfirst: initial.standfirst.trim().length,
  });
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const body = useRef<StoryBody>(initial.body);
  const form = useRef<HTMLFormElement>(null);
  const errorFor = useFieldErrors(result.status === 'error' ? (result.fieldErrors ?? {}) : {});

  // localStorage exists only in the browser, so the offer comes after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOffer(readLocalDraft(userId, 'new')), [userId]);

  const readDraft = (): StoryDraft | null => {
    if (!form.current) return null;
    const data = new FormData(form.current);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const section = Number(text('sectionId'));
    return {
      headline: text('headline'),
      standfirst: text('standfirst'),
      slug: text('slug'),
      dateline: text('dateline'),
      sectionId: Number.isInteger(section) && section > 0 ? section : null,
      authorIds: data.getAll('authorIds').map(Number),
      body: body.current,
    };
  };
  const keep = () => {
    const draft = readDraft();
    if (
      draft &&
      (draft.headline.trim() ||
        draft.standfirst.trim() ||
        draft.body.content.some((b) => b.type !== 'paragraph' || b.content))
    )
      writeLocalDraft(userId, 'new', { draft, baseVersion: null, keptAt: new Date().toISOString() });
  };

  const bind = (name: TextFieldName) => ({
    defaultValue: values[name],
    onChange: (event: { target: { value: string } }) => {
      if (name === 'headline' || name === 'standfirst') {
        const length = event.target.value.trim().length;
        setLengths((current) => ({ ...current, [name]: length }));
      }
    },
  });

  return (
    <form
      ref={form}
      action={(data) => {
        // The story page takes over from here; its live document keeps it from now on.
        clearLocalDraft(userId, 'new');
        formAction(data);
      }}
      onChange={keep}
      className="story-form"
      aria-label="New story"
      key={formKey}
    >
      {offer && (
        <LocalCopyOffer
          keptAt={offer.keptAt}
          timeZone={timeZone}
          onRestore={() => {
            const { draft } = offer;
            const authors = draft.authorIds.map((id) => staff.find((p) => p.id === id)).filter(Boolean) as Person[];
            setValues({ ...draft, authors: authors.length > 0 ? authors : initial.authors });
            setLengths({ headline: draft.headline.trim().length, standfirst: draft.standfirst.trim().length });
            body.current = draft.body;
            setFormKey((k) => k + 1);
            setOffer(null);
          }}
          onDiscard={() => {
            clearLocalDraft(userId, 'new');
            setOffer(null);
          }}
        />
      )}
      {/* Kept up to date by the editor's onChange below (a state per keystroke would re-render the form). */}
      <input type="hidden" name="body" defaultValue={JSON.stringify(values.body)} />
      <StoryFields
        text={{
          headline: bind('headline'),
          standfirst: bind('standfirst'),
          slug: bind('slug'),
          dateline: bind('dateline'),
        }}
        lengths={lengths}
        sectionId={values.sectionId}
        onSection={(sectionId) => setValues((current) => ({ ...current, sectionId }))}
        authors={values.authors}
        onAuthors={(authors) => {
          setValues((current) => ({ ...current, authors }));
          // The hidden inputs hold the new bylines after the next render.
          setTimeout(keep, 0);
        }}
        sections={sections}
        staff={staff}
        disabled={false}
        isNew
        errorFor={errorFor}
      />
      <BodyField
        initialBody={values.body}
        ownExtensions={HISTORY}
        editable
        errors={errorFor('body')}
        onChange={(next) => {
          body.current = next;
          // The hidden field is read when the form is sent.
          form.current
            ?.querySelector<HTMLInputElement>('input[name="body"]')
            ?.setAttribute('value', JSON.stringify(next));
          keep();
        }}
      />
      <ActionMessage result={result} />
      <div className="story-form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
