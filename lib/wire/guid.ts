import { createHash } from 'node:crypto';
import type { BodyBlock } from './wire-item';

/** Prefix of guids Wiredesk makes up for items that carry no id of their own. */
export const CONTENT_GUID_PREFIX = 'urn:wiredesk:content:';

/**
 * A stable fingerprint of what a reader sees: headline and body text, whitespace and case
 * folded, so the same story re-sent with other line endings or spacing is recognised.
 */
export function hashWireContent(headline: string | null, body: readonly BodyBlock[]): string {
  const hash = createHash('sha256');
  hash.update((headline ?? '').toLowerCase().replace(/\s+/g, ' ').trim());
  for (const block of body) {
    hash.update('\n');
    hash.update(block.text.toLowerCase().replace(/\s+/g, ' ').trim());
  }
  return hash.digest('hex');
}

/** The guid for an item without an id: derived from its normalised content. */
export function deriveContentGuid(headline: string | null, body: readonly BodyBlock[]): string {
  return `${CONTENT_GUID_PREFIX}${hashWireContent(headline, body).slice(0, 32)}`;
}
