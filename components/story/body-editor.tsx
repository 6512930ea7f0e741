'use client';

import type { AnyExtension, Editor, EditorOptions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { ListKeymap } from '@tiptap/extension-list';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import dynamic from 'next/dynamic';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { BODY_FIELD } from '@/lib/collab/story-document-model';
import { cleanPastedHtml } from '@/lib/editor/clean-pasted-html';
import { storySchemaExtensions } from '@/lib/editor/story-schema';
import { isSafeHref, type StoryBody } from '@/lib/stories/story-body-model';
import { EditorCursors } from './editor-cursors';
import { StoryImage } from './image-node';
import type { LiveSession, LiveUser } from './use-live-document';

// Opened from the toolbar only: loaded on first use.
const ImageUploadDialog = dynamic(() => import('./image-upload-dialog').then((m) => m.ImageUploadDialog), {
  ssr: false,
});

/**
 * A colleague's caret: a coloured bar with their name on a label. The name is drawn by
 * CSS from an attribute, so it is not part of the text (a screen reader reading the story,
 * or a test reading its text, never meets it) and the colour is a custom property.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset.name = typeof user.name === 'string' ? user.name : '';
  if (typeof user.color === 'string') caret.style.setProperty('--caret-color', user.color);
  return caret;
}

/**
 * The editor's extensions: the story schema with the desk's views and keys, and either
 * live editing (whose undo takes back only this user's own changes) or `own` (the
 * new-story form's undo history).
 */
function editorExtensions(
  live: { session: LiveSession; user: LiveUser } | undefined,
  own: readonly AnyExtension[],
): AnyExtension[] {
  const base = [...storySchemaExtensions(StoryImage), ListKeymap, EditorCursors];
  if (!live) return [...base, ...own];
  return [
    ...base,
    Collaboration.configure({ document: live.session.doc, field: BODY_FIELD }),
    CollaborationCaret.configure({ provider: live.session.provider, user: live.user, render: renderCaret }),
  ];
}

/**
 * What a person types into the link box, as an address readers may follow: a bare
 * `example.org/x` gets https://, a bare e-mail address mailto:. Null if it is neither.
 */
export function normalizeLinkInput(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  let href = value;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) href = `mailto:${value}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) href = `https://${value}`;
  if (!isSafeHref(href)) return null;
  // A host needs a dot (or is localhost): "https://hello" is a typo, not an address.
  if (/^https?:/i.test(href) && !/^https?:\/\/[^/]*\./i.test(href)) return null;
  return href;
}

type Props = {
  /** The body to start from; ignored with `live`, whose document holds it. */
  initialBody: StoryBody;
  /** Edit the story's live document together with whoever else has it open. */
  live?: { session: LiveSession; user: LiveUser };
  /** Extensions of a story's own (not live) text: the new-story form's undo history. */
  ownExtensions?: readonly AnyExtension[];
  editable: boolean;
  onChange: (body: StoryBody) => void;
  /** The editor lost focus (autosave saves then). */
  onBlur?: () => void;
  /** For replacing the content from outside (a conflict resolved, a local copy restored). */
  editorRef?: MutableRefObject<Editor | null>;
  describedBy?: string;
};

