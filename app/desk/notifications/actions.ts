'use server';

import { revalidatePath } from 'next/cache';
import { toActionResult, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/current-user';
import { markNotificationsRead } from '@/lib/stories/notifications';

export async function markAllReadAction(_previous: ActionResult): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await markNotificationsRead(actor);
    revalidatePath('/desk', 'layout');
    return { status: 'success', message: 'All caught up.' };
  } catch (error) {
    return toActionResult(error);
  }
}
