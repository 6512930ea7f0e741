'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { toActionResult, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/current-user';
import { createStoryFromWire, handleWireAlert } from '@/lib/wire/wire-queue';

export async function createStoryFromWireAction(wireItemId: number, _previous: ActionResult): Promise<ActionResult> {
  const actor = await requireStaff();
  let storyId: number;
  try {
    ({ id: storyId } = await createStoryFromWire(actor, wireItemId));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath('/desk/wire');
  redirect(`/desk/stories/${storyId}`);
}

export async function handleWireAlertAction(
  storyId: number,
  _previous: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await handleWireAlert(actor, form.get('alertId'));
    revalidatePath(`/desk/stories/${storyId}`);
    revalidatePath('/desk');
    return { status: 'success', message: 'Marked as handled.' };
  } catch (error) {
    return toActionResult(error);
  }
}
