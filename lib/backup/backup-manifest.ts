import { z } from 'zod';
import { isSafeEntryName } from './tar';

/** The first entry of every backup archive. */
export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'wiredesk-backup';
export const BACKUP_FORMAT_VERSION = 1;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const EntryNameSchema = z.string().refine(isSafeEntryName, 'must be a relative path inside the archive');

/**
 * What a backup holds, checked before anything is restored: the migration level the rows
 * belong to, each table (its file, columns, row count and checksum, in restore order),
 * and each media file (its checksum).
 */
export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  source: z.object({ database: z.enum(['pglite', 'postgres']), app: z.string() }),
  migrations: z.object({
    count: z.number().int().nonnegative(),
    last: z.string().nullable(),
    lastWhen: z.number().int().nullable(),
  }),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      file: EntryNameSchema,
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: Sha256Schema,
    }),
  ),
  media: z.array(
    z.object({
      file: EntryNameSchema,
      bytes: z.number().int().nonnegative(),
      sha256: Sha256Schema,
    }),
  ),
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;

/** Where a media file (its path relative to the media directory) sits in the archive. */
export function mediaEntryName(filePath: string): string {
  return `media/${filePath}`;
}

/** Where a table's rows sit in the archive. */
export function tableEntryName(table: string): string {
  return `tables/${table}.ndjson`;
}
