import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { recordAdminEvent } from './admin-audit';
import { NotFoundError } from './errors';
import { requirePermission, type Actor } from './permissions';
import { parseOrThrow, rowIdSchema } from './validation';

const TOKEN_PREFIX = 'wd_';

// Tokens are 32 random bytes: a fast hash is enough (no guessing to slow down), and it
// lets every API request find its token with one indexed lookup.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const ApiTokenNameSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(80, 'Name is too long'),
});

/** Creates an API token; the token itself is returned this once and never stored. */
export async function createApiToken(
  actor: Actor,
  input: { name: unknown },
  now = new Date(),
): Promise<{ id: number; name: string; token: string }> {
  requirePermission(actor, 'tokens:manage');
  const { name } = parseOrThrow(ApiTokenNameSchema, input);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const db = await getDb();
  const prefix = token.slice(0, 10);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ name, tokenHash: hashToken(token), prefix, createdById: actor.id, createdAt: now })
      .returning({ id: apiTokens.id });
    await recordAdminEvent(tx, { kind: 'token_created', actor, subject: name, detail: `${prefix}…`, at: now });
    return row!.id;
  });
  return { id, name, token };
}

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every token (revoked ones too, for the record), newest first. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenSummary[]> {
  requirePermission(actor, 'tokens:manage');
  const db = await getDb();
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdByName: users.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .orderBy(desc(apiTokens.id));
}

/** Revokes a token: requests carrying it are refused from now on. */
export async function revokeApiToken(actor: Actor, tokenId: unknown, now = new Date()): Promise<void> {
  requirePermission(actor, 'tokens:manage');
  const id = parseOrThrow(rowIdSchema('Unknown token'), tokenId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name, prefix: apiTokens.prefix });
    if (row) {
      await recordAdminEvent(tx, {
        kind: 'token_revoked',
        actor,
        subject: row.name,
        detail: `${row.prefix}…`,
        at: now,
      });
      return;
    }
    const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.id, id));
    if (!exists) throw new NotFoundError('This token does not exist.');
  });
}

// Noting each use would be a write per API request; once a minute is plenty for
// "last used" on the admin screen.
const LAST_USED_PRECISION_MS = 60_000;

/** An API token that authenticateApiToken found live: the sender of wire copy it carries. */
export type ApiTokenPrincipal = { kind: 'api-token'; id: number; name: string };

/** The live token named by an `Authorization: Bearer …` header, or null; notes its use. */
export async function authenticateApiToken(
  authorization: string | null,
  now = new Date(),
): Promise<ApiTokenPrincipal | null> {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match || !match[1]!.startsWith(TOKEN_PREFIX) || match[1]!.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(match[1]!)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { kind: 'api-token', id: row.id, name: row.name };
}
