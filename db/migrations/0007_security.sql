CREATE TYPE "public"."admin_event_kind" AS ENUM('user_created', 'user_renamed', 'user_role_changed', 'user_deactivated', 'user_activated', 'user_password_changed', 'token_created', 'token_revoked', 'media_uploaded');--> statement-breakpoint
CREATE TABLE "admin_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admin_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "admin_event_kind" NOT NULL,
	"actor_id" integer,
	"user_id" integer,
	"subject" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "story_locks" ADD COLUMN "holder_session" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "story_locks" ADD COLUMN "previous_holder_session" text;--> statement-breakpoint
ALTER TABLE "admin_events" ADD CONSTRAINT "admin_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_events" ADD CONSTRAINT "admin_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;