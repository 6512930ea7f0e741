import { mergeAttributes, Node } from '@tiptap/core';
import { MEDIA_ID_PATTERN } from '@/lib/stories/story-body-model';

const text = (name: string) => ({
  default: '',
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? '',
  renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: attrs[name] }),
});
const number = (name: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => Number(element.getAttribute(`data-${name}`)) || null,
  renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: attrs[name] }),
});

/**
 * An uploaded image with caption, credit and alt text: a block of its own, never inline.
 * Only our own figures (copied within Wiredesk) are parsed back; an <img> from anywhere
 * else is not an image here (see cleanPastedHtml), so no outside address gets in.
 * The schema only: the desk's editor adds its node view (components/story/image-node.tsx),
 * the server builds the same schema from it without React.
 */
export const StoryImageNode = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (element: HTMLElement) => {
          const id = element.getAttribute('data-media-id');
          return id && MEDIA_ID_PATTERN.test(id) ? id : null;
        },
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-media-id': attrs.mediaId }),
      },
      width: number('width'),
      height: number('height'),
      alt: text('alt'),
      caption: text('caption'),
      credit: text('credit'),
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'story-image' })];
  },
});
