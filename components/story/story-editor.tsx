'use client';

import type { Editor } from '@tiptap/core';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createStoryAction } from '@/app/desk/stories/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';
import { AUTOSAVE_STATUS, type SaveResponse, type StoryDraft, type TheirCopy } from '@/lib/stories/autosave-protocol';
import type { StoryBody } from '@/lib/stories/story-body-model';
import { BodyEditor } from './body-editor';
import type { Person } from './bylines-field';
import { clearLocalDraft, draftKey, readLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft';
import { StoryFields, type FieldValues } from './story-fields';
import { editSessionHeaders } from './edit-session';
import { useEditLock, type InitialLock } from './use-edit-lock';

// Shown only on a conflict: loaded then, so the word diff stays out of the editor's first load.
const ConflictPanel = dynamic(() => import('./conflict-panel').then((m) => m.ConflictPanel), { ssr: false });
const TheirVersion = dynamic(() => import('./conflict-panel').then((m) => m.TheirVersion), { ssr: false });

/** Saves this long after the last keystroke (and at once on blur, Ctrl/Cmd+S and Save). */
export const AUTOSAVE_DELAY_MS = 2000;
const RETRY_MS = 5000;

type Initial = FieldValues & { body: StoryBody };

type Props = {
  /** Absent for a new story. */
  storyId?: number;
  version?: number;
  userId: number;
  initial: Initial;
  sections: { id: number; name: string }[];
  staff: Person[];
  canEdit: boolean;
  canTakeOver?: boolean;
  lock?: InitialLock;
  /** The newsroom's zone, for "Saved 14:05" (as every other time on the page); the browser's if absent. */
  timeZone?: string;
  /** The story's workflow state: a move from this page hands the story on (see below). */
  workflowState?: string;
};

/** `Saved 14:05`: the autosave status's time, on the newsroom's clock like the rest of the desk. */
function savedAt(at: Date, timeZone: string | undefined): string {
  return `Saved ${clockTime(at, timeZone)}`;
}

function clockTime(at: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    at,
  );
}

/** Headline, standfirst, slug, section, bylines and body; existing stories save themselves. */
export function StoryEditor(props: Props) {
  return props.storyId === undefined ? (
    <NewStoryForm {...props} />
  ) : (
    <LiveStoryEditor
      {...props}
      storyId={props.storyId}
      version={props.version ?? 1}
      lock={props.lock ?? { status: 'free' }}
    />
  );
}

function readDraft(form: HTMLFormElement | null, body: StoryBody): StoryDraft | null {
  if (!form) return null;
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const section = Number(text('sectionId'));
  return {
    headline: text('headline'),
    standfirst: text('standfirst'),
    slug: text('slug'),
    dateline: text('dateline'),
    sectionId: Number.isInteger(section) && section > 0 ? section : null,
    authorIds: data.getAll('authorIds').map(Number),
    body,
  };
}

function useErrors(fieldErrors: Record<string, string[]>) {
  return (name: string) =>
    Object.entries(fieldErrors)
      .filter(([key]) => key === name || key.startsWith(`${name}.`))
      .flatMap(([, messages]) => messages);
}

