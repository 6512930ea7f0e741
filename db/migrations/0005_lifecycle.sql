CREATE TYPE "public"."notification_kind" AS ENUM('approved', 'changes_requested', 'scheduled', 'published', 'submitted', 'wire_kill');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"story_id" integer,
	"actor_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "story_publications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "story_publications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"story_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"action" text NOT NULL,
	"correction" text,
	"actor_id" integer NOT NULL,
	"scheduled" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_publications" ADD CONSTRAINT "story_publications_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_publications" ADD CONSTRAINT "story_publications_revision_id_story_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."story_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_publications" ADD CONSTRAINT "story_publications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","id");--> statement-breakpoint
CREATE INDEX "story_publications_story_idx" ON "story_publications" USING btree ("story_id","id");--> statement-breakpoint
-- Hand-written: an agency kill or withdrawal notice tells every active editor and admin,
-- whichever code path recorded the alert (the wire_ingest function does, in SQL).
CREATE FUNCTION "notify_editors_of_wire_alert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "notifications" ("user_id", "kind", "story_id", "created_at")
  SELECT u."id", 'wire_kill', NEW."story_id", NEW."created_at"
  FROM "users" u
  WHERE u."active" AND u."role" IN ('editor', 'admin');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "story_wire_alerts_notify" AFTER INSERT ON "story_wire_alerts"
  FOR EACH ROW EXECUTE FUNCTION "notify_editors_of_wire_alert"();
