// A story's live document (Yjs) as the editor page and the server both read it: which
// shared types hold which field, and the small pure helpers over them. Browser-safe: no
// server code, no validation library. docs/decisions/013-real-time-co-editing.md
import type * as Y from 'yjs';

/** The body, a ProseMirror document (Tiptap's Collaboration extension binds to it). */
export const BODY_FIELD = 'body';
/**
 * Text fields, each a Y.Text, so two people typing in the headline at once both keep
 * their words (a last-writer-wins value would drop one of them).
 */
export const TEXT_FIELDS = ['headline', 'standfirst', 'slug', 'dateline'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Values chosen rather than typed (section, bylines): last writer wins, per field. */
export const CHOICES_MAP = 'choices';

/** Everything but the body, as the form shows it. */
export type StoryDocumentFields = Record<TextField, string> & { sectionId: number | null; authorIds: number[] };

/** The name a story's document goes by on the socket. */
export function storyDocumentName(storyId: number): string {
  return `story:${storyId}`;
}

/** The story id a document name stands for, or null for anything else. */
export function parseStoryDocumentName(name: string): number | null {
  const match = /^story:([1-9][0-9]{0,9})$/.exec(name);
  if (!match) return null;
  const id = Number(match[1]);
  return id <= 2_147_483_647 ? id : null;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest splice turning `before` into `after` (common start and end kept), never
 * cutting a character made of two UTF-16 units in half.
 */
export function spliceBetween(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Makes a Y.Text read `next` by the smallest change, so a colleague's typing elsewhere in it stays. */
export function replaceText(text: Y.Text, next: string): void {
  const { index, remove, insert } = spliceBetween(text.toString(), next);
  if (remove === 0 && insert === '') return;
  const apply = () => {
    if (remove > 0) text.delete(index, remove);
    if (insert) text.insert(index, insert);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

function readChoices(doc: Y.Doc): Pick<StoryDocumentFields, 'sectionId' | 'authorIds'> {
  const choices = doc.getMap<unknown>(CHOICES_MAP);
  const sectionId = choices.get('sectionId');
  const authorIds = choices.get('authorIds');
  return {
    sectionId: typeof sectionId === 'number' ? sectionId : null,
    authorIds: Array.isArray(authorIds) ? authorIds.filter((id): id is number => typeof id === 'number') : [],
  };
}

/** Every field but the body. */
export function readStoryFields(doc: Y.Doc): StoryDocumentFields {
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, doc.getText(field).toString()])) as Record<
    TextField,
    string
  >;
  return { ...texts, ...readChoices(doc) };
}

/** Writes the fields given (and only those that differ), in one transaction. */
export function writeStoryFields(doc: Y.Doc, fields: Partial<StoryDocumentFields>, origin?: unknown): void {
  doc.transact(() => {
    for (const field of TEXT_FIELDS) {
      const value = fields[field];
      if (value !== undefined) replaceText(doc.getText(field), value);
    }
    const choices = doc.getMap<unknown>(CHOICES_MAP);
    const current = readChoices(doc);
    if (fields.sectionId !== undefined && fields.sectionId !== current.sectionId) {
      choices.set('sectionId', fields.sectionId);
    }
    if (fields.authorIds !== undefined && fields.authorIds.join(',') !== current.authorIds.join(',')) {
      choices.set('authorIds', [...fields.authorIds]);
    }
  }, origin);
}

/**
 * Whether `local` (a browser's state vector) is contained in `stored` (the server's, as
 * of its last save): then everything this browser has, its own typing included, is saved.
 */
export function isCoveredBy(local: Map<number, number>, stored: Map<number, number>): boolean {
  for (const [client, clock] of local) {
    if ((stored.get(client) ?? 0) < clock) return false;
  }
  return true;
}
