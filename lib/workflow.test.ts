import { expect, test } from 'vitest';
import { can } from './permissions';
import { ROLES } from './roles';
import {
  allowedActions,
  isTransitionAvailable,
  isWorkflowAction,
  nextState,
  requiresNote,
  STATE_LABELS,
  STORY_STATES,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type StoryState,
  type WorkflowAction,
} from './workflow';

// DESIGN.md "Workflow", transcribed by hand: action → [from states, to state].
const TABLE: Record<WorkflowAction, [StoryState[], StoryState]> = {
  submit: [['draft', 'changes_requested'], 'in_review'],
  withdraw: [['in_review'], 'draft'],
  request_changes: [['in_review', 'approved'], 'changes_requested'],
  approve: [['in_review'], 'approved'],
  schedule: [['in_review', 'approved'], 'scheduled'],
  unschedule: [['scheduled'], 'approved'],
  publish: [['in_review', 'approved', 'scheduled', 'unpublished'], 'published'],
  publish_update: [['published'], 'published'],
  unpublish: [['published'], 'unpublished'],
  kill: [['published', 'unpublished'], 'killed'],
  spike: [['draft', 'changes_requested', 'in_review', 'approved'], 'spiked'],
  restore: [['spiked'], 'draft'],
};

test('the workflow has exactly the twelve actions of the design', () => {
  expect([...WORKFLOW_ACTIONS].sort()).toEqual(Object.keys(TABLE).sort());
});

test.each(WORKFLOW_ACTIONS.flatMap((action) => STORY_STATES.map((state) => [action, state] as const)))(
  '%s from %s',
  (action, state) => {
    const [from, to] = TABLE[action];
    expect(nextState(action, state)).toBe(from.includes(state) ? to : null);
  },
);

test('killed is terminal: no action leads anywhere from it', () => {
  for (const action of WORKFLOW_ACTIONS) expect(nextState(action, 'killed')).toBeNull();
});

test('publish update needs changes readers do not see yet', () => {
  expect(isTransitionAvailable('publish_update', { state: 'published', hasPendingChanges: false })).toBe(false);
  expect(isTransitionAvailable('publish_update', { state: 'published', hasPendingChanges: true })).toBe(true);
  expect(isTransitionAvailable('unpublish', { state: 'published', hasPendingChanges: false })).toBe(true);
});

test('request changes and kill need a note; nothing else does', () => {
  expect(WORKFLOW_ACTIONS.filter(requiresNote).sort()).toEqual(['kill', 'request_changes']);
});

test('button and state names are the ones scripts and screen readers rely on', () => {
  expect(Object.values(TRANSITIONS).map((t) => t.label)).toEqual([
    'Submit for review',
    'Withdraw',
    'Request changes',
    'Approve',
    'Schedule',
    'Unschedule',
    'Publish',
    'Publish update',
    'Unpublish',
    'Kill',
    'Spike',
    'Restore',
  ]);
  expect(Object.values(STATE_LABELS)).toEqual([
    'Draft',
    'In review',
    'Changes requested',
    'Approved',
    'Scheduled',
    'Published',
    'Unpublished',
    'Killed',
    'Spiked',
  ]);
});

const cases = ROLES.flatMap((role) =>
  STORY_STATES.flatMap((state) =>
    [true, false].flatMap((own) => [true, false].map((pending) => [role, state, own, pending] as const)),
  ),
);

test.each(cases)(
  'allowed actions for a %s on a %s story (own: %s, pending changes: %s)',
  (role, state, own, pending) => {
    const user = { id: 9, role };
    const story = { state, authorIds: own ? [9] : [4], hasPendingChanges: pending };
    const expected = WORKFLOW_ACTIONS.filter((action) => {
      const [from] = TABLE[action];
      if (!from.includes(state)) return false;
      if (action === 'publish_update' && !pending) return false;
      return can(user, action, story);
    });
    expect(allowedActions(user, story)).toEqual(expected);
  },
);

test('a reporter never gets an editorial action, whatever the story', () => {
  const editorial: WorkflowAction[] = [
    'request_changes',
    'approve',
    'schedule',
    'unschedule',
    'publish',
    'publish_update',
    'unpublish',
    'kill',
  ];
  for (const state of STORY_STATES) {
    const actions = allowedActions({ id: 1, role: 'reporter' }, { state, authorIds: [1], hasPendingChanges: true });
    expect(actions.filter((action) => editorial.includes(action))).toEqual([]);
  }
});

test('only real action names are actions', () => {
  expect(isWorkflowAction('publish')).toBe(true);
  expect(isWorkflowAction('toString')).toBe(false);
  expect(isWorkflowAction('delete')).toBe(false);
  expect(isWorkflowAction(undefined)).toBe(false);
});
