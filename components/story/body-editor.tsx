'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref, type StoryBody } from '@/lib/stories/story-body';

// Exactly the nodes and marks StoryBodySchema accepts: anything else the editor could
// make would be refused on save, so it is switched off here.
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: 'noopener', target: null },
    },
  }),
];

type Props = {
  initialBody: StoryBody;
  editable: boolean;
  onChange: (body: StoryBody) => void;
  describedBy?: string;
};

/** The story body in Tiptap; the accessible name "Story body" is part of the interface contract. */
export function BodyEditor({ initialBody, editable, onChange, describedBy }: Props) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initialBody,
    editable,
    // Rendered on the server as an empty shell; the editor mounts in the browser.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        'aria-label': 'Story body',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class: 'body-editor__content',
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as StoryBody),
  });

  // After a workflow move the page re-renders with new rights (submitted: read-only).
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="body-editor" data-editable={editable}>
      {editor && editable && (
        <div className="body-editor__toolbar" role="toolbar" aria-label="Formatting">
          <button
            type="button"
            aria-pressed={editor.isActive('bold')}
            onClick={() => editor.chain().focus().toggleBold().run()}
          >
            Bold
          </button>
          <button
            type="button"
            aria-pressed={editor.isActive('italic')}
            onClick={() => editor.chain().focus().toggleItalic().run()}
          >
            Italic
          </button>
          <button
            type="button"
            aria-pressed={editor.isActive('heading', { level: 2 })}
            onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}
          >
            Crosshead
          </button>
          <button
            type="button"
            aria-pressed={editor.isActive('bulletList')}
            onClick={() => editor.chain().focus().toggleBulletList().run()}
          >
            Bullets
          </button>
          <button
            type="button"
            aria-pressed={editor.isActive('blockquote')}
            onClick={() => editor.chain().focus().toggleBlockquote().run()}
          >
            Quote
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
