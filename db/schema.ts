import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/roles';
import type { StoryBody } from '@/lib/stories/story-body';
import type { WireItem } from '@/lib/wire/wire-item';
import { STORY_STATES } from '@/lib/workflow';

export const userRole = pgEnum('user_role', ROLES);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // Stored lower-cased (see normalizeEmail), so the unique index is case-insensitive in effect.
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const sections = pgTable(
  'sections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('sections_slug_key').on(t.slug)],
);

/**
 * Every sign-in attempt, kept in the database (not in process memory) so the
 * per-email rate limit holds across restarts and across several app instances.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    succeeded: boolean('succeeded').notNull().default(false),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_attempts_email_created_idx').on(t.email, t.createdAt)],
);

export const storyState = pgEnum('story_state', STORY_STATES);
/**
 * save: a version of the working copy (a restore is a save with restoredFromId set).
 * conflict: a save refused as stale, kept. takeover: text kept when its writer lost the
 * edit lock (a save refused for it, or unsaved text sent after an editor took over).
 * Only `save` revisions are versions of the story; the others sit beside them.
 */
export const revisionKind = pgEnum('revision_kind', ['save', 'conflict', 'takeover']);
export const noteKind = pgEnum('note_kind', ['note', 'change_request']);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    body: jsonb('body').$type<StoryBody>().notNull(),
    bodyText: text('body_text').notNull().default(''),
    state: storyState('state').notNull().default('draft'),
    /** Working-copy version: +1 on every save; saves must name the version they were based on. */
    version: integer('version').notNull().default(1),
    /** The frozen revision readers see; null until first published. */
    liveRevisionId: integer('live_revision_id').references((): AnyPgColumn => storyRevisions.id),
    liveVersion: integer('live_version'),
    sourceWireItemId: integer('source_wire_item_id').references((): AnyPgColumn => wireItems.id),
    /** Where the story was filed from, printed before the first paragraph ("PARIS"). */
    dateline: text('dateline'),
    /** The news agency whose copy the story builds on ("AFP"): credited as "with AFP". */
    agency: text('agency'),
    embargoUntil: timestamptz('embargo_until'),
    scheduledAt: timestamptz('scheduled_at'),
    firstPublishedAt: timestamptz('first_published_at'),
    lastPublishedAt: timestamptz('last_published_at'),
    /** When the story entered its current state: the review queue is ordered by it. */
    stateChangedAt: timestamptz('state_changed_at').notNull().defaultNow(),
    createdById: integer('created_by_id')
      .notNull()
      .references(() => users.id),
    updatedById: integer('updated_by_id')
      .notNull()
      .references(() => users.id),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', headline || ' ' || standfirst || ' ' || body_text)`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('stories_slug_key').on(t.slug),
    // Desk lists page by (updated_at, id) with keyset cursors; one index per common filter.
    // Ascending on purpose: scanned backwards they serve ORDER BY … DESC exactly, whereas
    // a "DESC NULLS LAST" index (drizzle's .desc()) does not match it and is never used.
    index('stories_updated_idx').on(t.updatedAt, t.id),
    index('stories_state_updated_idx').on(t.state, t.updatedAt, t.id),
    index('stories_section_updated_idx').on(t.sectionId, t.updatedAt, t.id),
    index('stories_state_changed_idx').on(t.state, t.stateChangedAt),
    index('stories_search_idx').using('gin', t.searchVector),
  ],
);

export const storyAuthors = pgTable(
  'story_authors',
  {
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** Byline order; the creator is 0. */
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.userId] }), index('story_authors_user_idx').on(t.userId, t.storyId)],
);

/** Every save (and every refused, conflicting save) as a full copy: nothing typed is lost. */
export const storyRevisions = pgTable(
  'story_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storyId: integer('story_id')
      .notNull()
      .references((): AnyPgColumn => stories.id, { onDelete: 'cascade' }),
    /** The version this save created; for a conflict, the version it was based on. */
    version: integer('version').notNull(),
    kind: revisionKind('kind').notNull().default('save'),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull(),
    body: jsonb('body').$type<StoryBody>().notNull(),
    bodyText: text('body_text').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    /** Words added and removed against the working copy it replaced (or was refused over); null before authoring. */
    wordsAdded: integer('words_added'),
    wordsRemoved: integer('words_removed'),
    /** For a restore: the revision it brought back. */
    restoredFromId: integer('restored_from_id').references((): AnyPgColumn => storyRevisions.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('story_revisions_story_idx').on(t.storyId, t.id)],
);

