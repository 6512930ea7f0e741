import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import {
  publishedStories,
  sections,
  stories,
  storyAuthors,
  storyComments,
  storyEvents,
  storyPublications,
  storyRevisions,
  users,
} from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { can, canResolveNote, type Actor } from '@/lib/permissions';
import { allowedActions, type StoryState, type WorkflowAction } from '@/lib/workflow';
import type { StoryBody } from './story-body';
import { hasPendingChanges } from './story-record';
import { listRevisions, type RevisionSummary } from './story-revisions';

export type StoryForEditor = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  body: StoryBody;
  state: StoryState;
  version: number;
  section: { id: number; slug: string; name: string };
  authors: { id: number; name: string }[];
  embargoUntil: Date | null;
  sourceWireItemId: number | null;
  agency: string | null;
  dateline: string | null;
  scheduledAt: Date | null;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  liveVersion: number | null;
  hasPendingChanges: boolean;
  updatedAt: Date;
  updatedByName: string;
  /** Where readers find it, while they can. */
  publicPath: string | null;
  revisions: RevisionSummary[];
  events: {
    id: number;
    action: string;
    fromState: StoryState | null;
    toState: StoryState | null;
    actorName: string;
    note: string | null;
    createdAt: Date;
  }[];
  notes: {
    id: number;
    kind: 'note' | 'change_request';
    body: string;
    authorName: string;
    createdAt: Date;
    resolvedAt: Date | null;
    canResolve: boolean;
  }[];
  /** Every time it went live: the public-facing history (with corrections). */
  publications: {
    id: number;
    action: string;
    version: number;
    correction: string | null;
    scheduled: boolean;
    actorName: string;
    publishedAt: Date;
  }[];
  /** What this user may do right now: the page shows exactly these. */
  allowedActions: WorkflowAction[];
  canEdit: boolean;
  /** May set, move or lift the embargo (editors, until readers have seen the story). */
  canSetEmbargo: boolean;
  /** May mark an agency kill or withdrawal alert as dealt with. */
  canHandleWireAlerts: boolean;
};

const updatedBy = alias(users, 'updated_by');

/**
 * Everything the story page shows, shaped for it, with what this user may do to it.
 * Any staff member may look (can 'view'); anyone else is refused before anything is read.
 */
export async function getStoryForEditor(actor: Actor, storyId: number): Promise<StoryForEditor> {
  if (!can(actor, 'desk:view')) throw new ForbiddenError();
  const db = await getDb();
  const [row] = await db
    .select({
      story: stories,
      section: { id: sections.id, slug: sections.slug, name: sections.name },
      updatedByName: updatedBy.name,
    })
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .innerJoin(updatedBy, eq(updatedBy.id, stories.updatedById))
    .where(eq(stories.id, storyId));
  if (!row) throw new NotFoundError('This story does not exist.');
  const { story, section } = row;

  const [authors, revisions, events, notes, live, publications] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(storyAuthors)
      .innerJoin(users, eq(users.id, storyAuthors.userId))
      .where(eq(storyAuthors.storyId, storyId))
      .orderBy(asc(storyAuthors.position)),
    listRevisions(actor, storyId),
    db
      .select({
        id: storyEvents.id,
        action: storyEvents.action,
        fromState: storyEvents.fromState,
        toState: storyEvents.toState,
        actorName: users.name,
        note: storyEvents.note,
        createdAt: storyEvents.createdAt,
      })
      .from(storyEvents)
      .innerJoin(users, eq(users.id, storyEvents.actorId))
      .where(eq(storyEvents.storyId, storyId))
      .orderBy(desc(storyEvents.id)),
    db
      .select({
        id: storyComments.id,
        kind: storyComments.kind,
        body: storyComments.body,
        authorId: storyComments.authorId,
        authorName: users.name,
        createdAt: storyComments.createdAt,
        resolvedAt: storyComments.resolvedAt,
      })
      .from(storyComments)
      .innerJoin(users, eq(users.id, storyComments.authorId))
      .where(eq(storyComments.storyId, storyId))
      .orderBy(asc(storyComments.id)),
    db
      .select({ section: sections.slug, slug: publishedStories.slug })
      .from(publishedStories)
      .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
      .where(eq(publishedStories.storyId, storyId)),
    db
      .select({
        id: storyPublications.id,
        action: storyPublications.action,
        version: storyRevisions.version,
        correction: storyPublications.correction,
        scheduled: storyPublications.scheduled,
        actorName: users.name,
        publishedAt: storyPublications.publishedAt,
      })
      .from(storyPublications)
      .innerJoin(storyRevisions, eq(storyRevisions.id, storyPublications.revisionId))
      .innerJoin(users, eq(users.id, storyPublications.actorId))
      .where(eq(storyPublications.storyId, storyId))
      .orderBy(asc(storyPublications.id)),
  ]);

  const permissionView = {
    state: story.state,
    authorIds: authors.map((a) => a.id),
    hasPendingChanges: hasPendingChanges(story),
  };
  if (!can(actor, 'view', permissionView)) throw new ForbiddenError();
  return {
    id: story.id,
    slug: story.slug,
    headline: story.headline,
    standfirst: story.standfirst,
    body: story.body,
    state: story.state,
    version: story.version,
    section,
    authors,
    embargoUntil: story.embargoUntil,
    sourceWireItemId: story.sourceWireItemId,
    agency: story.agency,
    dateline: story.dateline,
    scheduledAt: story.scheduledAt,
    firstPublishedAt: story.firstPublishedAt,
    lastPublishedAt: story.lastPublishedAt,
    liveVersion: story.liveVersion,
    hasPendingChanges: permissionView.hasPendingChanges,
    updatedAt: story.updatedAt,
    updatedByName: row.updatedByName,
    publicPath: live[0] ? `/${live[0].section}/${live[0].slug}` : null,
    revisions,
    events,
    notes: notes.map(({ authorId, ...note }) => ({
      ...note,
      canResolve: note.resolvedAt === null && canResolveNote(actor, { authorId }, permissionView),
    })),
    publications,
    allowedActions: allowedActions(actor, permissionView),
    canEdit: can(actor, 'edit', permissionView),
    canSetEmbargo: can(actor, 'embargo', permissionView),
    canHandleWireAlerts: can(actor, 'story:publish'),
  };
}
