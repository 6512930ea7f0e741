import sharp from 'sharp';
import { expect, test } from 'vitest';
import { createStaff } from '@/db/factories';
import { listAdminEvents } from './admin-audit';
import { createApiToken, revokeApiToken } from './api-tokens';
import { ForbiddenError } from './errors';
import { storeUploadedImage } from './media/media-store';
import { createUser, SYSTEM, updateUser } from './users';

const at = (minute: number) => new Date(Date.UTC(2031, 2, 3, 9, minute));

test('every change to accounts, roles, tokens and images is in the audit log: who, what, to whom, when', async () => {
  const admin = await createStaff({ role: 'admin', name: 'Ada Admin' });
  const reporter = await createStaff({ role: 'reporter' });
  const sam = await createUser(
    admin,
    { name: 'Sam Sub', email: 'sam.audit@wiredesk.test', role: 'reporter', password: 'a long enough one' },
    at(1),
  );
  await updateUser(admin, sam.id, { role: 'editor' }, at(2));
  await updateUser(admin, sam.id, { active: false }, at(3));
  await updateUser(admin, sam.id, { active: true, name: 'Samuel Sub' }, at(4));
  await updateUser(SYSTEM, sam.id, { password: 'another long one' }, at(5));
  // A change that changes nothing writes nothing.
  await updateUser(admin, sam.id, { role: 'editor' }, at(6));
  const token = await createApiToken(admin, { name: 'Audit feed' }, at(7));
  await revokeApiToken(admin, token.id, at(8));
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  const image = await storeUploadedImage(reporter, png, at(9));

  const log = (await listAdminEvents(admin)).filter(
    (e) => e.subject.includes('sam.audit@') || e.subject === 'Audit feed' || e.subject === image.id,
  );
  expect(
    log.map(({ label, actorName, subject, detail, createdAt }) => ({ label, actorName, subject, detail, createdAt })),
  ).toEqual([
    {
      label: 'Image uploaded',
      actorName: reporter.name,
      subject: image.id,
      detail: 'image/png, 40 × 30, 1 KB',
      createdAt: at(9),
    },
    {
      label: 'API token revoked',
      actorName: 'Ada Admin',
      subject: 'Audit feed',
      detail: expect.stringMatching(/^wd_.{7}…$/),
      createdAt: at(8),
    },
    {
      label: 'API token created',
      actorName: 'Ada Admin',
      subject: 'Audit feed',
      detail: expect.stringMatching(/^wd_.{7}…$/),
      createdAt: at(7),
    },
    {
      label: 'Password changed',
      actorName: null,
      subject: 'Samuel Sub <sam.audit@wiredesk.test>',
      detail: null,
      createdAt: at(5),
    },
    {
      label: 'Account activated',
      actorName: 'Ada Admin',
      subject: 'Samuel Sub <sam.audit@wiredesk.test>',
      detail: null,
      createdAt: at(4),
    },
    {
      label: 'Name changed',
      actorName: 'Ada Admin',
      subject: 'Samuel Sub <sam.audit@wiredesk.test>',
      detail: 'Sam Sub → Samuel Sub',
      createdAt: at(4),
    },
    {
      label: 'Account deactivated',
      actorName: 'Ada Admin',
      subject: 'Sam Sub <sam.audit@wiredesk.test>',
      detail: null,
      createdAt: at(3),
    },
    {
      label: 'Role changed',
      actorName: 'Ada Admin',
      subject: 'Sam Sub <sam.audit@wiredesk.test>',
      detail: 'reporter → editor',
      createdAt: at(2),
    },
    {
      label: 'Account created',
      actorName: 'Ada Admin',
      subject: 'Sam Sub <sam.audit@wiredesk.test>',
      detail: 'reporter',
      createdAt: at(1),
    },
  ]);
  // The token itself is never in the log, only its public prefix.
  expect(JSON.stringify(await listAdminEvents(admin))).not.toContain(token.token);
});

test('the audit log is for admins only, and pages back by id', async () => {
  const admin = await createStaff({ role: 'admin' });
  for (const role of ['reporter', 'editor'] as const) {
    await expect(listAdminEvents(await createStaff({ role }))).rejects.toBeInstanceOf(ForbiddenError);
  }
  const first = await listAdminEvents(admin, { limit: 2 });
  expect(first).toHaveLength(2);
  const next = await listAdminEvents(admin, { limit: 2, before: first[1]!.id });
  expect(next[0]!.id).toBeLessThan(first[1]!.id);
});
