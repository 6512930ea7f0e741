ALTER TYPE "public"."revision_kind" ADD VALUE 'takeover';--> statement-breakpoint
CREATE TABLE "media" (
	"id" text PRIMARY KEY NOT NULL,
	"file_path" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_locks" (
	"story_id" integer PRIMARY KEY NOT NULL,
	"holder_id" integer NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"previous_holder_id" integer,
	"taken_over_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "words_added" integer;--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "words_removed" integer;--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "restored_from_id" integer;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_locks" ADD CONSTRAINT "story_locks_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_locks" ADD CONSTRAINT "story_locks_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_locks" ADD CONSTRAINT "story_locks_previous_holder_id_users_id_fk" FOREIGN KEY ("previous_holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_uploader_idx" ON "media" USING btree ("uploaded_by_id","created_at");--> statement-breakpoint
ALTER TABLE "story_revisions" ADD CONSTRAINT "story_revisions_restored_from_id_story_revisions_id_fk" FOREIGN KEY ("restored_from_id") REFERENCES "public"."story_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "story_comments_open_idx" ON "story_comments" USING btree ("story_id") WHERE resolved_at is null;