// What the editor page and the story API routes say to each other. Types only (and the
// status strings), shared by the browser and the server.
import type { StoryBody } from './story-body';

/** The form's content, as the editor sends it with every save. */
export type StoryDraft = {
  headline: string;
  standfirst: string;
  slug: string;
  dateline: string;
  sectionId: number | null;
  authorIds: number[];
  body: StoryBody;
};

/** The working copy someone else saved, shown beside one's own in a conflict. */
export type TheirCopy = Omit<StoryDraft, 'sectionId'> & {
  sectionId: number;
  version: number;
  updatedByName: string;
  updatedAt: string;
};

export type SaveResponse =
  | { status: 'saved'; version: number; changed: boolean; savedAt: string }
  | { status: 'conflict'; message: string; keptRevisionId: number | null; theirs: TheirCopy }
  | { status: 'locked'; message: string; holderName: string; keptRevisionId: number | null; byYou: boolean }
  | { status: 'invalid'; message: string; fieldErrors: Record<string, string[]> }
  | { status: 'forbidden'; message: string }
  | { status: 'gone'; message: string };

export type LockResponse =
  | { status: 'mine'; keptRevisions: { id: number; authorName: string; createdAt: string }[] }
  | { status: 'held'; holder: { id: number; name: string }; since: string; takenFromYou: boolean; byYou: boolean }
  | { status: 'free' }
  | { status: 'forbidden'; message: string };

/**
 * The header naming the editing session (one open editor page) a lock, save or keep
 * request comes from: the edit lock belongs to a session, not to a user.
 */
export const EDIT_SESSION_HEADER = 'x-edit-session';

/** The autosave status line, word for word (DESIGN: the desk's interface). */
export const AUTOSAVE_STATUS = {
  saving: 'Saving…',
  offline: 'Offline — changes kept locally',
  conflict: 'Conflict',
} as const;
