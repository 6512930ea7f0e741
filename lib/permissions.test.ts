import { expect, test } from 'vitest';
import { ForbiddenError } from './errors';
import { can, PERMISSIONS, requirePermission, type Permission, type StoryAction } from './permissions';
import { ROLES, type Role } from './roles';
import { STORY_STATES, WORKFLOW_ACTIONS, type StoryState } from './workflow';

// Transcribed from DESIGN.md "Roles and permissions", independently of the implementation.
const DESK_WIDE: Record<Permission, Role[]> = {
  'desk:view': ['reporter', 'editor', 'admin'],
  'story:create': ['reporter', 'editor', 'admin'],
  'story:comment': ['reporter', 'editor', 'admin'],
  'story:edit:own': ['reporter'],
  'story:edit:any': ['editor', 'admin'],
  'story:submit:own': ['reporter'],
  'story:submit:any': ['editor', 'admin'],
  'story:withdraw:own': ['reporter'],
  'story:withdraw:any': ['editor', 'admin'],
  'story:spike:own': ['reporter'],
  'story:spike:any': ['editor', 'admin'],
  'story:restore:own': ['reporter'],
  'story:restore:any': ['editor', 'admin'],
  'story:review': ['editor', 'admin'],
  'story:publish': ['editor', 'admin'],
  'story:take_over': ['editor', 'admin'],
  'front:arrange': ['editor', 'admin'],
  'media:upload': ['reporter', 'editor', 'admin'],
  'wire:ingest': ['reporter', 'editor', 'admin'],
  'users:manage': ['admin'],
  'sections:manage': ['admin'],
  'tokens:manage': ['admin'],
};

test.each(PERMISSIONS.flatMap((permission) => ROLES.map((role) => [role, permission] as const)))(
  'a %s: %s',
  (role, permission) => {
    const user = { id: 1, role };
    const expected = DESK_WIDE[permission].includes(role);
    expect(can(user, permission)).toBe(expected);
    if (expected) expect(() => requirePermission(user, permission)).not.toThrow();
    else expect(() => requirePermission(user, permission)).toThrow(ForbiddenError);
  },
);

/** The roles table for story actions: may this role do this to a story in this state? */
function expectedOnStory(role: Role, action: StoryAction, state: StoryState, own: boolean): boolean {
  const editorial = role === 'editor' || role === 'admin';
  switch (action) {
    case 'view':
    case 'comment':
      return true;
    case 'edit':
      // reporter: own/co-authored, in draft, changes_requested, or the working copy of a published story
      return editorial ? state !== 'killed' : own && ['draft', 'changes_requested', 'published'].includes(state);
    case 'submit':
    case 'withdraw':
    case 'restore':
      return editorial || own;
    case 'spike':
      return editorial || (own && state === 'draft');
    case 'take_over':
      // editors take the edit lock of any story they may edit; reporters never do
      return editorial && state !== 'killed';
    case 'embargo':
      // editors set or lift an embargo until readers have seen the story
      return editorial && !['published', 'unpublished', 'killed'].includes(state);
    default:
      // request changes, approve, schedule, unschedule, publish, publish update, unpublish, kill
      return editorial;
  }
}

const STORY_ACTIONS: StoryAction[] = ['view', 'comment', 'edit', 'take_over', 'embargo', ...WORKFLOW_ACTIONS];
const storyCases = ROLES.flatMap((role) =>
  STORY_ACTIONS.flatMap((action) =>
    STORY_STATES.flatMap((state) => [true, false].map((own) => [role, action, state, own] as const)),
  ),
);

test.each(storyCases)('a %s asking to %s a %s story (own: %s)', (role, action, state, own) => {
  const user = { id: 7, role };
  const story = { state, authorIds: own ? [3, 7] : [3] };
  expect(can(user, action, story)).toBe(expectedOnStory(role, action, state, own));
});

test('nobody signed in may do nothing', () => {
  for (const permission of PERMISSIONS) {
    expect(can(null, permission)).toBe(false);
    expect(() => requirePermission(undefined, permission)).toThrow(ForbiddenError);
  }
  for (const action of STORY_ACTIONS) expect(can(null, action, { state: 'draft', authorIds: [] })).toBe(false);
});
