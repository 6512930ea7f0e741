import { expect, test } from 'vitest';
import { buildUser, createStaff } from '@/db/factories';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { signInWithPassword } from './auth/sign-in';
import { createUser, findUserByEmail, getActiveUser, listUsers, SYSTEM, updateOwnAccount, updateUser } from './users';

test('an account is created with a normalized email and never hands back its hash', async () => {
  const input = buildUser({ email: '  Sub.Editor@Wiredesk.TEST ', name: ' Sam Sub ', role: 'editor' });
  const user = await createUser(SYSTEM, input);
  expect(user).toEqual({ id: expect.any(Number), name: 'Sam Sub', email: 'sub.editor@wiredesk.test', role: 'editor' });
  expect(Object.keys(user)).not.toContain('passwordHash');
});

test('a second account with the same email (any case) is refused with a clear message', async () => {
  const first = await createStaff();
  const attempt = createUser(SYSTEM, buildUser({ email: first.email.toUpperCase() }));
  await expect(attempt).rejects.toBeInstanceOf(ValidationError);
  await expect(attempt).rejects.toThrow(`A user with the email ${first.email} already exists`);
});

test.each([
  [{ email: 'not-an-email' }, 'email', 'Enter a valid email address'],
  [{ name: '   ' }, 'name', 'Name is required'],
  [{ role: 'intern' as never }, 'role', 'Role must be one of reporter, editor, admin'],
  [{ password: 'short' }, 'password', 'Password must be at least 8 characters'],
])('bad input is refused field by field: %o', async (overrides, field, message) => {
  const error = await createUser(SYSTEM, buildUser(overrides)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors[field]).toEqual([message]);
});

