import type { AnyExtension } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { HorizontalRule } from '@tiptap/extension-horizontal-rule';
import { Italic } from '@tiptap/extension-italic';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { StoryLink } from './link-mark';
import { StoryImageNode } from './story-image-node';

/**
 * The nodes and marks of a story body — exactly what StoryBodySchema accepts, so the
 * editor cannot make anything a save would refuse. One by one rather than StarterKit,
 * which would bundle code blocks, strike, underline and its link extension even when
 * switched off. Shared by the desk's editor (which adds its node views and keymaps) and
 * the server, which needs the same ProseMirror schema to read and write live documents.
 * `image` is the image node to use: the editor passes its own, with a node view.
 */
export function storySchemaExtensions(image: AnyExtension = StoryImageNode): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    Bold,
    Italic,
    StoryLink,
    Heading.configure({ levels: [2, 3] }),
    BulletList,
    OrderedList,
    ListItem,
    Blockquote,
    HorizontalRule,
    HardBreak,
    image,
  ];
}
