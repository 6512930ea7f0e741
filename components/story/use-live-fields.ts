'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { CHOICES_MAP, readStoryFields, writeStoryFields } from '@/lib/collab/story-document-model';
import type { Person } from './bylines-field';
import type { FieldValues, TextBinding, TextFieldName } from './story-fields';
import { useLiveText } from './use-live-text';

/**
 * The fields around the body, bound to the live document: texts typed together, section
 * and bylines chosen (last choice wins). Before the document is there, the saved values.
 */
export function useLiveFields(doc: Y.Doc | null, saved: FieldValues, staff: Person[]) {
  const headline = useLiveText(doc?.getText('headline') ?? null);
  const standfirst = useLiveText(doc?.getText('standfirst') ?? null);
  const slug = useLiveText(doc?.getText('slug') ?? null);
  const dateline = useLiveText(doc?.getText('dateline') ?? null);
  const [choices, setChoices] = useState<{ sectionId: number | null; authorIds: number[] } | null>(null);

  useEffect(() => {
    if (!doc) return;
    const map = doc.getMap(CHOICES_MAP);
    const read = () => {
      const { sectionId, authorIds } = readStoryFields(doc);
      setChoices({ sectionId, authorIds });
    };
    read();
    map.observe(read);
    return () => {
      map.unobserve(read);
      setChoices(null);
    };
  }, [doc]);

  const texts = { headline, standfirst, slug, dateline };
  const text = Object.fromEntries(
    (Object.keys(texts) as TextFieldName[]).map((name) => {
      const binding: TextBinding = doc
        ? { defaultValue: texts[name].value, ref: texts[name].ref, onChange: texts[name].onChange }
        : { defaultValue: saved[name] };
      return [name, binding];
    }),
  ) as Record<TextFieldName, TextBinding>;

  const people = new Map([...saved.authors, ...staff].map((person) => [person.id, person]));
  const authors = choices
    ? choices.authorIds.map((id) => people.get(id) ?? { id, name: `Staff ${id}` })
    : saved.authors;

  return {
    text,
    lengths: {
      headline: (doc ? headline.value : saved.headline).trim().length,
      standfirst: (doc ? standfirst.value : saved.standfirst).trim().length,
    },
    sectionId: choices ? choices.sectionId : saved.sectionId,
    authors,
    setSection: (sectionId: number | null) => {
      if (doc) writeStoryFields(doc, { sectionId });
    },
    setAuthors: (next: Person[]) => {
      if (doc) writeStoryFields(doc, { authorIds: next.map((p) => p.id) });
    },
  };
}
