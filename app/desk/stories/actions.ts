'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { toActionResult, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/current-user';
import { ValidationError } from '@/lib/errors';
import { createStory } from '@/lib/stories/create-story';
import { setStoryEmbargo } from '@/lib/stories/embargo';
import { addStoryNote, resolveStoryNote } from '@/lib/stories/story-notes';
import { restoreRevision } from '@/lib/stories/story-revisions';
import { transitionStory } from '@/lib/stories/transition-story';
import { TRANSITIONS, isWorkflowAction, type WorkflowAction } from '@/lib/workflow';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

// The editor sends its Tiptap document as JSON text; lib/ validates what it contains.
function jsonField(form: FormData, name: string): unknown {
  try {
    return JSON.parse(text(form, name) ?? 'null');
  } catch {
    throw new ValidationError('The story body could not be read', { body: ['The story body could not be read'] });
  }
}

// A `datetime-local` field, typed in the newsroom's time zone.
function storyFields(form: FormData) {
  const authorIds = form.getAll('authorIds').map(String);
  return {
    headline: text(form, 'headline') ?? '',
    standfirst: text(form, 'standfirst') ?? '',
    slug: text(form, 'slug') ?? '',
    dateline: text(form, 'dateline') || undefined,
    sectionId: text(form, 'sectionId') ?? '',
    body: jsonField(form, 'body'),
    // No byline fields (the new-story form): lib/ makes the creator the byline.
    authorIds: authorIds.length > 0 ? authorIds : undefined,
  };
}

export async function createStoryAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  let id: number;
  try {
    ({ id } = await createStory(actor, storyFields(form)));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath('/desk/stories');
  redirect(`/desk/stories/${id}`);
}

/** Restores an old revision as a new version, then opens the story with it. */
export async function restoreRevisionAction(
  storyId: number,
  _previous: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await restoreRevision(actor, storyId, text(form, 'revisionId'));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(`/desk/stories/${storyId}`);
  redirect(`/desk/stories/${storyId}`);
}

const DONE: Record<string, string> = {
  submit: 'Submitted for review.',
  withdraw: 'Withdrawn: back to draft.',
  request_changes: 'Sent back to the reporter with your note.',
  approve: 'Approved.',
  schedule: 'Scheduled.',
  unschedule: 'Unscheduled: back to approved.',
  publish: 'Published.',
  publish_update: 'Update published.',
  unpublish: 'Unpublished: the public page now answers 410.',
  kill: 'Killed.',
  spike: 'Spiked.',
  restore: 'Restored to draft.',
};

export async function transitionStoryAction(
  storyId: number,
  _previous: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireStaff();
  const action = text(form, 'action');
  try {
    await transitionStory(actor, storyId, {
      action: action as WorkflowAction, // checked by TransitionSchema in lib/
      note: text(form, 'note'),
      isCorrection: form.get('isCorrection') === 'on',
      correction: text(form, 'correction'),
      publishAt: text(form, 'publishAt'),
      expectedVersion: text(form, 'expectedVersion') || undefined,
    });
    revalidatePath(`/desk/stories/${storyId}`);
    return { status: 'success', message: isWorkflowAction(action) ? DONE[action] : undefined };
  } catch (error) {
    const result = toActionResult(error);
    if (result.status === 'error' && !result.formError && isWorkflowAction(action)) {
      // Field errors live in the dialog; say which action failed above them too.
      return { ...result, formError: `Could not ${TRANSITIONS[action].label.toLowerCase()}.` };
    }
    return result;
  }
}

export async function addNoteAction(storyId: number, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await addStoryNote(actor, storyId, { body: text(form, 'body') });
    revalidatePath(`/desk/stories/${storyId}`);
    return { status: 'success', message: 'Note added.' };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function resolveNoteAction(
  storyId: number,
  _previous: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await resolveStoryNote(actor, text(form, 'noteId'));
    revalidatePath(`/desk/stories/${storyId}`);
    return { status: 'success', message: 'Note resolved.' };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function setEmbargoAction(
  storyId: number,
  _previous: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    const lift = form.get('intent') === 'lift';
    await setStoryEmbargo(actor, storyId, { embargoUntil: lift ? null : (text(form, 'embargoUntil') ?? '') });
    revalidatePath(`/desk/stories/${storyId}`);
    return { status: 'success', message: lift ? 'Embargo lifted.' : 'Embargo set.' };
  } catch (error) {
    return toActionResult(error);
  }
}