/** A new story: saved once with Save (it has no address before that); kept locally meanwhile. */
function NewStoryForm({ initial, sections, staff, userId, timeZone }: Props) {
  const [result, formAction, pending] = useActionState<ActionResult, FormData>(createStoryAction, IDLE);
  const [values, setValues] = useState<Initial>(initial);
  const [formKey, setFormKey] = useState(0);
  const [headline, setHeadline] = useState(initial.headline);
  const [standfirst, setStandfirst] = useState(initial.standfirst);
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const body = useRef<StoryBody>(initial.body);
  const editorRef = useRef<Editor | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const errorFor = useErrors(result.status === 'error' ? (result.fieldErrors ?? {}) : {});

  // localStorage exists only in the browser, so the offer comes after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOffer(readLocalDraft(userId, 'new')), [userId]);
  const keep = () => {
    const draft = readDraft(form.current, body.current);
    if (
      draft &&
      (draft.headline.trim() ||
        draft.standfirst.trim() ||
        draft.body.content.some((b) => b.type !== 'paragraph' || b.content))
    )
      writeLocalDraft(userId, 'new', { draft, baseVersion: null, keptAt: new Date().toISOString() });
  };

  return (
    <form
      ref={form}
      action={(data) => {
        // The story page takes over from here; its own autosave keeps it from now on.
        clearLocalDraft(userId, 'new');
        formAction(data);
      }}
      onChange={keep}
      className="story-form"
      aria-label="New story"
      key={formKey}
    >
      {offer && (
        <LocalCopyOffer
          keptAt={offer.keptAt}
          timeZone={timeZone}
          onRestore={() => {
            const { draft } = offer;
            const authors = draft.authorIds.map((id) => staff.find((p) => p.id === id)).filter(Boolean) as Person[];
            setValues({ ...draft, authors: authors.length > 0 ? authors : initial.authors });
            setHeadline(draft.headline);
            setStandfirst(draft.standfirst);
            body.current = draft.body;
            editorRef.current?.commands.setContent(draft.body);
            setFormKey((k) => k + 1);
            setOffer(null);
          }}
          onDiscard={() => {
            clearLocalDraft(userId, 'new');
            setOffer(null);
          }}
        />
      )}
      {/* Kept up to date by the editor's onChange below (a state per keystroke would re-render the form). */}
      <input type="hidden" name="body" defaultValue={JSON.stringify(values.body)} />
      <StoryFields
        values={values}
        headline={headline}
        standfirst={standfirst}
        onHeadline={setHeadline}
        onStandfirst={setStandfirst}
        onBylines={keep}
        sections={sections}
        staff={staff}
        disabled={false}
        isNew
        errorFor={errorFor}
      />
      <BodyField
        body={values.body}
        editable
        editorRef={editorRef}
        errors={errorFor('body')}
        onChange={(next) => {
          body.current = next;
          // The hidden field is read when the form is sent.
          form.current
            ?.querySelector<HTMLInputElement>('input[name="body"]')
            ?.setAttribute('value', JSON.stringify(next));
          keep();
        }}
      />
      <ActionMessage result={result} />
      <div className="story-form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function BodyField({
  body,
  editable,
  editorRef,
  errors,
  onChange,
  onBlur,
}: {
  body: StoryBody;
  editable: boolean;
  editorRef: React.MutableRefObject<Editor | null>;
  errors: string[];
  onChange: (body: StoryBody) => void;
  onBlur?: () => void;
}) {
  return (
    <div className="field">
      <span className="field-label" id="story-body-label">
        Body
      </span>
      <BodyEditor
        initialBody={body}
        editable={editable}
        onChange={onChange}
        onBlur={onBlur}
        editorRef={editorRef}
        describedBy={errors.length > 0 ? 'story-body-error' : undefined}
      />
      <FieldError id="story-body-error" messages={errors} />
    </div>
  );
}

function LocalCopyOffer({
  keptAt,
  basedOn,
  timeZone,
  onRestore,
  onDiscard,
}: {
  keptAt: string;
  basedOn?: string;
  timeZone?: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <section className="local-copy" role="alert" aria-label="Unsaved changes">
      <p>
        Unsaved changes from {clockTime(new Date(keptAt), timeZone)} were kept in this browser
        {basedOn ? ` (${basedOn})` : ''}.
      </p>
      <div className="local-copy__actions">
        <button type="button" className="button button--primary" onClick={onRestore}>
          Restore them
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </section>
  );
}

type Status =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

type Conflict = { mine: StoryDraft; theirs: TheirCopy };
type SaveReason = 'auto' | 'blur' | 'explicit' | 'retry' | 'leave';

function statusText(status: Status, timeZone: string | undefined): string {
  switch (status.kind) {
    case 'saving':
      return AUTOSAVE_STATUS.saving;
    case 'saved':
      return savedAt(status.at, timeZone);
    case 'offline':
      return AUTOSAVE_STATUS.offline;
    case 'conflict':
      return AUTOSAVE_STATUS.conflict;
    case 'dirty':
      return 'Unsaved changes';
    case 'error':
      return 'Not saved';
    case 'idle':
      return '';
  }
}

