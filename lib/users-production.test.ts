// Production mode (WIREDESK_DEMO=0): the demo password, which the README and every start
// print, is no way into any account. Set before lib/config is first read in this file.
import { eq } from 'drizzle-orm';
import { afterAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { buildUser, createStaff } from '@/db/factories';
import { users } from '@/db/schema';
import { hashPassword } from './auth/password';
import { signInWithPassword } from './auth/sign-in';
import { getConfig } from './config';
import { type ValidationError } from './errors';
import { createUser, SYSTEM, updateOwnAccount, updateUser } from './users';

const previous = process.env.WIREDESK_DEMO;
process.env.WIREDESK_DEMO = '0';
afterAll(() => {
  if (previous === undefined) delete process.env.WIREDESK_DEMO;
  else process.env.WIREDESK_DEMO = previous;
});

const DEMO = 'wiredesk-demo';
const refusedField = async (attempt: Promise<unknown>) =>
  ((await attempt.catch((e: unknown) => e)) as ValidationError).fieldErrors;

test('in production mode no account may be given the demo password, by anyone', async () => {
  expect(getConfig().demo).toBe(false);
  const admin = await createStaff({ role: 'admin' });
  expect(await refusedField(createUser(admin, buildUser({ password: DEMO })))).toEqual({
    password: ['This is the public demo password; choose another.'],
  });
  expect(await refusedField(createUser(SYSTEM, buildUser({ password: DEMO })))).toHaveProperty('password');
  const user = await createStaff();
  expect(await refusedField(updateUser(admin, user.id, { password: DEMO }))).toHaveProperty('password');
  expect(await refusedField(updateOwnAccount(user, { currentPassword: user.password, newPassword: DEMO }))).toEqual({
    newPassword: ['This is the public demo password; choose another.'],
  });
  // Any other password is fine.
  await expect(
    updateOwnAccount(user, { currentPassword: user.password, newPassword: 'a real one' }),
  ).resolves.toBeTruthy();
});

test('in production mode an account that still has the demo password cannot sign in with it', async () => {
  // As left behind by a server that once ran with demo accounts.
  const user = await createStaff({ password: 'temporary password' });
  await (
    await getDb()
  )
    .update(users)
    .set({ passwordHash: await hashPassword(DEMO) })
    .where(eq(users.id, user.id));
  expect(await signInWithPassword({ email: user.email, password: DEMO })).toEqual({ status: 'demo_password' });
  expect(await signInWithPassword({ email: user.email, password: 'wrong' })).toEqual({ status: 'invalid' });
});
