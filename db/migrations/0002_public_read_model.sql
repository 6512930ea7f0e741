CREATE TABLE "published_stories" (
	"story_id" integer PRIMARY KEY NOT NULL,
	"section_id" integer NOT NULL,
	"slug" text NOT NULL,
	"revision_id" integer NOT NULL,
	"headline" text NOT NULL,
	"standfirst" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text NOT NULL,
	"first_published_at" timestamp with time zone NOT NULL,
	"last_published_at" timestamp with time zone NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', headline || ' ' || standfirst || ' ' || body_text)) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_paths" (
	"section_slug" text NOT NULL,
	"slug" text NOT NULL,
	"story_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_paths_section_slug_slug_pk" PRIMARY KEY("section_slug","slug")
);
--> statement-breakpoint
ALTER TABLE "published_stories" ADD CONSTRAINT "published_stories_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_stories" ADD CONSTRAINT "published_stories_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_stories" ADD CONSTRAINT "published_stories_revision_id_story_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."story_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_paths" ADD CONSTRAINT "story_paths_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "published_stories_path_key" ON "published_stories" USING btree ("section_id","slug");--> statement-breakpoint
CREATE INDEX "published_stories_latest_idx" ON "published_stories" USING btree ("first_published_at","story_id");--> statement-breakpoint
CREATE INDEX "published_stories_section_latest_idx" ON "published_stories" USING btree ("section_id","first_published_at","story_id");--> statement-breakpoint
CREATE INDEX "published_stories_search_idx" ON "published_stories" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "story_paths_story_idx" ON "story_paths" USING btree ("story_id");