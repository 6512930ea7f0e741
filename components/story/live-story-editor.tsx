'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SAVE_NOW } from '@/lib/collab/collab-protocol';
import { AUTOSAVE_STATUS } from '@/lib/stories/autosave-protocol';
import type { StoryBody } from '@/lib/stories/story-body-model';
import { BodyField } from './body-field';
import type { Person } from './bylines-field';
import { clockTime } from './clock-time';
import { PresenceBanner } from './presence-banner';
import { StoryFields, type FieldValues } from './story-fields';
import { useFieldErrors } from './use-field-errors';
import { useKeepRefusedText } from './use-keep-refused';
import { useLeaveGuard } from './use-leave-guard';
import { useLiveDocument, type LiveUser } from './use-live-document';
import { useLiveFields } from './use-live-fields';
import { useSaveStatus, type SaveStatus } from './use-save-status';

// Caret and presence colours: distinct, dark enough for white label text (WCAG AA).
const COLOURS = ['#b3261e', '#1b6e3a', '#0b57d0', '#8e24aa', '#a15c00', '#00695c', '#ad1457', '#455a64'];

/** How this user appears on colleagues' pages: name, and a colour that stays theirs. */
export function liveUserFor(id: number, name: string): LiveUser {
  return { id, name, color: COLOURS[id % COLOURS.length]! };
}

function statusText(status: SaveStatus, timeZone: string | undefined): string {
  switch (status.kind) {
    case 'saving':
      return AUTOSAVE_STATUS.saving;
    case 'saved':
      return `Saved ${clockTime(status.at, timeZone)}`;
    case 'offline':
      return AUTOSAVE_STATUS.offline;
    case 'error':
      return 'Not saved';
    case 'idle':
      return '';
  }
}

export type LiveStoryEditorProps = {
  storyId: number;
  version: number;
  userId: number;
  userName: string;
  initial: FieldValues & { body: StoryBody };
  sections: { id: number; name: string }[];
  staff: Person[];
  /** This user may edit the story in its state (the socket decides it again, and has the last word). */
  canEdit: boolean;
  /** The story's workflow state as the page was rendered with it. */
  state: string;
  /** The live document's generation (lib/collab): names this browser's copy of it. */
  generation: string;
  /** Whether this server passes live-editing sockets on (not under `next dev`). */
  served: boolean;
  /** The newsroom's zone, for "Saved 14:05" (as every other time on the page); the browser's if absent. */
  timeZone?: string;
};

/**
 * An existing story, edited live with whoever else has it open (Yjs through the
 * collaboration server; docs/decisions/013-real-time-co-editing.md). Nothing to save by
 * hand: the server folds the document into the working copy a moment after typing stops,
 * and the status line says when it has everything this browser typed.
 */
export function LiveStoryEditor(props: LiveStoryEditorProps) {
  const { storyId, version, userId, userName, initial, sections, staff, canEdit, generation, served, timeZone, state } =
    props;
  const router = useRouter();
  const user = useMemo(() => liveUserFor(userId, userName), [userId, userName]);
  const live = useLiveDocument({ storyId, userId, generation, user, enabled: served });
  const { session } = live;
  const status = useSaveStatus(live);
  const fields = useLiveFields(live.ready ? (session?.doc ?? null) : null, initial, staff);
  const keptNotice = useKeepRefusedText(live, storyId, version);
  useLeaveGuard(session?.provider ?? null);
  const editable = live.ready && live.access === 'edit' && live.connection !== 'refused';
  const errorFor = useFieldErrors(status.kind === 'error' ? status.fieldErrors : {});

  // Colleagues see whether this page may type (presence: "… is editing" or "… is reading").
  useEffect(() => {
    session?.provider.setAwarenessField('editing', live.access === 'edit');
  }, [session, live.access]);

  // A new version or a workflow move changes what the page around the editor shows (the
  // workflow buttons, the revisions, the timeline): it is rendered again — unless this page
  // made the move, whose own answer re-renders it (a moment's grace for that answer).
  const { storyChange, saveWord } = live;
  const shown = useRef({ state, version });
  useEffect(() => {
    shown.current = { state, version };
  }, [state, version]);
  useEffect(() => {
    if (!storyChange) return;
    const timer = window.setTimeout(() => {
      if (shown.current.state !== storyChange.state || shown.current.version !== storyChange.version) router.refresh();
    }, 500);
    return () => window.clearTimeout(timer);
  }, [storyChange, router]);
  useEffect(() => {
    if (saveWord?.kind !== 'saved' || !saveWord.changed) return;
    const timer = window.setTimeout(() => {
      if (shown.current.version !== saveWord.version) router.refresh();
    }, 300);
    return () => window.clearTimeout(timer);
  }, [saveWord, router]);

  // Save and Ctrl/Cmd+S fold at once instead of after the pause, and say which version it made.
  const [explicit, setExplicit] = useState<string | null>(null);
  const askedAt = useRef<unknown>(undefined);
  const saveNow = () => {
    if (!session || !editable) return;
    askedAt.current = saveWord;
    setExplicit(null);
    session.provider.sendStateless(SAVE_NOW);
  };
  const saveNowRef = useRef(saveNow);
  useEffect(() => {
    saveNowRef.current = saveNow;
  });
  useEffect(() => {
    if (askedAt.current === undefined || saveWord === askedAt.current) return;
    askedAt.current = undefined;
    // The server's answer to Save came in (a message from outside React).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saveWord?.kind === 'saved') setExplicit(`Saved (version ${saveWord.version}).`);
  }, [saveWord]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveNowRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <PresenceBanner live={live} userId={userId} served={served} notice={keptNotice} />
      <form
        className="story-form"
        aria-label="Story"
        onSubmit={(event) => {
          event.preventDefault();
          saveNow();
        }}
        onInput={() => setExplicit(null)}
      >
        <StoryFields
          text={fields.text}
          lengths={fields.lengths}
          sectionId={fields.sectionId}
          onSection={fields.setSection}
          authors={fields.authors}
          onAuthors={fields.setAuthors}
          sections={sections}
          staff={staff}
          disabled={!editable}
          isNew={false}
          errorFor={errorFor}
        />
        <BodyField
          initialBody={initial.body}
          live={live.ready && session ? { session, user } : undefined}
          editable={editable}
          errors={errorFor('body')}
        />
        {status.kind === 'error' && (
          <p role="alert" className="form-error">
            {status.message}
          </p>
        )}
        {explicit && (
          <p role="status" className="form-success">
            {explicit}
          </p>
        )}
        <div className="story-form__actions">
          {canEdit && (
            <button type="submit" className="button button--primary" disabled={!editable}>
              Save
            </button>
          )}
          <p className="autosave-status" role="status" data-state={status.kind}>
            <span className="visually-hidden">Autosave: </span>
            {statusText(status, timeZone)}
          </p>
        </div>
      </form>
    </>
  );
}
