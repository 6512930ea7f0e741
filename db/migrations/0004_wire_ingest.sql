CREATE TYPE "public"."wire_alert_kind" AS ENUM('canceled', 'withheld');--> statement-breakpoint
CREATE TYPE "public"."wire_channel" AS ENUM('upload', 'api', 'inbox', 'seed');--> statement-breakpoint
CREATE TYPE "public"."wire_pub_status" AS ENUM('usable', 'withheld', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."wire_status" AS ENUM('new', 'used', 'rejected');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "story_wire_alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "story_wire_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"story_id" integer NOT NULL,
	"wire_item_id" integer NOT NULL,
	"kind" "wire_alert_kind" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "wire_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wire_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"filename" text,
	"channel" "wire_channel" NOT NULL,
	"source" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wire_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wire_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_id" integer NOT NULL,
	"status" "wire_status" DEFAULT 'new' NOT NULL,
	"reject_reason" text,
	"format" text,
	"agency" text DEFAULT '' NOT NULL,
	"guid" text,
	"version" integer,
	"pub_status" "wire_pub_status",
	"urgency" integer,
	"headline" text,
	"language" text,
	"section" text,
	"embargo_until" timestamp with time zone,
	"version_created" timestamp with time zone,
	"body_text" text DEFAULT '' NOT NULL,
	"content_hash" text,
	"item" jsonb,
	"latest" boolean DEFAULT true NOT NULL,
	"previous_id" integer,
	"channel" "wire_channel" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(headline, '') || ' ' || body_text)) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "dateline" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "dateline" text;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_wire_alerts" ADD CONSTRAINT "story_wire_alerts_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_wire_alerts" ADD CONSTRAINT "story_wire_alerts_wire_item_id_wire_items_id_fk" FOREIGN KEY ("wire_item_id") REFERENCES "public"."wire_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_wire_alerts" ADD CONSTRAINT "story_wire_alerts_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wire_items" ADD CONSTRAINT "wire_items_file_id_wire_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."wire_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wire_items" ADD CONSTRAINT "wire_items_previous_id_wire_items_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."wire_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "story_wire_alerts_key" ON "story_wire_alerts" USING btree ("story_id","wire_item_id");--> statement-breakpoint
CREATE INDEX "story_wire_alerts_open_idx" ON "story_wire_alerts" USING btree ("handled_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wire_files_sha256_key" ON "wire_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "wire_items_identity_key" ON "wire_items" USING btree ("agency","guid","version");--> statement-breakpoint
CREATE INDEX "wire_items_queue_idx" ON "wire_items" USING btree ("latest","received_at","id");--> statement-breakpoint
CREATE INDEX "wire_items_content_idx" ON "wire_items" USING btree ("agency","content_hash");--> statement-breakpoint
CREATE INDEX "wire_items_file_idx" ON "wire_items" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "wire_items_search_idx" ON "wire_items" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_source_wire_item_id_wire_items_id_fk" FOREIGN KEY ("source_wire_item_id") REFERENCES "public"."wire_items"("id") ON DELETE no action ON UPDATE no action;