/**
 * Everyone whose typing went into a revision, in the order they first typed: several
 * people edit one story at once (docs/decisions/013-real-time-co-editing.md), and a
 * revision made from their live document names them all. `story_revisions.author_id` is
 * the last of them. Revisions from before co-editing have no rows here (their author is
 * `author_id` alone).
 */
export const storyRevisionAuthors = pgTable(
  'story_revision_authors',
  {
    revisionId: integer('revision_id')
      .notNull()
      .references(() => storyRevisions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.userId] })],
);

/** The audit trail: one row per mutation (who, what, when, from, to, note). */
export const storyEvents = pgTable(
  'story_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: storyState('from_state'),
    toState: storyState('to_state'),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('story_events_story_idx').on(t.storyId, t.id)],
);

export const storyComments = pgTable(
  'story_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: noteKind('kind').notNull().default('note'),
    body: text('body').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    resolvedAt: timestamptz('resolved_at'),
    resolvedById: integer('resolved_by_id').references(() => users.id),
  },
  (t) => [
    index('story_comments_story_idx').on(t.storyId, t.id),
    // The desk's unresolved-notes badge counts only open notes, per story.
    index('story_comments_open_idx')
      .on(t.storyId)
      .where(sql`resolved_at is null`),
  ],
);

/**
 * Stories per state, kept by triggers on `stories` (see migration 0001): the editors'
 * dashboard reads nine rows instead of counting 100,000 on every load.
 */
export const storyStateCounts = pgTable('story_state_counts', {
  state: storyState('state').primaryKey(),
  count: integer('count').notNull().default(0),
});

/**
 * The public site's read model: one row per story readers can see right now, written
 * when an editor publishes (or publishes an update) and deleted on unpublish or kill.
 * Public pages read only this table, so nothing unpublished can leak through them, and
 * a published story's working copy (slug and section included) changes nothing here
 * until the next "Publish update".
 */
