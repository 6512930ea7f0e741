'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ACCEPTED_IMAGE_TYPES, formatBytes, MAX_IMAGE_BYTES } from '@/lib/media/image-type';
import {
  MAX_IMAGE_ALT_LENGTH,
  MAX_IMAGE_CAPTION_LENGTH,
  MAX_IMAGE_CREDIT_LENGTH,
} from '@/lib/stories/story-body-model';

type Uploaded = { id: string; width: number; height: number };

/**
 * Upload an image and place it in the body. The credit is asked for before the upload, so
 * no image ever sits in a story without one. Rendered into <body>: the story form around
 * the editor cannot contain a form of its own.
 */
export function ImageUploadDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<{ field: 'file' | 'credit' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const error = problem?.message ?? null;
  // Points at the field to fix, so the message is read out with it and the cursor goes there.
  const setError = (message: string | null, field: 'file' | 'credit' | null = null) => {
    setProblem(message === null ? null : { field, message });
    if (field) dialog.current?.querySelector<HTMLInputElement>(`#image-${field}`)?.focus();
  };
  const invalid = (field: 'file' | 'credit') =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'image-dialog-error' } : {};

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get('file');
    const credit = String(data.get('credit') ?? '').trim();
    if (!(file instanceof File) || file.size === 0) return setError('Choose an image file.', 'file');
    // Checked here too, so a reporter on a slow line is not made to wait for a refusal.
    if (file.size > MAX_IMAGE_BYTES) {
      return setError(
        `Images can be at most ${formatBytes(MAX_IMAGE_BYTES)} (this one is ${formatBytes(file.size)}).`,
        'file',
      );
    }
    if (!credit) return setError('Every image needs a credit (photographer / agency).', 'credit');
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/media', {
        method: 'POST',
        body: file,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      const result = (await response.json().catch(() => ({}))) as Partial<Uploaded> & { message?: string };
      if (!response.ok || !result.id) {
        setError(result.message ?? 'The upload failed; try again.', response.status === 401 ? null : 'file');
        return;
      }
      editor
        .chain()
        .focus()
        .insertContent({
          type: 'image',
          attrs: {
            mediaId: result.id,
            width: result.width,
            height: result.height,
            credit,
            caption: String(data.get('caption') ?? '').trim(),
            alt: String(data.get('alt') ?? '').trim(),
          },
        })
        .run();
      onClose();
    } catch {
      setError('No connection: the image was not uploaded. Try again when you are back online.');
    } finally {
      setBusy(false);
    }
  }

  return createPortal(
    // React passes events up through a portal to the story form around the editor, which
    // would autosave on every keystroke here and save again on submit: they stop here.
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="image-dialog-title"
      onClose={onClose}
      onChange={(event) => event.stopPropagation()}
      onBlur={(event) => event.stopPropagation()}
    >
      <form
        className="form"
        // Our own messages, one at a time and read out, instead of the browser's bubbles.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          event.stopPropagation();
          void submit(event.currentTarget);
        }}
      >
        <h2 id="image-dialog-title">Insert image</h2>
        <div className="field">
          <label htmlFor="image-file">Image file</label>
          <input
            id="image-file"
            name="file"
            type="file"
            accept={ACCEPTED_IMAGE_TYPES.join(',')}
            required
            {...invalid('file')}
          />
          <p className="field-hint">JPEG, PNG, WebP or GIF, up to {formatBytes(MAX_IMAGE_BYTES)}.</p>
        </div>
        <div className="field">
          <label htmlFor="image-credit">Credit</label>
          <input
            id="image-credit"
            name="credit"
            required
            maxLength={MAX_IMAGE_CREDIT_LENGTH}
            placeholder="e.g. AFP / Jane Doe"
            {...invalid('credit')}
          />
        </div>
        <div className="field">
          <label htmlFor="image-caption">Caption</label>
          <input id="image-caption" name="caption" maxLength={MAX_IMAGE_CAPTION_LENGTH} />
        </div>
        <div className="field">
          <label htmlFor="image-alt">Alt text</label>
          <input id="image-alt" name="alt" maxLength={MAX_IMAGE_ALT_LENGTH} />
          <p className="field-hint">What the picture shows, for readers who cannot see it.</p>
        </div>
        {error && (
          <p role="alert" className="form-error" id="image-dialog-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Uploading…' : 'Insert image'}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
