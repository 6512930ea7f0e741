ALTER TABLE "published_stories" ADD COLUMN "agency" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "agency" text;