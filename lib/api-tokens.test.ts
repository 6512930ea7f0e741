import { expect, test } from 'vitest';
import { createStaff } from '@/db/factories';
import { ForbiddenError, ValidationError } from './errors';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens';

test('a token is shown once, kept only as a hash, and authenticates until revoked', async () => {
  const admin = await createStaff({ role: 'admin' });
  const { id, token, name } = await createApiToken(admin, { name: '  AFP feed ' });
  expect(name).toBe('AFP feed');
  expect(token).toMatch(/^wd_[\w-]{43}$/);
  const listed = (await listApiTokens(admin)).find((t) => t.id === id)!;
  expect(listed).toMatchObject({ name: 'AFP feed', prefix: token.slice(0, 10), lastUsedAt: null, revokedAt: null });
  expect(JSON.stringify(listed)).not.toContain(token.slice(10));

  const used = new Date('2026-11-28T09:00:00Z');
  expect(await authenticateApiToken(`Bearer ${token}`, used)).toEqual({ kind: 'api-token', id, name: 'AFP feed' });
  expect((await listApiTokens(admin)).find((t) => t.id === id)?.lastUsedAt).toEqual(used);
  // Within a minute the use is not written again; after it, it is.
  await authenticateApiToken(`Bearer ${token}`, new Date('2026-11-28T09:00:30Z'));
  expect((await listApiTokens(admin)).find((t) => t.id === id)?.lastUsedAt).toEqual(used);
  await authenticateApiToken(`bearer   ${token}  `, new Date('2026-11-28T09:01:01Z'));
  expect((await listApiTokens(admin)).find((t) => t.id === id)?.lastUsedAt).toEqual(new Date('2026-11-28T09:01:01Z'));

  await revokeApiToken(admin, id);
  expect(await authenticateApiToken(`Bearer ${token}`)).toBeNull();
  expect((await listApiTokens(admin)).find((t) => t.id === id)?.revokedAt).not.toBeNull();
});

test.each([
  [null],
  [''],
  ['Basic abc'],
  ['Bearer'],
  ['Bearer wd_unknown-token'],
  ['Bearer not-ours'],
  [`Bearer wd_${'x'.repeat(300)}`],
])('no token or a wrong one is refused: %o', async (header) => {
  expect(await authenticateApiToken(header)).toBeNull();
});

test('only admins manage tokens, and a token needs a name', async () => {
  const editor = await createStaff({ role: 'editor' });
  const admin = await createStaff({ role: 'admin' });
  await expect(createApiToken(editor, { name: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(listApiTokens(editor)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(revokeApiToken(editor, 1)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(createApiToken(admin, { name: '   ' })).rejects.toBeInstanceOf(ValidationError);
});
