'use client';

import type { ChangeEvent } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH } from '@/lib/stories/story-limits';
import { BylinesField, type Person } from './bylines-field';

// Past these, search engines and social cards cut the text off.
export const HEADLINE_WARN_AT = 70;
export const STANDFIRST_WARN_AT = 200;

export type TextFieldName = 'headline' | 'standfirst' | 'slug' | 'dateline';

/** The fields' values (bylines as people, for their names). */
export type FieldValues = Record<TextFieldName, string> & { sectionId: number | null; authors: Person[] };

/**
 * How a text field is wired: uncontrolled (its value set by whoever owns it — the new-story
 * form, or the live document, which must not have React move a colleague's caret).
 */
export type TextBinding = {
  defaultValue: string;
  ref?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onChange?: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
};

type Props = {
  text: Record<TextFieldName, TextBinding>;
  /** Live lengths of the headline and standfirst, for their counters. */
  lengths: { headline: number; standfirst: number };
  sectionId: number | null;
  onSection: (sectionId: number | null) => void;
  authors: Person[];
  onAuthors: (authors: Person[]) => void;
  sections: { id: number; name: string }[];
  staff: Person[];
  disabled: boolean;
  isNew: boolean;
  errorFor: (name: string) => string[];
};

function CharacterCount({ id, length, warnAt }: { id: string; length: number; warnAt: number }) {
  const over = length > warnAt;
  return (
    <p id={id} className={over ? 'char-count char-count--over' : 'char-count'}>
      {length} {length === 1 ? 'character' : 'characters'}
      {over && ` — over ${warnAt}, may be cut off in search results and shares`}
    </p>
  );
}

/** Headline, standfirst, slug, dateline, section and bylines: the fields around the body. */
export function StoryFields(props: Props) {
  const { text, errorFor, disabled, isNew } = props;
  const describe = (name: string, ...more: string[]) =>
    [...more, errorFor(name).length > 0 ? `story-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset disabled={disabled} className="story-form__fields">
      <div className="field">
        <label htmlFor="story-headline">Headline</label>
        <input
          id="story-headline"
          name="headline"
          {...text.headline}
          required
          maxLength={MAX_HEADLINE_LENGTH}
          className="story-form__headline"
          aria-describedby={describe('headline', 'story-headline-count')}
        />
        <CharacterCount id="story-headline-count" length={props.lengths.headline} warnAt={HEADLINE_WARN_AT} />
        <FieldError id="story-headline-error" messages={errorFor('headline')} />
      </div>
      <div className="field">
        <label htmlFor="story-standfirst">Standfirst</label>
        <textarea
          id="story-standfirst"
          name="standfirst"
          {...text.standfirst}
          rows={2}
          maxLength={MAX_STANDFIRST_LENGTH}
          aria-describedby={describe('standfirst', 'story-standfirst-count')}
        />
        <CharacterCount id="story-standfirst-count" length={props.lengths.standfirst} warnAt={STANDFIRST_WARN_AT} />
        <FieldError id="story-standfirst-error" messages={errorFor('standfirst')} />
      </div>
      <div className="story-form__row">
        <div className="field">
          <label htmlFor="story-slug">Slug</label>
          <input
            id="story-slug"
            name="slug"
            {...text.slug}
            required={!isNew}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            maxLength={80}
            placeholder={isNew ? 'made from the headline' : undefined}
            aria-describedby={describe('slug', 'story-slug-hint')}
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
            {...text.dateline}
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
            value={props.sectionId ?? ''}
            onChange={(event) => props.onSection(event.target.value ? Number(event.target.value) : null)}
            required
            aria-describedby={describe('sectionId')}
          >
            {props.sectionId === null && <option value="">Choose a section</option>}
            {props.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
          <FieldError id="story-sectionId-error" messages={errorFor('sectionId')} />
        </div>
      </div>
      <BylinesField
        authors={props.authors}
        staff={props.staff}
        errors={errorFor('authorIds')}
        disabled={disabled}
        onChange={props.onAuthors}
      />
    </fieldset>
  );
}
