/** The signed-in user may not do this (HTTP 403). */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

/** Someone else changed the thing first (HTTP 409). */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** Input failed validation (HTTP 400 / 422); fieldErrors map field names to messages. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** Something looked up by id or slug does not exist (HTTP 404). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The workflow has no such move from the story's current state (HTTP 409). */
export class InvalidTransitionError extends ConflictError {
  override name = 'InvalidTransitionError';
}

/**
 * A save was based on an older version than the story now has (HTTP 409). The refused
 * content was kept as a revision, so nothing typed is lost.
 */
export class StaleVersionError extends ConflictError {
  override name = 'StaleVersionError';
  constructor(
    message: string,
    readonly currentVersion: number,
    readonly keptRevisionId: number | null,
  ) {
    super(message);
  }
}

/**
 * Someone else holds the story's edit lock (HTTP 423). If the refused request carried
 * text, it was kept as a revision first (keptRevisionId), so nothing typed is lost.
 */
export class StoryLockedError extends ConflictError {
  override name = 'StoryLockedError';
  constructor(
    message: string,
    readonly holderName: string,
    readonly keptRevisionId: number | null = null,
    /** The holder is the same user, in another tab or on another device. */
    readonly byYou = false,
  ) {
    super(message);
  }
}
