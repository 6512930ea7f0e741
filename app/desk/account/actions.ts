'use server';

import { revalidatePath } from 'next/cache';
import { toActionResult, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/current-user';
import { updateOwnAccount } from '@/lib/users';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export async function changeOwnNameAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    const user = await updateOwnAccount(actor, { name: field(form, 'name') ?? '' });
    revalidatePath('/desk', 'layout');
    return { status: 'success', message: `Your name is now ${user.name}.` };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function changeOwnPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  const newPassword = field(form, 'newPassword') ?? '';
  if (newPassword !== field(form, 'confirmPassword')) {
    return { status: 'error', fieldErrors: { confirmPassword: ['The two new passwords differ.'] } };
  }
  try {
    await updateOwnAccount(actor, { currentPassword: field(form, 'currentPassword') ?? '', newPassword });
    return { status: 'success', message: 'Password changed. Use the new one next time you sign in.' };
  } catch (error) {
    return toActionResult(error);
  }
}
