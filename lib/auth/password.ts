import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~30 ms here, slow enough for
// offline guessing, fast enough that sign-in never feels it.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the account does not exist, so "no such email" takes
 * as long as "wrong password" and response times do not reveal who has an account.
 */
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('wiredesk-no-such-account');
  return dummyHash;
}
