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
 * `history: false` for a live document, whose undo (Collaboration's) takes back only
 * one's own changes, never a colleague's.
 */
export const EditorBasics = Extension.create<{ history: boolean }>({
  name: 'storyEditorBasics',

  addOptions() {
    return { history: true };
  },

  addCommands() {
    if (!this.options.history) return {};
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

  addKeyboardShortcuts(): Record<string, () => boolean> {
    if (!this.options.history) return {};
    return {
      'Mod-z': () => this.editor.commands.undo(),
      'Shift-Mod-z': () => this.editor.commands.redo(),
      'Mod-y': () => this.editor.commands.redo(),
    };
  },

  addProseMirrorPlugins() {
    const cursors = [dropCursor({ color: 'currentColor', width: 2 }), gapCursor()];
    return this.options.history ? [history(), ...cursors] : cursors;
  },
});
