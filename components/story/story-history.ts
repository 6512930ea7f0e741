import { Extension } from '@tiptap/core';
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
 * Undo/redo for a story's own text, straight from ProseMirror (@tiptap/extensions ships it
 * in one bundle with a dozen extensions the desk does not use). Only the new-story form
 * has it: a live document's undo is Collaboration's, which takes back only one's own
 * changes, never a colleague's — so the story page does not load this at all.
 */
export const StoryHistory = Extension.create({
  name: 'storyHistory',

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
    return [history()];
  },
});