export const publishedStories = pgTable(
  'published_stories',
  {
    storyId: integer('story_id')
      .primaryKey()
      .references(() => stories.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    slug: text('slug').notNull(),
    revisionId: integer('revision_id')
      .notNull()
      .references(() => storyRevisions.id),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull(),
    body: jsonb('body').$type<StoryBody>().notNull(),
    bodyText: text('body_text').notNull(),
    agency: text('agency'),
    dateline: text('dateline'),
    firstPublishedAt: timestamptz('first_published_at').notNull(),
    lastPublishedAt: timestamptz('last_published_at').notNull(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', headline || ' ' || standfirst || ' ' || body_text)`),
  },
  (t) => [
    uniqueIndex('published_stories_path_key').on(t.sectionId, t.slug),
    index('published_stories_latest_idx').on(t.firstPublishedAt, t.storyId),
    index('published_stories_section_latest_idx').on(t.sectionId, t.firstPublishedAt, t.storyId),
    index('published_stories_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * Every public address a story has had, so an old link answers 301 to the current one
 * (after a slug or section change) or 410 once the story is taken down.
 */
export const storyPaths = pgTable(
  'story_paths',
  {
    sectionSlug: text('section_slug').notNull(),
    slug: text('slug').notNull(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sectionSlug, t.slug] }), index('story_paths_story_idx').on(t.storyId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const wireChannel = pgEnum('wire_channel', ['upload', 'api', 'inbox', 'seed']);
export const wireStatus = pgEnum('wire_status', ['new', 'used', 'rejected']);
export const wirePubStatus = pgEnum('wire_pub_status', ['usable', 'withheld', 'canceled']);

/** Every file received, byte for byte, once: nothing an agency sends is lost, even if unreadable. */
export const wireFiles = pgTable(
  'wire_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sha256: text('sha256').notNull(),
    /**
     * The file exactly as received, deflated (zlib raw deflate, done in JavaScript: the
     * database's own compression is slow on the embedded engine). Read with unpackWireBytes (lib/wire/stored-bytes.ts).
     */
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    filename: text('filename'),
    channel: wireChannel('channel').notNull(),
    /** Who or what sent it: an uploader's name, an API token's name, an inbox path. */
    source: text('source'),
    receivedAt: timestamptz('received_at').notNull(),
  },
  (t) => [uniqueIndex('wire_files_sha256_key').on(t.sha256)],
);

/**
 * One row per wire item version (the normalized WireItem in `item`, the fields the queue
 * filters on promoted to columns), and one per rejected file (status `rejected`, no guid).
 */
export const wireItems = pgTable(
  'wire_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fileId: integer('file_id')
      .notNull()
      .references(() => wireFiles.id),
    status: wireStatus('status').notNull().default('new'),
    rejectReason: text('reject_reason'),
    format: text('format'),
    /** Canonical agency, '' when the source names none: part of the identity (agency, guid, version). */
    agency: text('agency').notNull().default(''),
    guid: text('guid'),
    version: integer('version'),
    pubStatus: wirePubStatus('pub_status'),
    urgency: integer('urgency'),
    headline: text('headline'),
    language: text('language'),
    section: text('section'),
    embargoUntil: timestamptz('embargo_until'),
    versionCreated: timestamptz('version_created'),
    bodyText: text('body_text').notNull().default(''),
    contentHash: text('content_hash'),
    // json, not jsonb: stored as sent and never queried into; jsonb's parse cost per item
    // was a fifth of ingest time on the embedded database.
    item: json('item').$type<WireItem>(),
    /** Only the newest version of an item shows in the queue. */
    latest: boolean('latest').notNull().default(true),
    previousId: integer('previous_id').references((): AnyPgColumn => wireItems.id),
    channel: wireChannel('channel').notNull(),
    receivedAt: timestamptz('received_at').notNull(),
    /**
     * Written by ingest from words computed in JavaScript (see wireSearchLexemes):
     * Postgres's to_tsvector took half of ingest time on the embedded database.
     */
    searchVector: tsvector('search_vector'),
  },
  (t) => [
    uniqueIndex('wire_items_identity_key').on(t.agency, t.guid, t.version),
    index('wire_items_queue_idx').on(t.latest, t.receivedAt, t.id),
    index('wire_items_content_idx').on(t.agency, t.contentHash),
    // Only rejections are looked up by file (one rejected row per unreadable file).
    index('wire_items_rejected_file_idx')
      .on(t.fileId)
      .where(sql`status = 'rejected'`),
    index('wire_items_search_idx').using('gin', t.searchVector),
  ],
);

export const wireAlertKind = pgEnum('wire_alert_kind', ['canceled', 'withheld']);

/**
 * A kill or withdrawal notice from an agency, raised on every story made from any version
 * of the item. Shown on the story at once, and on every editor's dashboard while the story
 * is published, until an editor marks it handled.
 */
export const storyWireAlerts = pgTable(
  'story_wire_alerts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    wireItemId: integer('wire_item_id')
      .notNull()
      .references(() => wireItems.id),
    kind: wireAlertKind('kind').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    handledAt: timestamptz('handled_at'),
    handledById: integer('handled_by_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('story_wire_alerts_key').on(t.storyId, t.wireItemId),
    index('story_wire_alerts_open_idx').on(t.handledAt, t.createdAt),
  ],
);

/** API tokens for `POST /api/wire`; only a hash is kept, the token is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters, so admins can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdById: integer('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);

/**
 * The values the wire queue's filters offer (agencies, sections, languages), kept as
 * items arrive: listing them from 100,000 items on every page load would be a full scan.
 */
export const wireFacets = pgTable(
  'wire_facets',
  {
    kind: text('kind').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.value] })],
);

/**
 * Who is editing a story right now: one editing session (a browser tab) of one user. A
 * lock is live while its heartbeat is recent (see LOCK_EXPIRY_MS in
 * lib/stories/story-lock.ts); a stale row is simply claimed by the next editor. Saves
 * from anyone else, and from the same user's other tabs, are refused while it is live.
 */
export const storyLocks = pgTable('story_locks', {
  storyId: integer('story_id')
    .primaryKey()
    .references(() => stories.id, { onDelete: 'cascade' }),
  holderId: integer('holder_id')
    .notNull()
    .references(() => users.id),
  /** The holder's editing session (one per open editor page); '' for locks from before sessions. */
  holderSession: text('holder_session').notNull().default(''),
  acquiredAt: timestamptz('acquired_at').notNull(),
  heartbeatAt: timestamptz('heartbeat_at').notNull(),
  /** Set when the lock was taken over: the previous holder learns it on its next heartbeat. */
  previousHolderId: integer('previous_holder_id').references(() => users.id),
  previousHolderSession: text('previous_holder_session'),
  takenOverAt: timestamptz('taken_over_at'),
});

/**
 * Uploaded images. The id is random and unguessable (it is the public address); the file
 * lives under WIREDESK_MEDIA_DIR at `filePath`, and never changes once written.
 */
export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    filePath: text('file_path').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedById: integer('uploaded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('media_uploader_idx').on(t.uploadedById, t.createdAt)],
);

/**
 * Every time a story went live (publish, publish update): which revision readers got,
 * when, from whom, and the correction published with it. This is the public-facing
 * history editors inspect, and the source of the article's corrections box.
 */
export const storyPublications = pgTable(
  'story_publications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    revisionId: integer('revision_id')
      .notNull()
      .references(() => storyRevisions.id),
    action: text('action').notNull(),
    /** Public text of a correction, shown in the article's corrections box with its date. */
    correction: text('correction'),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    /** Scheduled publications are made by the server, on behalf of the editor who scheduled. */
    scheduled: boolean('scheduled').notNull().default(false),
    publishedAt: timestamptz('published_at').notNull(),
  },
  (t) => [index('story_publications_story_idx').on(t.storyId, t.id)],
);

