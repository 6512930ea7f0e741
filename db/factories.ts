import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Role } from '@/lib/roles';
import { createUser, SYSTEM, type NewUser, type StaffUser } from '@/lib/users';

export const FACTORY_PASSWORD = 'correct horse battery';

/** A valid new-user input with a unique email; override any field. */
export function buildUser(overrides: Partial<NewUser> = {}): NewUser & { password: string } {
  const tag = randomBytes(4).toString('hex');
  return {
    name: `Staff ${tag}`,
    email: `staff-${tag}@wiredesk.test`,
    role: 'reporter' satisfies Role,
    password: FACTORY_PASSWORD,
    ...overrides,
  };
}

/** Creates a staff account through the same path the CLI and admin screen use. */
export async function createStaff(overrides: Partial<NewUser> = {}): Promise<StaffUser & { password: string }> {
  const input = buildUser(overrides);
  const user = await createUser(SYSTEM, input);
  return { ...user, password: input.password };
}
