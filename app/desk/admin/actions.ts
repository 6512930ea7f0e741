'use server';

import { revalidatePath } from 'next/cache';
import { IDLE, toActionResult, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/current-user';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens';
import { createUser, updateUser, type UserChanges } from '@/lib/users';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export async function addUserAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    const user = await createUser(actor, {
      name: field(form, 'name') ?? '',
      email: field(form, 'email') ?? '',
      role: (field(form, 'role') ?? '') as never,
      password: field(form, 'password') ?? '',
    });
    revalidatePath('/desk/admin');
    return { status: 'success', message: `Added ${user.name} (${user.email}) as ${user.role}.` };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function updateUserAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  const changes: UserChanges = {};
  const role = field(form, 'role');
  if (role !== undefined) changes.role = role as never;
  const active = field(form, 'active');
  if (active !== undefined) changes.active = active === 'true';
  if (role === undefined && active === undefined) return IDLE;
  try {
    const user = await updateUser(actor, field(form, 'userId') ?? '', changes);
    revalidatePath('/desk/admin');
    const what = changes.active === false ? 'deactivated' : changes.active ? 'activated' : `now ${user.role}`;
    return { status: 'success', message: `${user.name} is ${what}.` };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function createApiTokenAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    const created = await createApiToken(actor, { name: form.get('name') });
    revalidatePath('/desk/admin');
    return {
      status: 'success',
      message: `Token “${created.name}” created. Copy it now: it will not be shown again.`,
      token: created.token,
    };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function revokeApiTokenAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await revokeApiToken(actor, form.get('tokenId'));
    revalidatePath('/desk/admin');
    return { status: 'success', message: 'Token revoked.' };
  } catch (error) {
    return toActionResult(error);
  }
}
