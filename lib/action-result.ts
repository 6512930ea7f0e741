import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';

/** The one result shape every server action returns, rendered with useActionState. */
export type ActionResult =
  | { status: 'idle' }
  | { status: 'error'; formError?: string; fieldErrors?: Record<string, string[]> }
  | { status: 'success'; message?: string; version?: number; token?: string };

export const IDLE: ActionResult = { status: 'idle' };

/**
 * Turns the errors lib/ throws for bad input or a refused action into a result the
 * form can show. Anything else is a bug: rethrown, so it is logged and the error page shows.
 */
export function toActionResult(error: unknown): ActionResult {
  if (error instanceof ValidationError) {
    const { _form, ...fieldErrors } = error.fieldErrors;
    const hasFields = Object.keys(fieldErrors).length > 0;
    return { status: 'error', formError: _form?.[0] ?? (hasFields ? undefined : error.message), fieldErrors };
  }
  if (error instanceof ForbiddenError || error instanceof ConflictError || error instanceof NotFoundError) {
    return { status: 'error', formError: error.message };
  }
  throw error;
}
