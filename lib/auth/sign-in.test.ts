import { expect, test } from 'vitest';
import { createStaff } from '@/db/factories';
import { SYSTEM, updateUser } from '@/lib/users';
import { listSignInAttempts, LOCKOUT_WINDOW_MS, MAX_FAILED_ATTEMPTS, signInWithPassword } from './sign-in';

const minutes = (n: number) => n * 60_000;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

test('the right email and password sign in and return the account without its hash', async () => {
  const user = await createStaff({ role: 'editor' });
  const result = await signInWithPassword({ email: user.email, password: user.password });
  expect(result).toEqual({ status: 'ok', user: { id: user.id, name: user.name, email: user.email, role: 'editor' } });
});

test('the email is matched whatever its case and surrounding spaces', async () => {
  const user = await createStaff();
  const result = await signInWithPassword({ email: `  ${user.email.toUpperCase()} `, password: user.password });
  expect(result.status).toBe('ok');
});

test('a wrong password, an unknown email and a deactivated account all read the same: invalid', async () => {
  const user = await createStaff();
  const gone = await createStaff();
  await updateUser(SYSTEM, gone.id, { active: false });
  expect(await signInWithPassword({ email: user.email, password: 'wrong password' })).toEqual({ status: 'invalid' });
  expect(await signInWithPassword({ email: 'nobody@wiredesk.test', password: 'whatever1' })).toEqual({
    status: 'invalid',
  });
  expect(await signInWithPassword({ email: gone.email, password: gone.password })).toEqual({ status: 'invalid' });
});

test.each([
  [{ email: undefined, password: 'x' }],
  [{ email: 'a@b.c', password: undefined }],
  [{ email: '', password: 'x' }],
  [{ email: 'a@b.c', password: '' }],
  [{ email: ['a@b.c'], password: 'x' }],
  [{ email: 'a@b.c', password: 'x'.repeat(201) }],
])('malformed credentials are simply invalid, never an error: %o', async (credentials) => {
  expect(await signInWithPassword(credentials)).toEqual({ status: 'invalid' });
});

test('after 5 failures in 15 minutes the right password is refused too, until the window passes', async () => {
  const user = await createStaff();
  const start = new Date('2026-11-28T22:00:00Z');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
    const result = await signInWithPassword({ email: user.email, password: `guess ${i}` }, at(start, minutes(i)));
    expect(result.status).toBe('invalid');
  }
  const locked = await signInWithPassword({ email: user.email, password: user.password }, at(start, minutes(5)));
  // The first failure (22:00) leaves the window at 22:15.
  expect(locked).toEqual({ status: 'rate_limited', retryAt: at(start, LOCKOUT_WINDOW_MS) });

  const stillLocked = await signInWithPassword(
    { email: user.email, password: user.password },
    at(start, LOCKOUT_WINDOW_MS - 1),
  );
  expect(stillLocked.status).toBe('rate_limited');

  // 22:15: one failure has aged out, so one attempt is allowed again.
  const open = await signInWithPassword({ email: user.email, password: user.password }, at(start, LOCKOUT_WINDOW_MS));
  expect(open.status).toBe('ok');
});

test('refused attempts do not extend the lock-out', async () => {
  const user = await createStaff();
  const start = new Date('2026-11-28T10:00:00Z');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
    await signInWithPassword({ email: user.email, password: 'nope-nope' }, start);
  }
  for (let i = 1; i <= 10; i++) {
    const result = await signInWithPassword({ email: user.email, password: 'nope-nope' }, at(start, minutes(i)));
    expect(result.status).toBe('rate_limited');
  }
  expect((await listSignInAttempts(user.email)).length).toBe(MAX_FAILED_ATTEMPTS);
  const later = await signInWithPassword({ email: user.email, password: user.password }, at(start, minutes(15)));
  expect(later.status).toBe('ok');
});

test('a successful sign-in starts the count again', async () => {
  const user = await createStaff();
  const start = new Date('2026-11-28T12:00:00Z');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) {
    await signInWithPassword({ email: user.email, password: 'typo-typo' }, at(start, i * 1000));
  }
  expect((await signInWithPassword({ email: user.email, password: user.password }, at(start, 5000))).status).toBe('ok');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) {
    await signInWithPassword({ email: user.email, password: 'typo-typo' }, at(start, 6000 + i * 1000));
  }
  expect((await signInWithPassword({ email: user.email, password: user.password }, at(start, 20_000))).status).toBe(
    'ok',
  );
});

test('the limit is per email: one locked-out account does not lock out another', async () => {
  const victim = await createStaff();
  const colleague = await createStaff();
  const now = new Date('2026-11-28T13:00:00Z');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
    await signInWithPassword({ email: victim.email, password: 'nope-nope' }, now);
  }
  expect((await signInWithPassword({ email: victim.email, password: victim.password }, now)).status).toBe(
    'rate_limited',
  );
  expect((await signInWithPassword({ email: colleague.email, password: colleague.password }, now)).status).toBe('ok');
});

test('a burst of parallel guesses gets no more than 5 tries at the password', async () => {
  const user = await createStaff();
  const now = new Date('2026-11-28T14:00:00Z');
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) => signInWithPassword({ email: user.email, password: `guess ${i}` }, now)),
  );
  expect(results.filter((result) => result.status === 'invalid')).toHaveLength(MAX_FAILED_ATTEMPTS);
  expect(results.filter((result) => result.status === 'rate_limited')).toHaveLength(12 - MAX_FAILED_ATTEMPTS);
  expect(await listSignInAttempts(user.email)).toHaveLength(MAX_FAILED_ATTEMPTS);
});

test('unknown emails are rate-limited too, so the lock-out reveals nothing about who has an account', async () => {
  const now = new Date('2026-11-28T15:00:00Z');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
    await signInWithPassword({ email: 'ghost@wiredesk.test', password: 'nope-nope' }, now);
  }
  expect((await signInWithPassword({ email: 'ghost@wiredesk.test', password: 'nope-nope' }, now)).status).toBe(
    'rate_limited',
  );
});
