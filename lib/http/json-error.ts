import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  StoryLockedError,
  ValidationError,
} from '@/lib/errors';
import { readBodyWithLimit } from './read-body';

/**
 * The JSON answer of an API route for an error lib/ threw on purpose: 422 bad input,
 * 403 not allowed, 404 not found, 423 someone else holds the lock, 409 any other conflict.
 * Anything else is a bug and is rethrown (logged, 500).
 */
export function jsonErrorResponse(error: unknown): Response {
  if (error instanceof ValidationError) {
    return Response.json(
      { status: 'invalid', message: error.message, fieldErrors: error.fieldErrors },
      { status: 422 },
    );
  }
  if (error instanceof ForbiddenError)
    return Response.json({ status: 'forbidden', message: error.message }, { status: 403 });
  if (error instanceof NotFoundError) return Response.json({ status: 'gone', message: error.message }, { status: 404 });
  if (error instanceof StoryLockedError) {
    return Response.json(
      {
        status: 'locked',
        message: error.message,
        holderName: error.holderName,
        keptRevisionId: error.keptRevisionId,
        byYou: error.byYou,
      },
      { status: 423 },
    );
  }
  if (error instanceof StaleVersionError || error instanceof ConflictError) {
    return Response.json({ status: 'conflict', message: error.message }, { status: 409 });
  }
  throw error;
}

/** Reads a JSON request body of at most `limit` bytes; null if it is too long or not JSON. */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBodyWithLimit(request, limit);
  if (bytes === null) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
}
