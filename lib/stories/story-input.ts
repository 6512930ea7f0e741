import { z } from 'zod';
import { NewsroomTimeSchema } from '@/lib/newsroom-time';
import { rowIdSchema } from '@/lib/validation';
import { WORKFLOW_ACTIONS } from '@/lib/workflow';
import { SlugSchema } from './slug';
import { StoryBodySchema } from './story-body';
import { MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH } from './story-limits';

// One schema per form, shared by the form, the server action, lib/ and the tests.

export { MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH };

export const StoryIdSchema = rowIdSchema('Unknown id');

const content = {
  headline: z
    .string({ error: 'Headline is required' })
    .trim()
    .min(1, 'Headline is required')
    .max(MAX_HEADLINE_LENGTH, `Headline must be at most ${MAX_HEADLINE_LENGTH} characters`),
  standfirst: z
    .string()
    .trim()
    .max(MAX_STANDFIRST_LENGTH, `Standfirst must be at most ${MAX_STANDFIRST_LENGTH} characters`)
    .default(''),
  sectionId: rowIdSchema('Choose a section'),
  body: StoryBodySchema,
  authorIds: z
    .array(StoryIdSchema)
    .min(1, 'A story needs at least one byline')
    .max(20, 'At most 20 bylines')
    .refine((ids) => new Set(ids).size === ids.length, 'Each byline appears once')
    .optional(),
};

/** New story: the slug is optional (made from the headline when blank). */
export const NewStorySchema = z.object({
  ...content,
  slug: z.union([z.literal(''), SlugSchema]).optional(),
  sourceWireItemId: StoryIdSchema.optional(),
  agency: z.string().trim().min(1).max(40).optional(),
  dateline: z.string().trim().min(1).max(100).optional(),
  embargoUntil: z.coerce.date().optional(),
});
export type NewStoryInput = z.input<typeof NewStorySchema>;

/** A save of the working copy; baseVersion is the version the editor started from. */
export const StoryEditorSchema = z.object({
  ...content,
  slug: SlugSchema,
  dateline: z.string().trim().max(100, 'Dateline must be at most 100 characters').default(''),
  baseVersion: rowIdSchema('Missing version'),
});
export type StoryEditorInput = z.input<typeof StoryEditorSchema>;

export const TransitionSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS, { error: 'Unknown workflow action' }),
  note: z.string().trim().max(5000, 'Note must be at most 5,000 characters').optional(),
  /** A Date, or a `datetime-local` value in the newsroom's zone (the Schedule dialog). */
  publishAt: NewsroomTimeSchema.optional(),
  /** Publish update only: this update corrects the story; `correction` is the public text. */
  isCorrection: z.coerce.boolean().optional(),
  correction: z.string().trim().max(2000, 'Correction must be at most 2,000 characters').optional(),
  /** The version the user was looking at; content-affirming actions refuse a newer one. */
  expectedVersion: rowIdSchema('Unknown version').optional(),
});
export type TransitionInput = z.input<typeof TransitionSchema>;

export const NoteSchema = z.object({
  body: z.string({ error: 'Write a note first' }).trim().min(1, 'Write a note first').max(5000, 'Note is too long'),
});
