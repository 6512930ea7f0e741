import { WireParseError } from './errors';

/** Largest wire file Wiredesk reads: far above any real item, small enough to parse at once. */
export const MAX_WIRE_BYTES = 5 * 1024 * 1024;

/** Deeper than any real wire document; stops nesting bombs before they cost anything. */
export const MAX_MARKUP_DEPTH = 256;

/** More items than any real feed or newsMessage carries in one file. */
export const MAX_ITEMS_PER_FILE = 10_000;

/** More paragraphs than any story (agate tables included) has; beyond this it is not copy. */
export const MAX_BODY_BLOCKS = 20_000;

/** Throws when a file holds more items than Wiredesk will take from one file. */
export function assertItemCount(count: number, what: string): void {
  if (count > MAX_ITEMS_PER_FILE) {
    throw new WireParseError(
      `The ${what} has ${count.toLocaleString('en-US')} items; the limit is ${MAX_ITEMS_PER_FILE.toLocaleString('en-US')} per file`,
    );
  }
}
