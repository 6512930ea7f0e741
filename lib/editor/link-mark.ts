import { Mark, mergeAttributes } from '@tiptap/core';
import { isSafeHref } from '@/lib/stories/story-body-model';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    storyLink: {
      /** Puts a link on the selection. */
      setLink: (attributes: { href: string }) => ReturnType;
      /** Takes the link off the selection (the whole link when the cursor is inside it). */
      unsetLink: () => ReturnType;
    };
  }
}

/**
 * The body's link mark, `href` only, http(s) and mailto only: what StoryBodySchema keeps.
 * Ours rather than @tiptap/extension-link, whose autolinking (and the linkify library
 * behind it, ~14 KB gzipped) the desk does not need: links are added with the Link box.
 */
export const StoryLink = Mark.create({
  name: 'link',
  priority: 1000,
  inclusive: false,

  addAttributes() {
    return { href: { default: null } };
  },

  parseHTML() {
    return [
      {
        tag: 'a[href]',
        // A pasted javascript: or data: link comes in as plain text.
        getAttrs: (element) => (isSafeHref(element.getAttribute('href') ?? '') ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['a', mergeAttributes(HTMLAttributes, { rel: 'noopener' }), 0];
  },

  addCommands() {
    return {
      setLink:
        (attributes) =>
        ({ commands }) =>
          isSafeHref(attributes.href) && commands.setMark(this.name, attributes),
      unsetLink:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },
});
