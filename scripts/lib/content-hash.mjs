// What "the same text" means when a test checks a save survived: a hash of headline,
// standfirst and body as canonical JSON (object keys sorted, since jsonb does not keep
// key order). Shared by the clients that send saves and the check that reads them back.
import { createHash } from 'node:crypto';

/**
 * @param {unknown} value
 * @returns {string}
 */
export function canonicalJson(value) {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * @param {{ headline: string, standfirst: string, body: unknown }} story
 * @returns {string}
 */
export function storyContentHash(story) {
  return createHash('sha256')
    .update(canonicalJson({ headline: story.headline, standfirst: story.standfirst, body: story.body }))
    .digest('hex')
    .slice(0, 16);
}
