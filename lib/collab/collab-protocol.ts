// What the collaboration server tells editor pages besides the document itself (Hocuspocus
// "stateless" messages), and the socket's address. Types and constants only: shared by the
// browser and the server. docs/decisions/013-real-time-co-editing.md

/** The one path the production server hands to the collaboration server (WebSocket upgrade). */
export const COLLAB_PATH = '/collab';

/** What one connection may do with a document; decided on the server, per story, with can(). */
export type CollabAccess = 'edit' | 'read';

export type CollabMessage =
  /**
   * The live document was folded into the working copy: `stateVector` (base64) is what the
   * saved state contains, so a page knows whether its own typing is in it.
   */
  | { kind: 'saved'; version: number; savedAt: string; changed: boolean; stateVector: string }
  /** The document holds something the working copy refuses (an empty headline, a taken slug…). */
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string[]>; stateVector: string }
  /** This connection's rights changed (a workflow move, a new role): the server already applies them. */
  | { kind: 'access'; access: CollabAccess; message: string }
  /** The story moved through the workflow (or its version changed for another reason): refresh the page. */
  | { kind: 'story'; state: string; version: number };

/** What a page sends (a stateless message) to have its document folded at once: Save, Ctrl/Cmd+S. */
export const SAVE_NOW = 'save';

/** Close codes the server uses, so the page can say why (4000–4999 are the application's). */
export const COLLAB_CLOSE = {
  /** The account was deactivated or signed out, or may no longer see the story. */
  forbidden: { code: 4403, reason: 'forbidden' },
  /** The server is stopping; another instance (or this one, restarted) takes the page back. */
  restarting: { code: 4503, reason: 'restarting' },
} as const;
