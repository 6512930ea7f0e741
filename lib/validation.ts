import { z } from 'zod';
import { ValidationError } from './errors';

// A NUL character cannot be stored in PostgreSQL text, and half of a surrogate pair is not
// a character at all (it would be stored as U+FFFD, silently changing what was typed).
export const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Deeper than any form or story body; past it the schema refuses the shape anyway.
const MAX_SCAN_DEPTH = 64;

/** The largest id (or version) the database's integer columns hold. */
export const MAX_ROW_ID = 2_147_483_647;

/** Whether `value` is already a row id: a positive integer the database's integer columns hold. */
export function isRowId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_ROW_ID;
}

/** A row id or version number: a positive integer the database can hold; anything else gets `message`. */
export function rowIdSchema(message: string) {
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .positive({ error: message })
    .max(MAX_ROW_ID, { error: message });
}

export const UNSTORABLE_TEXT_MESSAGE = 'Contains a character that cannot be stored (a NUL or a broken character)';

/** The path of the first string in `input` that cannot be stored as text, or null. */
export function findUnstorableText(input: unknown, path: string[] = []): string[] | null {
  if (typeof input === 'string') return UNSTORABLE_TEXT.test(input) ? path : null;
  if (input === null || typeof input !== 'object' || path.length >= MAX_SCAN_DEPTH) return null;
  if (input instanceof Date || ArrayBuffer.isView(input)) return null;
  for (const [key, value] of Object.entries(input)) {
    const found = findUnstorableText(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Parses input with a zod schema or throws a ValidationError carrying messages per field.
 * Text that cannot be stored as typed is refused here, for every schema, with its field named.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const unstorable = findUnstorableText(input);
  if (unstorable) {
    // Named by its top-level field: that is where a form shows the message (a story body's
    // paragraph is the `body` field's problem).
    throw new ValidationError(UNSTORABLE_TEXT_MESSAGE, { [unstorable[0] ?? '_form']: [UNSTORABLE_TEXT_MESSAGE] });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(result.error.issues[0]?.message ?? 'Invalid input', fieldErrors);
}