const NONE: readonly AnyExtension[] = [];

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The story body in Tiptap; the accessible name "Story body" is part of the interface contract. */
export function BodyEditor({
  initialBody,
  live,
  ownExtensions = NONE,
  editable,
  onChange,
  onBlur,
  editorRef,
  describedBy,
}: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [imageOpen, setImageOpen] = useState(false);
  const [counts, setCounts] = useState<{ words: number; minutes: number } | null>(null);
  // Tiptap keeps the callbacks it was created with: these always reach the latest props.
  const onChangeRef = useRef(onChange);
  const onBlurRef = useRef(onBlur);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    onBlurRef.current = onBlur;
  });

  // One object across renders: useEditor hands changed options to ProseMirror's setProps,
  // which puts the DOM selection back where the editor last read it — on every keystroke
  // (the counts re-render) and after every autosave (the page refreshes), a caret just
  // moved with the keyboard could jump back.
  const editorProps = useMemo(
    (): EditorOptions['editorProps'] => ({
      attributes: {
        'aria-label': 'Story body',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class: 'body-editor__content',
      },
      // Our own copies (ProseMirror marks them) are already clean; the rest is cleaned.
      transformPastedHTML: (html) => (html.includes('data-pm-slice') ? html : cleanPastedHtml(html)),
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    }),
    [describedBy],
  );

  const session = live?.session;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one set per document; `live.user` is fixed for it
  const extensions = useMemo(() => editorExtensions(live, ownExtensions), [session, ownExtensions]);
  const editor = useEditor(
    {
      extensions,
      // A live document brings its own content (giving it here would add it a second time).
      content: live ? undefined : initialBody,
      editable,
      // Rendered on the server as an empty shell; the editor mounts in the browser.
      immediatelyRender: false,
      // Tiptap would add its base styles as a <style> element, which the desk's CSP refuses
      // without a nonce; the same rules live in globals.css ("ProseMirror base").
      injectCSS: false,
      editorProps,
      onCreate: ({ editor: created }) => setCounts(countBody(created)),
      onUpdate: ({ editor: current, transaction }) => {
        // setEditable announces itself as an update too, with the text untouched: that is
        // not a change (it would overwrite a copy kept in this browser with the server's).
        if (!transaction.docChanged) return;
        setCounts(countBody(current));
        onChangeRef.current(current.getJSON() as StoryBody);
      },
      onBlur: ({ event }) => {
        // Focus moving into our own toolbar, link box or an image's fields is not leaving.
        const next = event.relatedTarget as Node | null;
        if (next && (event.currentTarget as HTMLElement | null)?.closest('.body-editor')?.contains(next)) return;
        onBlurRef.current?.();
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editorRef) editorRef.current = editor;
  }, [editor, editorRef]);

  // After a workflow move the page re-renders with new rights (submitted: read-only).
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="body-editor" data-editable={editable}>
      {editor && editable && (
        <Toolbar editor={editor} onLink={() => setLinkOpen(true)} onImage={() => setImageOpen(true)} />
      )}
      {editor && editable && linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      <EditorContent editor={editor} />
      {counts && (
        <p className="body-editor__counts" aria-live="off">
          {counts.words.toLocaleString('en')} {counts.words === 1 ? 'word' : 'words'} ·{' '}
          {counts.minutes === 0 ? 'no reading time' : `${counts.minutes} min read`}
        </p>
      )}
      {editor && editable && imageOpen && <ImageUploadDialog editor={editor} onClose={() => setImageOpen(false)} />}
    </div>
  );
}

function countBody(editor: Editor): { words: number; minutes: number } {
  const { doc } = editor.state;
  const text = doc.textBetween(0, doc.content.size, ' ', ' ');
  const words = (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
  return { words, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / 230)) };
}

function Toolbar({ editor, onLink, onImage }: { editor: Editor; onLink: () => void; onImage: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const chain = () => editor.chain().focus();
  const button = (
    label: string,
    shortcut: string,
    keys: string,
    run: () => void,
    pressed?: boolean,
    disabled?: boolean,
  ): ReactNode => (
    <button
      type="button"
      aria-pressed={pressed}
      aria-keyshortcuts={keys || undefined}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keeps the focus (and the selection) in the text while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="body-editor__toolbar" role="toolbar" aria-label="Formatting">
      {button('Bold', `${mod}B`, 'Control+B', () => chain().toggleBold().run(), state.bold)}
      {button('Italic', `${mod}I`, 'Control+I', () => chain().toggleItalic().run(), state.italic)}
      {button('Link', `${mod}K`, 'Control+K', onLink, state.link)}
      {button('Crosshead', `${mod}Alt+2`, 'Control+Alt+2', () => chain().toggleHeading({ level: 2 }).run(), state.h2)}
      {button('Subhead', `${mod}Alt+3`, 'Control+Alt+3', () => chain().toggleHeading({ level: 3 }).run(), state.h3)}
      {button('Bullets', `${mod}Shift+8`, 'Control+Shift+8', () => chain().toggleBulletList().run(), state.bullets)}
      {button('Numbered', `${mod}Shift+7`, 'Control+Shift+7', () => chain().toggleOrderedList().run(), state.numbered)}
      {button('Quote', `${mod}Shift+B`, 'Control+Shift+B', () => chain().toggleBlockquote().run(), state.quote)}
      {button('Rule', '', '', () => chain().setHorizontalRule().run())}
      {button('Image', '', '', onImage)}
      {button('Undo', `${mod}Z`, 'Control+Z', () => chain().undo().run(), undefined, !state.canUndo)}
      {button('Redo', `${mod}Shift+Z`, 'Control+Shift+Z', () => chain().redo().run(), undefined, !state.canRedo)}
    </div>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  function apply() {
    const href = normalizeLinkInput(value);
    if (!href) {
      setError('Enter a web address (https://…) or an e-mail address.');
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    // Not a <form>: it sits inside the story form, and forms cannot nest.
    <div className="link-form" role="group" aria-label="Link">
      <label htmlFor="link-href">Link address</label>
      <input
        ref={input}
        id="link-href"
        value={value}
        placeholder="https://…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-href-error' : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          }
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
            editor.commands.focus();
          }
        }}
      />
      <button type="button" className="button button--small" onClick={apply}>
        Apply link
      </button>
      {current && (
        <button type="button" className="button button--small" onClick={remove}>
          Remove link
        </button>
      )}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onClose();
          editor.commands.focus();
        }}
      >
        Cancel
      </button>
      {error && (
        <p id="link-href-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
