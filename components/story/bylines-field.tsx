'use client';

import { useId, useState } from 'react';
import { FieldError } from '@/components/ui/field-error';

export type Person = { id: number; name: string };

/** The story's bylines in order, with co-authors added from the staff list. */
export function BylinesField({
  authors,
  staff,
  errors,
  disabled,
  onChange,
}: {
  authors: Person[];
  staff: Person[];
  errors: string[];
  disabled: boolean;
  /** The new bylines, in order. */
  onChange: (authors: Person[]) => void;
}) {
  const [candidate, setCandidate] = useState('');
  const selectId = useId();
  const available = staff.filter((person) => !authors.some((author) => author.id === person.id));

  function add() {
    const person = staff.find((p) => String(p.id) === candidate);
    if (person) onChange([...authors, person]);
    setCandidate('');
  }

  return (
    <fieldset className="bylines" aria-describedby={errors.length > 0 ? 'story-authorIds-error' : undefined}>
      <legend>Bylines</legend>
      <ol className="bylines__list">
        {authors.map((author) => (
          <li key={author.id}>
            {/* Read by the new-story form when it is sent. */}
            <input type="hidden" name="authorIds" value={author.id} />
            {author.name}{' '}
            {!disabled && authors.length > 1 && (
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange(authors.filter((a) => a.id !== author.id))}
              >
                Remove<span className="visually-hidden"> {author.name}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {!disabled && available.length > 0 && (
        <div className="bylines__add">
          <label htmlFor={selectId}>Add co-author</label>
          <select id={selectId} value={candidate} onChange={(event) => setCandidate(event.target.value)}>
            <option value="">Choose a colleague</option>
            {available.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small" onClick={add} disabled={!candidate}>
            Add
          </button>
        </div>
      )}
      <FieldError id="story-authorIds-error" messages={errors} />
    </fieldset>
  );
}