export const notificationKind = pgEnum('notification_kind', [
  'approved',
  'changes_requested',
  'scheduled',
  'published',
  'submitted',
  'wire_kill',
]);

/** The desk's in-app notifications: one row per person told. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    storyId: integer('story_id').references(() => stories.id, { onDelete: 'cascade' }),
    /** Who caused it; null for the server (a scheduled publication, an agency kill). */
    actorId: integer('actor_id').references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
    readAt: timestamptz('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)],
);

export const adminEventKind = pgEnum('admin_event_kind', [
  'user_created',
  'user_renamed',
  'user_role_changed',
  'user_deactivated',
  'user_activated',
  'user_password_changed',
  'token_created',
  'token_revoked',
  'media_uploaded',
]);

/**
 * The admin audit log: who changed accounts, roles, API tokens and media, and when.
 * Written in the same transaction as the change; never updated or deleted.
 */
export const adminEvents = pgTable('admin_events', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: adminEventKind('kind').notNull(),
  /** Who did it; null for the operator's tools (`npm run user`, the seed). */
  actorId: integer('actor_id').references(() => users.id),
  /** The account it was done to, for user events. */
  userId: integer('user_id').references(() => users.id),
  /** What it was done to, in words that outlive renames: an email, a token's name, a media id. */
  subject: text('subject').notNull(),
  /** What changed ("reporter → editor"); never a secret. */
  detail: text('detail'),
  createdAt: timestamptz('created_at').notNull(),
});

/**
 * The stories editors pinned to the front page, in order: position 0 is the lead, the
 * rest are the top stories. Readers see only those still published (the public query
 * joins the read model), and unpublish or kill removes the row. The front page fills
 * the slots left with the newest stories.
 */
export const frontPageSlots = pgTable('front_page_slots', {
  storyId: integer('story_id')
    .primaryKey()
    .references(() => stories.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  pinnedById: integer('pinned_by_id')
    .notNull()
    .references(() => users.id),
  pinnedAt: timestamptz('pinned_at').notNull(),
});

/**
 * A story's live document (Yjs), shared by everyone who has it open: its state as of the
 * last fold, from which the working copy in `stories` was last written. Updates arrive in
 * `story_document_updates` first and are folded in here (debounced, and before any
 * workflow move or API save); docs/decisions/013-real-time-co-editing.md.
 */
export const storyDocuments = pgTable('story_documents', {
  storyId: integer('story_id')
    .primaryKey()
    .references(() => stories.id, { onDelete: 'cascade' }),
  /**
   * Random per document, made when it is first created from the working copy: a browser's
   * offline copy is kept per generation, so it is never merged into a different document.
   */
  generation: text('generation').notNull(),
  /** The whole document as one Yjs update. */
  state: bytea('state').notNull(),
  /** The last update row folded into `state` (rows up to it are deleted by the fold). */
  foldedThrough: bigint('folded_through', { mode: 'number' }).notNull().default(0),
  /** Who has typed since the last revision: the next revision names them. */
  pendingAuthorIds: jsonb('pending_author_ids').$type<number[]>().notNull().default([]),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/**
 * Updates to live documents, appended as they arrive (a few milliseconds after each
 * keystroke) by whichever instance the writer is connected to: every other instance
 * applies them from here (PostgreSQL NOTIFY says when), and the fold moves them into
 * `story_documents`. Appends are serialized per story (row lock on its document), so ids
 * grow in commit order within a story.
 */
export const storyDocumentUpdates = pgTable(
  'story_document_updates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    /** Whose change it is: the revision made from it names them. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    update: bytea('update').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('story_document_updates_story_idx').on(t.storyId, t.id)],
);
