'use client';

import { NodeViewWrapper, ReactNodeViewRenderer, useEditorState, type ReactNodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { StoryImageNode } from '@/lib/editor/story-image-node';
import { mediaVariantPath } from '@/lib/media/media-paths';
import {
  MAX_IMAGE_ALT_LENGTH,
  MAX_IMAGE_CAPTION_LENGTH,
  MAX_IMAGE_CREDIT_LENGTH,
  type StoryImageAttrs,
} from '@/lib/stories/story-body-model';

/** The image node with the desk's view: the picture, and its caption, credit and alt text fields. */
export const StoryImage = StoryImageNode.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ImageNodeView);
  },
});

function ImageNodeView({ node, updateAttributes, deleteNode, editor, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as StoryImageAttrs;
  const id = useId();
  // Followed live: the page turns read-only when the right to edit goes.
  const editable = useEditorState({ editor, selector: ({ editor: e }) => e.isEditable });
  const creditMissing = attrs.credit.trim() === '';
  if (!attrs.mediaId) return <NodeViewWrapper />;
  return (
    <NodeViewWrapper as="figure" className="story-image" data-selected={selected || undefined}>
      {/* eslint-disable-next-line @next/next/no-img-element -- our own resized variant; next/image adds nothing here */}
      <img
        src={mediaVariantPath(attrs.mediaId, 640)}
        alt={attrs.alt}
        width={attrs.width || undefined}
        height={attrs.height || undefined}
        draggable={false}
        data-drag-handle
      />
      {editable ? (
        <div className="story-image__fields" contentEditable={false}>
          <label htmlFor={`${id}-caption`}>Caption</label>
          <input
            id={`${id}-caption`}
            value={attrs.caption}
            maxLength={MAX_IMAGE_CAPTION_LENGTH}
            onChange={(event) => updateAttributes({ caption: event.target.value })}
          />
          <label htmlFor={`${id}-credit`}>Credit</label>
          <input
            id={`${id}-credit`}
            value={attrs.credit}
            required
            maxLength={MAX_IMAGE_CREDIT_LENGTH}
            aria-invalid={creditMissing || undefined}
            aria-describedby={creditMissing ? `${id}-credit-error` : undefined}
            onChange={(event) => updateAttributes({ credit: event.target.value })}
          />
          <label htmlFor={`${id}-alt`}>Alt text</label>
          <input
            id={`${id}-alt`}
            value={attrs.alt}
            maxLength={MAX_IMAGE_ALT_LENGTH}
            onChange={(event) => updateAttributes({ alt: event.target.value })}
          />
          <button type="button" className="button button--small" onClick={deleteNode}>
            Remove image
          </button>
          {creditMissing && (
            <p id={`${id}-credit-error`} className="field-error" role="alert">
              Every image needs a credit.
            </p>
          )}
        </div>
      ) : (
        <figcaption>{[attrs.caption, attrs.credit].filter(Boolean).join(' — ')}</figcaption>
      )}
    </NodeViewWrapper>
  );
}
