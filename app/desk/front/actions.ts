'use server';

import { revalidatePath } from 'next/cache';
import { toActionResult, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/current-user';
import { arrangeFrontPage, describeFrontPosition } from '@/lib/stories/front-page';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Pin to front, Move up, Move down, Remove from front: one action, the move named in the form. */
export async function arrangeFrontPageAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  const move = text(form, 'move');
  try {
    // lib/ checks the permission, the story's state and the move; it also drops the
    // cached public front page, here and on every other instance.
    const { changed, position } = await arrangeFrontPage(actor, { storyId: text(form, 'storyId'), move });
    revalidatePath('/desk/front');
    revalidatePath('/desk/stories/[id]', 'page');
    if (!changed) return { status: 'success', message: 'No change: it is already there.' };
    return {
      status: 'success',
      message: position === null ? 'Taken off the front page.' : `Now ${describeFrontPosition(position)}.`,
    };
  } catch (error) {
    return toActionResult(error);
  }
}
