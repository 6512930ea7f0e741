import { expect, test } from 'vitest';
import { ROLES } from '@/lib/roles';
import { ForbiddenError } from './errors';
import { can, PERMISSIONS, requirePermission, type Permission } from './permissions';

// DESIGN.md "Roles and permissions": every role works the desk; only admins run it.
const EXPECTED: Record<Permission, Record<(typeof ROLES)[number], boolean>> = {
  'desk:view': { reporter: true, editor: true, admin: true },
  'users:manage': { reporter: false, editor: false, admin: true },
  'sections:manage': { reporter: false, editor: false, admin: true },
  'tokens:manage': { reporter: false, editor: false, admin: true },
};

const cases = PERMISSIONS.flatMap((permission) => ROLES.map((role) => [role, permission] as const));

test.each(cases)('a %s: %s', (role, permission) => {
  const user = { id: 1, role };
  expect(can(user, permission)).toBe(EXPECTED[permission][role]);
  if (EXPECTED[permission][role]) expect(() => requirePermission(user, permission)).not.toThrow();
  else expect(() => requirePermission(user, permission)).toThrow(ForbiddenError);
});

test('nobody signed in may do nothing', () => {
  for (const permission of PERMISSIONS) {
    expect(can(null, permission)).toBe(false);
    expect(() => requirePermission(undefined, permission)).toThrow(ForbiddenError);
  }
});
