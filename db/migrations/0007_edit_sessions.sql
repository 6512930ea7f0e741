ALTER TABLE "story_locks" ADD COLUMN "holder_session" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "story_locks" ADD COLUMN "previous_holder_session" text;