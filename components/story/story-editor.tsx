'use client';

import type { StoryBody } from '@/lib/stories/story-body-model';
import type { Person } from './bylines-field';
import { LiveStoryEditor, type LiveStoryEditorProps } from './live-story-editor';
import { NewStoryForm } from './new-story-form';
import type { FieldValues } from './story-fields';

type Props =
  | {
      /** A story not yet saved: it has no address, so no live document. */
      storyId?: undefined;
      userId: number;
      initial: FieldValues & { body: StoryBody };
      sections: { id: number; name: string }[];
      staff: Person[];
      timeZone?: string;
    }
  | (LiveStoryEditorProps & { storyId: number });

/** Headline, standfirst, slug, section, bylines and body: a new story's form, or an existing story live. */
export function StoryEditor(props: Props) {
  return props.storyId === undefined ? <NewStoryForm {...props} /> : <LiveStoryEditor {...props} />;
}