function LiveStoryEditor({
  storyId,
  version,
  userId,
  initial,
  sections,
  staff,
  canEdit,
  canTakeOver,
  lock: initialLock,
  timeZone,
  workflowState,
}: Props & { storyId: number; version: number; lock: InitialLock }) {
  const router = useRouter();
  const [values, setValues] = useState<Initial>(initial);
  const [formKey, setFormKey] = useState(0);
  const [headline, setHeadline] = useState(initial.headline);
  const [standfirst, setStandfirst] = useState(initial.standfirst);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [explicit, setExplicit] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [merging, setMerging] = useState<Conflict | null>(null);
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const [takeOverError, setTakeOverError] = useState<string | null>(null);

  const form = useRef<HTMLFormElement>(null);
  const body = useRef<StoryBody>(initial.body);
  const editorRef = useRef<Editor | null>(null);
  const baseVersion = useRef(version);
  const savedKey = useRef<string | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const blocked = useRef(false);
  // The server itself kept the text a refused save carried (someone else holds the lock):
  // the page must not send it a second time.
  const keptByServer = useRef<string | null>(null);
  const lastSavedAt = useRef<Date | null>(null);

  const current = useCallback(() => readDraft(form.current, body.current), []);
  const keepLocally = useCallback(() => {
    const draft = current();
    if (draft)
      writeLocalDraft(userId, storyId, { draft, baseVersion: baseVersion.current, keptAt: new Date().toISOString() });
  }, [current, userId, storyId]);
  const hasUnsaved = useCallback(() => {
    const draft = current();
    return (
      inFlight.current !== null || (draft !== null && savedKey.current !== null && draftKey(draft) !== savedKey.current)
    );
  }, [current]);

  const lock = useEditLock({
    storyId,
    canEdit,
    initial: initialLock,
    onLost: (holder) => {
      blocked.current = true;
      window.clearTimeout(timer.current);
      const who = describeHolder(holder, 'now');
      void (async () => {
        // A save on its way may be refused and kept by the server: wait for its answer first.
        if (inFlight.current) await inFlight.current.catch(() => false);
        const draft = current();
        const keptAlready = draft !== null && keptByServer.current === draftKey(draft);
        if (!hasUnsaved() || keptAlready) {
          setNotice(keptAlready ? `${who} Your unsaved text was kept as a revision.` : who);
          return;
        }
        try {
          const response = await fetch(`/api/stories/${storyId}/keep`, {
            method: 'POST',
            headers: editSessionHeaders({ 'Content-Type': 'application/json' }),
            body: JSON.stringify({ ...draft, baseVersion: baseVersion.current }),
          });
          if (!response.ok) throw new Error(String(response.status));
          clearLocalDraft(userId, storyId);
          savedKey.current = draftKey(draft!);
          setNotice(`${who} Your unsaved text was kept as a revision.`);
          router.refresh();
        } catch {
          setNotice(`${who} Your unsaved text is kept in this browser until it can be sent.`);
        }
      })();
    },
  });
  const editing = lock.state.mode === 'editing' && canEdit;
  const editable = editing && !conflict && !offer;
  const { claim: claimLock, release: releaseLock } = lock;

  // The first save's baseline: what the page was rendered with.
  useEffect(() => {
    const draft = current();
    if (draft && savedKey.current === null) savedKey.current = draftKey(draft);
    const kept = readLocalDraft(userId, storyId);
    if (kept && draft) {
      if (draftKey(kept.draft) === draftKey(draft)) clearLocalDraft(userId, storyId);
      // localStorage exists only in the browser, so the offer comes after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      else setOffer(kept);
    }
    // Only on opening the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Timers and window listeners call the latest save through this.
  const saveRef = useRef<(reason: SaveReason) => Promise<boolean>>(() => Promise.resolve(false));
  const save = useCallback(
    async (reason: SaveReason): Promise<boolean> => {
      window.clearTimeout(timer.current);
      if (blocked.current || !editing) return false;
      if (inFlight.current) {
        await inFlight.current;
        return saveRef.current(reason);
      }
      const draft = current();
      if (!draft) return false;
      const key = draftKey(draft);
      if (key === savedKey.current) {
        if (reason === 'explicit') setExplicit(`Saved (version ${baseVersion.current}).`);
        clearLocalDraft(userId, storyId);
        // Typed and undone before the save: nothing is unsaved any more.
        setStatus((s) =>
          s.kind === 'dirty' || s.kind === 'offline'
            ? lastSavedAt.current
              ? { kind: 'saved', at: lastSavedAt.current }
              : { kind: 'idle' }
            : s,
        );
        return true;
      }
      setStatus({ kind: 'saving' });
      const payload = JSON.stringify({ ...draft, baseVersion: baseVersion.current });
      const attempt = (async (): Promise<boolean> => {
        let response: Response;
        try {
          response = await fetch(`/api/stories/${storyId}/save`, {
            method: 'POST',
            headers: editSessionHeaders({ 'Content-Type': 'application/json' }),
            body: payload,
            // A page being closed still gets its last save out (the browser caps keepalive at 64 KB).
            keepalive: reason === 'leave' && payload.length < 60_000,
          });
        } catch {
          setStatus({ kind: 'offline' });
          timer.current = window.setTimeout(() => void saveRef.current('retry'), RETRY_MS);
          return false;
        }
        const result = (await response.json().catch(() => null)) as SaveResponse | null;
        if (response.status === 401) {
          setStatus({
            kind: 'error',
            message: 'You are signed out: your changes are kept in this browser. Sign in again in another tab.',
          });
          return false;
        }
        if (!result) {
          setStatus({ kind: 'offline' });
          timer.current = window.setTimeout(() => void saveRef.current('retry'), RETRY_MS);
          return false;
        }
        switch (result.status) {
          case 'saved': {
            baseVersion.current = result.version;
            savedKey.current = key;
            setFieldErrors({});
            const now = current();
            lastSavedAt.current = new Date();
            if (now && draftKey(now) === key) {
              clearLocalDraft(userId, storyId);
              setStatus({ kind: 'saved', at: lastSavedAt.current });
            } else {
              setStatus({ kind: 'dirty' });
              timer.current = window.setTimeout(() => void saveRef.current('auto'), AUTOSAVE_DELAY_MS);
            }
            if (reason === 'explicit') setExplicit(`Saved (version ${result.version}).`);
            // The workflow buttons and the history beside the form follow the new version.
            if (result.changed) router.refresh();
            return true;
          }
          case 'conflict':
            blocked.current = true;
            setConflict({ mine: draft, theirs: result.theirs });
            setStatus({ kind: 'conflict' });
            router.refresh();
            return false;
          case 'locked':
            // The refused text is already a revision on the server.
            clearLocalDraft(userId, storyId);
            keptByServer.current = key;
            savedKey.current = key;
            setStatus({ kind: 'idle' });
            lock.lose({ holderName: result.holderName, takenFromYou: false, byYou: result.byYou });
            return false;
          case 'invalid':
            setFieldErrors(result.fieldErrors);
            setStatus({ kind: 'error', message: result.message });
            return false;
          case 'forbidden':
          case 'gone':
            blocked.current = true;
            setStatus({ kind: 'error', message: result.message });
            if (result.status === 'forbidden') {
              // The right to edit went (the story moved on): keep the text where everyone can find it.
              await fetch(`/api/stories/${storyId}/keep`, {
                method: 'POST',
                headers: editSessionHeaders({ 'Content-Type': 'application/json' }),
                body: payload,
              })
                .then((r) => {
                  if (r.ok) {
                    clearLocalDraft(userId, storyId);
                    setNotice(`${result.message} Your unsaved text was kept as a revision.`);
                  }
                })
                .catch(() => {});
            }
            return false;
        }
      })();
      inFlight.current = attempt;
      try {
        return await attempt;
      } finally {
        inFlight.current = null;
      }
    },
    [current, editing, lock, router, storyId, userId],
  );
  useLayoutEffect(() => {
    saveRef.current = save;
  }, [save]);

  // A workflow move made here (sent back for changes, approved…) hands the story on: the
  // lock is let go, so its reporter can open it and edit, and taken again if this page
  // starts editing once more. Unsaved text is saved first.
  const shownState = useRef(workflowState);
  useEffect(() => {
    if (shownState.current === workflowState) return;
    shownState.current = workflowState;
    if (!hasUnsaved()) releaseLock();
    else
      void saveRef.current('auto').then((saved) => {
        if (saved && !hasUnsaved()) releaseLock();
      });
  }, [workflowState, hasUnsaved, releaseLock]);

  const changed = useCallback(() => {
    if (blocked.current) return;
    claimLock();
    setExplicit(null);
    setStatus((s) => (s.kind === 'offline' ? s : { kind: 'dirty' }));
    keepLocally();
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveRef.current('auto'), AUTOSAVE_DELAY_MS);
  }, [keepLocally, claimLock]);

  // Ctrl/Cmd+S saves now; coming back online retries; leaving with unsaved text asks first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current('explicit');
      }
    };
    const onOnline = () => void saveRef.current('retry');
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      void saveRef.current('leave');
      event.preventDefault();
      event.returnValue = '';
    };
    // Links inside the app do not unload the page: save first, and ask if that fails.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      if (link.getAttribute('target') === '_blank' || !hasUnsaved()) return;
      const href = link.getAttribute('href')!;
      if (!href.startsWith('/')) return;
      event.preventDefault();
      void saveRef.current('explicit').then((ok) => {
        if (
          ok ||
          window.confirm('Your latest changes are not saved yet (they are kept in this browser). Leave anyway?')
        )
          router.push(href);
      });
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('online', onOnline);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [hasUnsaved, router]);

  function replaceContent(draft: StoryDraft) {
    const authors = draft.authorIds.map(
      (id) => staff.find((p) => p.id === id) ?? values.authors.find((a) => a.id === id),
    );
    setValues({ ...draft, authors: authors.filter((a): a is Person => a !== undefined) });
    setHeadline(draft.headline);
    setStandfirst(draft.standfirst);
    body.current = draft.body;
    editorRef.current?.commands.setContent(draft.body, { emitUpdate: false });
    setFormKey((k) => k + 1);
  }

  const errorFor = useErrors(fieldErrors);
  const readOnlyBanner = lockBanner(lock.state, notice);

  return (
    <>
      {readOnlyBanner && (
        <section className="lock-banner" aria-label="Editing">
          <p role="status">{readOnlyBanner}</p>
          {lock.state.mode === 'readonly' && canEdit && lock.state.byYou && (
            <button type="button" className="button" onClick={() => void lock.takeOver().then(setTakeOverError)}>
              Edit here
            </button>
          )}
          {lock.state.mode === 'readonly' && canTakeOver && !lock.state.byYou && !lock.state.takenFromYou && (
            <button type="button" className="button" onClick={() => void lock.takeOver().then(setTakeOverError)}>
              Take over
            </button>
          )}
          {lock.state.mode === 'freed' && canEdit && (
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Edit now
            </button>
          )}
          {takeOverError && (
            <p role="alert" className="form-error">
              {takeOverError}
            </p>
          )}
        </section>
      )}
      {lock.keptNotice && editing && (
        <p className="lock-banner" role="status">
          {lock.keptNotice}
        </p>
      )}
      {offer && editing && (
        <LocalCopyOffer
          keptAt={offer.keptAt}
          timeZone={timeZone}
          basedOn={
            offer.baseVersion !== null && offer.baseVersion < version
              ? `made on version ${offer.baseVersion}; the story has been saved since`
              : undefined
          }
          onRestore={() => {
            replaceContent(offer.draft);
            baseVersion.current = offer.baseVersion ?? version;
            setOffer(null);
            // Saved at once: an older base turns into a conflict, shown side by side.
            window.setTimeout(() => void saveRef.current('explicit'), 0);
          }}
          onDiscard={() => {
            clearLocalDraft(userId, storyId);
            setOffer(null);
          }}
        />
      )}
      {conflict && (
        <ConflictPanel
          mine={conflict.mine}
          theirs={conflict.theirs}
          timeZone={timeZone}
          onKeepMine={() => {
            baseVersion.current = conflict.theirs.version;
            blocked.current = false;
            setConflict(null);
            window.setTimeout(() => void saveRef.current('explicit'), 0);
          }}
          onTakeTheirs={() => {
            const theirs = conflict.theirs;
            replaceContent(draftOf(theirs));
            baseVersion.current = theirs.version;
            // Only the story's own fields: version, name and time are not part of the text.
            savedKey.current = draftKey(draftOf(theirs));
            lastSavedAt.current = new Date(theirs.updatedAt);
            blocked.current = false;
            clearLocalDraft(userId, storyId);
            setConflict(null);
            setStatus({ kind: 'saved', at: new Date(theirs.updatedAt) });
            setNotice(
              `You are now working on ${theirs.updatedByName}’s version ${theirs.version}. Yours is kept in the revisions.`,
            );
          }}
          onMerge={() => {
            baseVersion.current = conflict.theirs.version;
            // Nothing is saved until you change something: until then the story stays theirs.
            savedKey.current = draftKey(conflict.mine);
            blocked.current = false;
            setMerging(conflict);
            setConflict(null);
            setStatus({ kind: 'idle' });
          }}
        />
      )}
      {merging && <TheirVersion conflict={merging} onDone={() => setMerging(null)} />}
      <form
        ref={form}
        key={formKey}
        className="story-form"
        aria-label="Story"
        onChange={changed}
        // Starting to work in the form takes the lock back if a workflow move let it go.
        onFocus={() => {
          if (editable) claimLock();
        }}
        onBlur={(event) => {
          const next = event.relatedTarget as Node | null;
          if (!next || !event.currentTarget.contains(next)) {
            if (!event.currentTarget.querySelector('.body-editor')?.contains(event.target as Node)) void save('blur');
          }
        }}
        onSubmit={(event) => {
          event.preventDefault();
          void save('explicit');
        }}
      >
        <StoryFields
          values={values}
          headline={headline}
          standfirst={standfirst}
          onHeadline={setHeadline}
          onStandfirst={setStandfirst}
          onBylines={changed}
          sections={sections}
          staff={staff}
          disabled={!editable}
          isNew={false}
          errorFor={errorFor}
        />
        <BodyField
          body={values.body}
          editable={editable}
          editorRef={editorRef}
          errors={errorFor('body')}
          onChange={(next) => {
            body.current = next;
            changed();
          }}
          onBlur={() => void save('blur')}
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
          {editing && (
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

function draftOf(copy: TheirCopy): StoryDraft {
  return {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    dateline: copy.dateline,
    sectionId: copy.sectionId,
    authorIds: copy.authorIds,
    body: copy.body,
  };
}

/** Who has the story, in the words the lock banner uses (the same writer's other tab included). */
function describeHolder(
  holder: { holderName: string; takenFromYou: boolean; byYou: boolean },
  when: 'now' | 'still',
): string {
  if (holder.byYou) {
    return holder.takenFromYou
      ? 'You took this story over in another tab or window.'
      : 'You are editing this story in another tab or window.';
  }
  if (holder.takenFromYou) return `${holder.holderName} took over this story.`;
  return when === 'now' ? `${holder.holderName} is editing this story now.` : `${holder.holderName} is editing`;
}

function lockBanner(state: ReturnType<typeof useEditLock>['state'], notice: string | null): string | null {
  // The holder has gone since: what was said about them no longer holds.
  if (state.mode === 'freed') {
    return state.byYou ? 'Your other tab has let go of this story.' : `${state.holderName} has stopped editing.`;
  }
  if (notice) return notice;
  switch (state.mode) {
    case 'readonly':
      return describeHolder(state, 'still');
    case 'viewing':
      return state.holderName ? `${state.holderName} is editing` : null;
    case 'editing':
      return null;
  }
}
