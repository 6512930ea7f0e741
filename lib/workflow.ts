// The editorial state machine of DESIGN.md ("Workflow"), as data. Pure: no database,
// no framework, safe for client components. Who may take a transition is decided in
// lib/permissions.ts; this file says which transitions exist from which states.
import { can, type Actor, type StoryForPermission } from './permissions';

export const STORY_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'killed',
  'spiked',
] as const;
export type StoryState = (typeof STORY_STATES)[number];

/** The words the desk shows for each state (part of the interface contract). */
export const STATE_LABELS: Record<StoryState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  killed: 'Killed',
  spiked: 'Spiked',
};

type Transition = {
  from: readonly StoryState[];
  to: StoryState;
  /** The button's name (part of the interface contract). */
  label: string;
  /** What the action asks for in its dialog: a note (required), a time, or whether it is a correction. */
  asks?: 'note' | 'time' | 'correction';
  /** Only when the working copy differs from what readers see. */
  needsPendingChanges?: boolean;
};

export const TRANSITIONS = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', label: 'Submit for review' },
  withdraw: { from: ['in_review'], to: 'draft', label: 'Withdraw' },
  request_changes: {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    label: 'Request changes',
    asks: 'note',
  },
  approve: { from: ['in_review'], to: 'approved', label: 'Approve' },
  schedule: { from: ['in_review', 'approved'], to: 'scheduled', label: 'Schedule', asks: 'time' },
  unschedule: { from: ['scheduled'], to: 'approved', label: 'Unschedule' },
  publish: { from: ['in_review', 'approved', 'scheduled', 'unpublished'], to: 'published', label: 'Publish' },
  publish_update: {
    from: ['published'],
    to: 'published',
    label: 'Publish update',
    asks: 'correction',
    needsPendingChanges: true,
  },
  unpublish: { from: ['published'], to: 'unpublished', label: 'Unpublish' },
  kill: { from: ['published', 'unpublished'], to: 'killed', label: 'Kill', asks: 'note' },
  spike: { from: ['draft', 'changes_requested', 'in_review', 'approved'], to: 'spiked', label: 'Spike' },
  restore: { from: ['spiked'], to: 'draft', label: 'Restore' },
} as const satisfies Record<string, Transition>;

export type WorkflowAction = keyof typeof TRANSITIONS;
export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

/** States readers can see; every other state is invisible (or gone) on the public site. */
export const PUBLIC_STATES: readonly StoryState[] = ['published'];

/** What the workflow needs to know about a story. */
export type WorkflowStory = {
  state: StoryState;
  /** The working copy has changes readers do not see yet (published stories only). */
  hasPendingChanges: boolean;
};

/** The state an action leads to from this state, or null if the workflow has no such move. */
export function nextState(action: WorkflowAction, state: StoryState): StoryState | null {
  const transition: Transition = TRANSITIONS[action];
  return transition.from.includes(state) ? transition.to : null;
}

/** Whether the action exists for this story right now (state and pending changes), whoever asks. */
export function isTransitionAvailable(action: WorkflowAction, story: WorkflowStory): boolean {
  const transition: Transition = TRANSITIONS[action];
  if (nextState(action, story.state) === null) return false;
  return !transition.needsPendingChanges || story.hasPendingChanges;
}

/** Whether the action needs a note; request_changes and kill do. */
export function requiresNote(action: WorkflowAction): boolean {
  const transition: Transition = TRANSITIONS[action];
  return transition.asks === 'note';
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && Object.hasOwn(TRANSITIONS, value);
}

/** The workflow actions this user may take on this story right now, in table order. */
export function allowedActions(
  user: Actor | null | undefined,
  story: WorkflowStory & StoryForPermission,
): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => isTransitionAvailable(action, story) && can(user, action, story));
}
