import { Extension } from '@tiptap/core';
import { dropCursor } from '@tiptap/pm/dropcursor';
import { gapCursor } from '@tiptap/pm/gapcursor';

/** The drop cursor and the gap cursor (a caret beside an image), straight from ProseMirror. */
export const EditorCursors = Extension.create({
  name: 'storyEditorCursors',

  addProseMirrorPlugins() {
    return [dropCursor({ color: 'currentColor', width: 2 }), gapCursor()];
  },
});
