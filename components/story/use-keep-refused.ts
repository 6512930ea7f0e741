'use client';

import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useEffect, useState } from 'react';
import { BODY_FIELD, readStoryFields } from '@/lib/collab/story-document-model';
import type { LiveDocument } from './use-live-document';

const KEPT_NOTICE_KEY = 'wiredesk:kept-notice';
// The server answers a refused change with "not applied" straight away; a moment's grace
// lets an update that was merely on its way be acknowledged first.
const GRACE_MS = 1000;

/**
 * Text the server refused — typed in the instant before this page learned it may no longer
 * edit (the story was submitted, say) — is not lost: it is sent to be kept as a revision
 * (POST …/keep, as when an edit lock was taken over), this browser's copy is dropped, and
 * the page reloads with the story as everyone else has it, saying so.
 */
export function useKeepRefusedText(live: LiveDocument, storyId: number, version: number): string | null {
  const [notice, setNotice] = useState<string | null>(null);

  // A notice left by the reload below.
  useEffect(() => {
    const kept = sessionStorage.getItem(KEPT_NOTICE_KEY);
    if (!kept) return;
    sessionStorage.removeItem(KEPT_NOTICE_KEY);
    // sessionStorage exists only in the browser, so the notice comes after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNotice(kept);
  }, []);

  const { session, access } = live;
  useEffect(() => {
    if (!session || access !== 'read') return;
    const timer = window.setTimeout(() => {
      if (!session.provider.hasUnsyncedChanges) return;
      const fields = readStoryFields(session.doc);
      const draft = {
        ...fields,
        body: yXmlFragmentToProsemirrorJSON(session.doc.getXmlFragment(BODY_FIELD)),
        baseVersion: version,
      };
      void fetch(`/api/stories/${storyId}/keep`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(draft),
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          sessionStorage.setItem(
            KEPT_NOTICE_KEY,
            'What you typed after the story moved on was kept as a revision (see Revisions).',
          );
          await session.local.clearData();
          window.location.reload();
        })
        .catch(() => {
          setNotice('What you typed after the story moved on is kept in this browser until it can be sent.');
        });
    }, GRACE_MS);
    return () => window.clearTimeout(timer);
  }, [session, access, storyId, version]);

  return notice;
}
