import type { z } from 'zod';
import { ValidationError } from './errors';

/** Parses input with a zod schema or throws a ValidationError carrying messages per field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(result.error.issues[0]?.message ?? 'Invalid input', fieldErrors);
}
