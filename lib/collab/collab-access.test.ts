import { expect, test } from 'vitest';
import type { Actor } from '@/lib/permissions';
import type { StoryState } from '@/lib/workflow';
import { accessFor, isSameOriginUpgrade } from './collab-access';

const reporter: Actor = { id: 1, role: 'reporter' };
const editor: Actor = { id: 2, role: 'editor' };
const admin: Actor = { id: 3, role: 'admin' };
const own = (state: StoryState) => ({ state, authorIds: [1] });
const theirs = (state: StoryState) => ({ state, authorIds: [9] });

test.each([
  ['a reporter, their own draft', reporter, own('draft'), 'edit'],
  ['a reporter, their own story sent back', reporter, own('changes_requested'), 'edit'],
  ['a reporter, the working copy of their published story', reporter, own('published'), 'edit'],
  ['a reporter, their own story in review', reporter, own('in_review'), 'read'],
  ['a reporter, their own approved story', reporter, own('approved'), 'read'],
  ['a reporter, a colleague’s draft', reporter, theirs('draft'), 'read'],
  ['an editor, anyone’s story in review', editor, theirs('in_review'), 'edit'],
  ['an editor, a killed story', editor, theirs('killed'), 'read'],
  ['an admin, a scheduled story', admin, theirs('scheduled'), 'edit'],
] as const)('live document access is what can() says: %s → %s', (_what, user, story, access) => {
  expect(accessFor(user, story)).toBe(access);
});

test('nobody, and no story, gets no document at all', () => {
  expect(accessFor(null, own('draft'))).toBeNull();
  expect(accessFor(editor, null)).toBeNull();
});

test.each([
  [{ origin: 'http://desk.example', host: 'desk.example' }, true],
  [{ origin: 'https://desk.example:8443', host: 'desk.example:8443' }, true],
  [{ origin: 'https://desk.example', 'x-forwarded-host': 'desk.example', host: '10.0.0.11:3001' }, true],
  [{ origin: 'https://evil.example', host: 'desk.example' }, false],
  [{ origin: 'null', host: 'desk.example' }, false],
  [{ host: 'desk.example' }, false],
  [{ origin: 'http://desk.example' }, false],
])('a socket from our own pages only: %o → %s', (headers, expected) => {
  expect(isSameOriginUpgrade({ headers })).toBe(expected);
});
