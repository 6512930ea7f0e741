import 'server-only';
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { storySchemaExtensions } from '@/lib/editor/story-schema';
import type { StoryBody } from '@/lib/stories/story-body';
import { BODY_FIELD, readStoryFields, writeStoryFields, type StoryDocumentFields } from './story-document-model';

// The server's side of a live document's body: the same ProseMirror schema the desk's
// editor has (built from the same Tiptap extensions), so what the server writes into a
// document is exactly what an editor would have made, and vice versa.

let schema: Schema | undefined;

/** The story body's ProseMirror schema, as the desk's editor builds it. */
export function getStorySchema(): Schema {
  schema ??= getSchema(storySchemaExtensions());
  return schema;
}

type Json = { type?: unknown; text?: unknown; content?: unknown; marks?: unknown; attrs?: unknown };

// The document's JSON as the editor's getJSON() would give it: an empty text (typed and
// deleted) leaves an empty Y.XmlText behind, which reads as `content: []`; the stored
// body has no `content` there. Without this, "typed and undone" would look like a change.
function compact(node: Json): Json | null {
  if (node.type === 'text') return typeof node.text === 'string' && node.text !== '' ? node : null;
  if (!Array.isArray(node.content)) return node;
  const content = (node.content as Json[]).map(compact).filter((child): child is Json => child !== null);
  const { content: _dropped, ...rest } = node;
  return content.length > 0 ? { ...rest, content } : rest;
}

/** The body a document holds, as JSON in the shape the editor saves (to be validated by the caller). */
export function readStoryBody(doc: Y.Doc): unknown {
  return compact(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as Json);
}

/**
 * Makes the document's body `body` by the smallest change (paragraphs and words that stay
 * are kept as they are), so a colleague typing elsewhere in the story loses nothing.
 */
export function writeStoryBody(doc: Y.Doc, body: StoryBody, origin?: unknown): void {
  const node = getStorySchema().nodeFromJSON(body);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(BODY_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}

/** The whole story as its document holds it: fields, and the body as JSON (unvalidated). */
export function readStoryDocument(doc: Y.Doc): StoryDocumentFields & { body: unknown } {
  return { ...readStoryFields(doc), body: readStoryBody(doc) };
}

/** Writes a whole story (fields and body) into a document by the smallest change, as one transaction. */
export function writeStoryDocument(
  doc: Y.Doc,
  story: StoryDocumentFields & { body: StoryBody },
  origin?: unknown,
): void {
  doc.transact(() => {
    const { body, ...fields } = story;
    writeStoryFields(doc, fields);
    writeStoryBody(doc, body);
  }, origin);
}
