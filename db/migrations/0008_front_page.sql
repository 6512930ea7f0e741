CREATE TABLE "front_page_slots" (
	"story_id" integer PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"pinned_by_id" integer NOT NULL,
	"pinned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "front_page_slots" ADD CONSTRAINT "front_page_slots_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_slots" ADD CONSTRAINT "front_page_slots_pinned_by_id_users_id_fk" FOREIGN KEY ("pinned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;