import { Extension } from '@tiptap/core';
import { dropCursor } from '@tiptap/pm/dropcursor';
import { gapCursor } from '@tiptap/pm/gapcursor';
import { history, redo, undo } from '@tiptap/pm/history';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    storyHistory: {
      undo: () => ReturnType;
      redo: () => ReturnType;
    };
  }
}

/**
 * Undo/redo, the drop cursor and the gap cursor (a caret beside an image), straight from
 * ProseMirror: @tiptap/extensions ships them in one bundle with a dozen extensions the
 * desk does not use (~3 KB gzipped on the editor page).
 */
export const EditorBasics = Extension.create({
  name: 'storyEditorBasics',

  addCommands() {
    return {
      undo:
        () =>
        ({ state, dispatch }) =>
          undo(state, dispatch),
      redo:
        () =>
        ({ state, dispatch }) =>
          redo(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-z': () => this.editor.commands.undo(),
      'Shift-Mod-z': () => this.editor.commands.redo(),
      'Mod-y': () => this.editor.commands.redo(),
    };
  },

  addProseMirrorPlugins() {
    return [history(), dropCursor({ color: 'currentColor', width: 2 }), gapCursor()];
  },
});
