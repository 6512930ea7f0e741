import type { Role } from './roles';
import { ForbiddenError } from './errors';
import type { StoryState, WorkflowAction } from './workflow';

/** What a signed-in staff member is, as far as authorization cares. */
export type Actor = { id: number; role: Role };

export const PERMISSIONS = [
  'desk:view',
  'story:create',
  'story:comment',
  'story:edit:own',
  'story:edit:any',
  'story:submit:own',
  'story:submit:any',
  'story:withdraw:own',
  'story:withdraw:any',
  'story:spike:own',
  'story:spike:any',
  'story:restore:own',
  'story:restore:any',
  'story:review',
  'story:publish',
  'story:take_over',
  'front:arrange',
  'media:upload',
  'wire:ingest',
  'users:manage',
  'sections:manage',
  'tokens:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const REPORTER: readonly Permission[] = [
  'desk:view',
  'story:create',
  'story:comment',
  'story:edit:own',
  'story:submit:own',
  'story:withdraw:own',
  'story:spike:own',
  'story:restore:own',
  'media:upload',
  'wire:ingest',
];

const EDITOR: readonly Permission[] = [
  'desk:view',
  'story:create',
  'story:comment',
  'story:edit:any',
  'story:submit:any',
  'story:withdraw:any',
  'story:spike:any',
  'story:restore:any',
  'story:review',
  'story:publish',
  // Taking the edit lock from whoever holds it: editors run the desk (the holder's
  // unsaved text is kept as a revision, so nothing is lost by it).
  'story:take_over',
  // Choosing the lead and ordering the top stories: the front page is an editor's call.
  'front:arrange',
  'media:upload',
  'wire:ingest',
];

/** The one table of who may do what (DESIGN.md, "Roles and permissions"). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: REPORTER,
  editor: EDITOR,
  admin: [...EDITOR, 'users:manage', 'sections:manage', 'tokens:manage'],
};

/** What authorization needs to know about a story. */
export type StoryForPermission = { state: StoryState; authorIds: readonly number[] };

/** Things one does to a story besides workflow transitions. */
export type StoryAction = WorkflowAction | 'edit' | 'comment' | 'view' | 'take_over' | 'embargo';

/** The roles that hold a permission: for queries that pick people by what they may do. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

function has(user: Actor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[user.role].includes(permission);
}

// A reporter edits their own story while they hold the pen: drafting, after changes
// were requested, or the working copy of their published story (DESIGN.md).
const OWN_EDITABLE_STATES: readonly StoryState[] = ['draft', 'changes_requested', 'published'];

/** Once readers have seen a story, an embargo has nothing left to protect. */
export const EMBARGO_CLOSED_STATES: readonly StoryState[] = ['published', 'unpublished', 'killed'];

function canOnStory(user: Actor, action: StoryAction, story: StoryForPermission): boolean {
  const own = story.authorIds.includes(user.id);
  const ownOrAny = (verb: 'submit' | 'withdraw' | 'restore') =>
    has(user, `story:${verb}:any`) || (own && has(user, `story:${verb}:own`));
  switch (action) {
    case 'view':
      return has(user, 'desk:view');
    case 'comment':
      return has(user, 'story:comment');
    case 'edit':
      if (has(user, 'story:edit:any')) return story.state !== 'killed';
      return own && has(user, 'story:edit:own') && OWN_EDITABLE_STATES.includes(story.state);
    case 'take_over':
      return has(user, 'story:take_over') && canOnStory(user, 'edit', story);
    case 'embargo':
      // Setting, moving or lifting one: the embargo is the newsroom's word to the agency.
      return has(user, 'story:publish') && !EMBARGO_CLOSED_STATES.includes(story.state);
    case 'submit':
    case 'withdraw':
    case 'restore':
      return ownOrAny(action);
    case 'spike':
      // Reporters spike only their own drafts; editors anything the workflow lets be spiked.
      return has(user, 'story:spike:any') || (own && has(user, 'story:spike:own') && story.state === 'draft');
    case 'request_changes':
    case 'approve':
      return has(user, 'story:review');
    case 'schedule':
    case 'unschedule':
    case 'publish':
    case 'publish_update':
    case 'unpublish':
    case 'kill':
      return has(user, 'story:publish');
  }
}

/**
 * Whether this user may do this — the one place authorization is decided. Pure, so the
 * UI uses it to decide what to show; every mutation in lib/ checks it again.
 * `can(user, permission)` for desk-wide permissions, `can(user, action, story)` for a story.
 */
export function can(user: Actor | null | undefined, permission: Permission): boolean;
export function can(user: Actor | null | undefined, action: StoryAction, story: StoryForPermission): boolean;
export function can(
  user: Actor | null | undefined,
  what: Permission | StoryAction,
  story?: StoryForPermission,
): boolean {
  if (user == null) return false;
  if (story) return canOnStory(user, what as StoryAction, story);
  return has(user, what as Permission);
}

/** Throws ForbiddenError unless the user holds this permission: the server-side check. */
export function requirePermission(user: Actor | null | undefined, permission: Permission): asserts user is Actor {
  if (!can(user, permission)) throw new ForbiddenError();
}

/** Who may mark a note as dealt with: its writer, the story's authors, or an editor. */
export function canResolveNote(
  user: Actor | null | undefined,
  note: { authorId: number },
  story: StoryForPermission,
): boolean {
  if (user == null || !canOnStory(user, 'comment', story)) return false;
  return note.authorId === user.id || story.authorIds.includes(user.id) || has(user, 'story:review');
}