test('only admins may create or change accounts', async () => {
  const reporter = await createStaff({ role: 'reporter' });
  const editor = await createStaff({ role: 'editor' });
  const admin = await createStaff({ role: 'admin' });
  await expect(createUser(reporter, buildUser())).rejects.toBeInstanceOf(ForbiddenError);
  await expect(createUser(editor, buildUser())).rejects.toBeInstanceOf(ForbiddenError);
  await expect(updateUser(editor, reporter.id, { role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(listUsers(reporter)).rejects.toBeInstanceOf(ForbiddenError);
  expect((await createUser(admin, buildUser({ role: 'editor' }))).role).toBe('editor');
});

test('a role change or deactivation shows on the very next lookup of the session user', async () => {
  const admin = await createStaff({ role: 'admin' });
  const user = await createStaff({ role: 'reporter' });
  expect((await getActiveUser(user.id))?.role).toBe('reporter');
  await updateUser(admin, user.id, { role: 'editor' });
  expect((await getActiveUser(user.id))?.role).toBe('editor');
  await updateUser(admin, user.id, { active: false });
  expect(await getActiveUser(user.id)).toBeNull();
  await updateUser(admin, user.id, { active: true });
  expect((await getActiveUser(user.id))?.role).toBe('editor');
});

test('a new password replaces the old one', async () => {
  const user = await createStaff();
  await updateUser(SYSTEM, user.id, { password: 'a brand new password' });
  expect((await signInWithPassword({ email: user.email, password: user.password })).status).toBe('invalid');
  expect((await signInWithPassword({ email: user.email, password: 'a brand new password' })).status).toBe('ok');
});

test('the last active admin cannot be deactivated or demoted', async () => {
  const admins = (await listUsers(SYSTEM)).filter((u) => u.role === 'admin' && u.active);
  for (const other of admins) await updateUser(SYSTEM, other.id, { active: false }).catch(() => undefined);
  const remaining = (await listUsers(SYSTEM)).filter((u) => u.role === 'admin' && u.active);
  const last = remaining[0] ?? (await createStaff({ role: 'admin' }));
  await expect(updateUser(SYSTEM, last.id, { active: false })).rejects.toBeInstanceOf(ConflictError);
  await expect(updateUser(SYSTEM, last.id, { role: 'editor' })).rejects.toThrow(
    'Wiredesk needs at least one active admin.',
  );
  const second = await createStaff({ role: 'admin' });
  await expect(updateUser(SYSTEM, last.id, { role: 'editor' })).resolves.toMatchObject({ role: 'editor' });
  expect((await findUserByEmail(second.email))?.role).toBe('admin');
});

test('changing an account that does not exist is a not-found error', async () => {
  await expect(updateUser(SYSTEM, 999_999, { name: 'Nobody' })).rejects.toBeInstanceOf(NotFoundError);
});

test('an admin cannot deactivate or re-role themselves (another admin can)', async () => {
  const admin = await createStaff({ role: 'admin' });
  const colleague = await createStaff({ role: 'admin' });
  await expect(updateUser(admin, admin.id, { active: false })).rejects.toThrow(
    'You cannot deactivate your own account or change your own role.',
  );
  await expect(updateUser(admin, admin.id, { role: 'editor' })).rejects.toBeInstanceOf(ConflictError);
  await expect(updateUser(admin, admin.id, { name: 'Renamed Admin' })).resolves.toMatchObject({
    name: 'Renamed Admin',
  });
  await expect(updateUser(colleague, admin.id, { role: 'editor' })).resolves.toMatchObject({ role: 'editor' });
});

test.each([['abc'], [''], ['-3'], ['1.5']])('a malformed user id (%o) is a validation error', async (id) => {
  await expect(updateUser(SYSTEM, id, { name: 'X' })).rejects.toBeInstanceOf(ValidationError);
});

test('a staff member changes their own name at once, and their password only with the current one', async () => {
  const user = await createStaff({ role: 'reporter', name: 'Old Name' });
  expect(await updateOwnAccount(user, { name: '  New Name ' })).toMatchObject({ name: 'New Name' });
  expect((await getActiveUser(user.id))?.name).toBe('New Name');

  const refusal = async (input: Parameters<typeof updateOwnAccount>[1]) =>
    ((await updateOwnAccount(user, input).catch((e: unknown) => e)) as ValidationError).fieldErrors;
  expect(await refusal({ currentPassword: 'not it at all', newPassword: 'my new password' })).toEqual({
    currentPassword: ['Your current password is not correct.'],
  });
  expect(await refusal({ newPassword: 'my new password' })).toEqual({
    currentPassword: ['Your current password is not correct.'],
  });
  expect(await refusal({ currentPassword: user.password, newPassword: 'short' })).toEqual({
    newPassword: ['Password must be at least 8 characters'],
  });
  expect(await refusal({ currentPassword: user.password, newPassword: user.password })).toEqual({
    newPassword: ['Choose a password you are not using now.'],
  });
  // Refused changes changed nothing: the old password still works.
  expect((await signInWithPassword({ email: user.email, password: user.password })).status).toBe('ok');

  await updateOwnAccount(user, { currentPassword: user.password, newPassword: 'my new password' });
  expect((await signInWithPassword({ email: user.email, password: user.password })).status).toBe('invalid');
  expect((await signInWithPassword({ email: user.email, password: 'my new password' })).status).toBe('ok');
});

test('an own-account change asking for nothing, or with unknown fields, is refused', async () => {
  const user = await createStaff();
  await expect(updateOwnAccount(user, {})).rejects.toThrow('Nothing to change.');
  await expect(updateOwnAccount(user, { role: 'admin' } as never)).rejects.toBeInstanceOf(ValidationError);
  expect((await getActiveUser(user.id))?.role).toBe('reporter');
});

test('a deactivated account cannot change itself through a session it still holds', async () => {
  const user = await createStaff();
  await updateUser(SYSTEM, user.id, { active: false });
  await expect(updateOwnAccount(user, { name: 'Still here?' })).rejects.toBeInstanceOf(NotFoundError);
});
