// @ts-check
// Request size limits shared by next.config.js and proxy.ts (plain JavaScript: the Next.js
// config is loaded without TypeScript).

/**
 * The largest server action request Next.js reads; proxy.ts answers 413 with a reason
 * beyond it, where Next.js would fail with a 500. Not more than a million bytes: React's
 * decoder of action arguments refuses (with a 500) a value of over a million characters,
 * and a request of at most this many bytes cannot hold one. Desk forms send far less (the
 * JSON API, not an action, carries editor saves).
 */
export const MAX_ACTION_BODY_BYTES = 1_000_000;
