'use client';

import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { replaceText } from '@/lib/collab/story-document-model';

type Field = HTMLInputElement | HTMLTextAreaElement;
type Delta = { insert?: unknown; retain?: number; delete?: number }[];

/** Where a caret at `position` is after a colleague's change (`delta`) to the text before or around it. */
export function moveThrough(delta: Delta, position: number): number {
  // Positions in `delta` count the text as it is after the ops before them.
  let index = 0;
  let moved = position;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert === 'string') {
      // Typed right at the caret: the caret stays before it (it is someone else's text).
      if (index < moved) moved += op.insert.length;
      index += op.insert.length;
    } else if (op.delete !== undefined) {
      if (index < moved) moved = Math.max(index, moved - op.delete);
    }
    if (index > moved) break;
  }
  return moved;
}

/**
 * Binds a form field to one of the live document's texts: what is typed goes into the
 * text by the smallest change; what colleagues type arrives in the field without moving
 * this user's caret. The field is uncontrolled (React would put the caret at the end).
 */
export function useLiveText(text: Y.Text | null): {
  value: string;
  ref: (element: Field | null) => void;
  onChange: (event: ChangeEvent<Field>) => void;
} {
  const [value, setValue] = useState(() => text?.toString() ?? '');
  const element = useRef<Field | null>(null);

  useEffect(() => {
    if (!text) return;
    const show = (delta: Delta | null) => {
      const next = text.toString();
      setValue(next);
      const field = element.current;
      if (!field || field.value === next) return;
      const focused = document.activeElement === field;
      const start = field.selectionStart ?? 0;
      const end = field.selectionEnd ?? 0;
      field.value = next;
      if (focused && delta) field.setSelectionRange(moveThrough(delta, start), moveThrough(delta, end));
    };
    show(null);
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      // This field's own typing is already in it.
      if (transaction.local && transaction.origin === element) return;
      show(event.delta as Delta);
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  const ref = useCallback(
    (field: Field | null) => {
      element.current = field;
      if (field && text && field.value !== text.toString()) field.value = text.toString();
    },
    [text],
  );
  const onChange = useCallback(
    (event: ChangeEvent<Field>) => {
      if (!text) return;
      const next = event.target.value;
      text.doc?.transact(() => replaceText(text, next), element);
      setValue(next);
    },
    [text],
  );
  return { value, ref, onChange };
}
