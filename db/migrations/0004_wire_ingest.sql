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
CREATE TABLE "wire_facets" (
	"kind" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "wire_facets_kind_value_pk" PRIMARY KEY("kind","value")
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
	"item" json,
	"latest" boolean DEFAULT true NOT NULL,
	"previous_id" integer,
	"channel" "wire_channel" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"search_vector" "tsvector"
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
CREATE INDEX "wire_items_rejected_file_idx" ON "wire_items" USING btree ("file_id") WHERE status = 'rejected';--> statement-breakpoint
CREATE INDEX "wire_items_search_idx" ON "wire_items" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_source_wire_item_id_wire_items_id_fk" FOREIGN KEY ("source_wire_item_id") REFERENCES "public"."wire_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written. Ingest of a batch of parsed files in one round trip. On the embedded
-- database a call costs ~2.5 ms before it does anything (protocol, planning, storing the
-- file) while each item inside costs ~1 ms, so files are sent in batches (lib/wire/ingest.ts
-- groups concurrent and bulk ingests) and each item takes as few statements as the rules
-- allow. The semantics are those of lib/wire/ingest.ts, whose tests exercise this function.
--   p_files: [{sha256, size, filename, channel, source, receivedAt, reject}] with p_bytes
--            (each file deflated, one parameter each); reject is the reason a file could
--            not be read (it is then stored with a `rejected` row and no items).
--   p_items: [{fileIndex, …promoted fields}] with p_documents (each normalized item as
--            JSON text, stored as is) and p_lexemes (its search words as a tsvector).
CREATE FUNCTION "wire_ingest"(
  p_files jsonb, p_bytes bytea[], p_items jsonb, p_documents text[], p_lexemes text[], p_facets jsonb,
  p_lock boolean
) RETURNS TABLE (file_index integer, item_id integer, outcome text) LANGUAGE plpgsql
-- Plan each lookup for the table as it is now: a plan cached while wire_items was nearly
-- empty is a sequential scan, and ingest slowed down with every row (1 ms → 3.6 ms/item
-- over the first 10,000).
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  v_file jsonb;
  v_file_ids integer[] := '{}';
  v_file_id integer;
  v_received_at timestamptz;
  v_channel "wire_channel";
  v_item jsonb;
  v_agency text;
  v_guid text;
  v_version integer;
  v_row record;
  v_same_id integer;
  v_same_hash text;
  v_same_status text;
  v_newest_id integer;
  v_newest_version integer;
  v_copy_id integer;
  v_id integer;
  v_is_newest boolean;
  v_index integer := 0;
  v_file_index integer := 0;
BEGIN
  FOR v_file IN SELECT value FROM jsonb_array_elements(p_files) LOOP
    v_file_index := v_file_index + 1;
    v_file_id := NULL;
    INSERT INTO "wire_files" ("sha256", "bytes", "size", "filename", "channel", "source", "received_at")
    VALUES (v_file->>'sha256', p_bytes[v_file_index], (v_file->>'size')::integer, v_file->>'filename',
      (v_file->>'channel')::"wire_channel",
      v_file->>'source', (v_file->>'receivedAt')::timestamptz)
    ON CONFLICT ("sha256") DO NOTHING RETURNING "id" INTO v_file_id;
    IF v_file_id IS NULL THEN
      SELECT "id" INTO v_file_id FROM "wire_files" WHERE "sha256" = v_file->>'sha256';
    END IF;
    v_file_ids := v_file_ids || v_file_id;
    IF v_file->>'reject' IS NOT NULL THEN
      -- The same unreadable file twice is one rejected row, not two.
      v_id := NULL;
      SELECT "id" INTO v_id FROM "wire_items" WHERE "file_id" = v_file_id AND "status" = 'rejected' LIMIT 1;
      IF v_id IS NULL THEN
        INSERT INTO "wire_items" ("file_id", "status", "reject_reason", "channel", "received_at")
        VALUES (v_file_id, 'rejected', v_file->>'reject', (v_file->>'channel')::"wire_channel",
          (v_file->>'receivedAt')::timestamptz)
        RETURNING "id" INTO v_id;
      END IF;
      file_index := v_file_index; item_id := v_id; outcome := 'rejected'; RETURN NEXT;
    END IF;
  END LOOP;

  -- Filter values not seen before (the caller knows which ones it has already sent).
  IF jsonb_array_length(p_facets) > 0 THEN
    INSERT INTO "wire_facets" ("kind", "value")
    SELECT f->>0, f->>1 FROM jsonb_array_elements(p_facets) AS f
    ON CONFLICT DO NOTHING;
  END IF;

  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    v_index := v_index + 1;
    file_index := (v_item->>'fileIndex')::integer;
    v_file := p_files->(file_index - 1);
    v_file_id := v_file_ids[file_index];
    v_received_at := (v_file->>'receivedAt')::timestamptz;
    v_channel := (v_file->>'channel')::"wire_channel";
    v_agency := v_item->>'agency';
    v_guid := v_item->>'guid';
    v_version := (v_item->>'version')::integer;
    -- Two copies of one story arriving at once on PostgreSQL (two channels, two
    -- instances) are serialized; the embedded database has one connection anyway.
    IF p_lock THEN
      PERFORM pg_advisory_xact_lock(hashtext('wire:' || v_agency || ':' || v_guid));
    END IF;
    v_same_id := NULL;
    v_newest_id := NULL;
    FOR v_row IN
      SELECT "id", "version", "content_hash", "pub_status"::text AS pub_status FROM "wire_items"
      WHERE "agency" = v_agency AND "guid" = v_guid ORDER BY "version" DESC
    LOOP
      IF v_newest_id IS NULL THEN
        v_newest_id := v_row.id;
        v_newest_version := v_row.version;
      END IF;
      IF v_row.version = v_version THEN
        v_same_id := v_row.id;
        v_same_hash := v_row.content_hash;
        v_same_status := v_row.pub_status;
      END IF;
    END LOOP;

    IF v_same_id IS NOT NULL THEN
      IF v_same_hash = v_item->>'contentHash' AND v_same_status = v_item->>'pubStatus' THEN
        item_id := v_same_id; outcome := 'duplicate'; RETURN NEXT; CONTINUE;
      END IF;
      -- Same version, different text or status (a kill re-sent without a new version):
      -- the newer copy wins; the older file stays in wire_files.
      UPDATE "wire_items" SET
        "file_id" = v_file_id, "format" = v_item->>'format', "pub_status" = (v_item->>'pubStatus')::"wire_pub_status",
        "urgency" = (v_item->>'urgency')::integer, "headline" = v_item->>'headline',
        "language" = v_item->>'language', "section" = v_item->>'section',
        "embargo_until" = (v_item->>'embargoUntil')::timestamptz,
        "version_created" = (v_item->>'versionCreated')::timestamptz,
        "body_text" = v_item->>'bodyText', "content_hash" = v_item->>'contentHash', "item" = p_documents[v_index]::json,
        "search_vector" = p_lexemes[v_index]::tsvector, "channel" = v_channel, "received_at" = v_received_at
      WHERE "id" = v_same_id;
      v_id := v_same_id;
      outcome := 'updated';
    ELSE
      IF v_newest_id IS NULL THEN
        -- The same story re-sent under another id (feeds do this) is a duplicate too.
        v_copy_id := NULL;
        SELECT "id" INTO v_copy_id FROM "wire_items"
        WHERE "agency" = v_agency AND "content_hash" = v_item->>'contentHash'
          AND "pub_status"::text = v_item->>'pubStatus' AND "guid" <> v_guid
        LIMIT 1;
        IF v_copy_id IS NOT NULL THEN
          item_id := v_copy_id; outcome := 'duplicate'; RETURN NEXT; CONTINUE;
        END IF;
      END IF;
      v_is_newest := v_newest_id IS NULL OR v_version > v_newest_version;

      INSERT INTO "wire_items" ("file_id", "status", "format", "agency", "guid", "version", "pub_status", "urgency",
        "headline", "language", "section", "embargo_until", "version_created", "body_text", "content_hash", "item",
        "search_vector", "latest", "previous_id", "channel", "received_at")
      VALUES (v_file_id, 'new', v_item->>'format', v_agency, v_guid, v_version,
        (v_item->>'pubStatus')::"wire_pub_status", (v_item->>'urgency')::integer, v_item->>'headline',
        v_item->>'language', v_item->>'section', (v_item->>'embargoUntil')::timestamptz,
        (v_item->>'versionCreated')::timestamptz, v_item->>'bodyText', v_item->>'contentHash',
        p_documents[v_index]::json, p_lexemes[v_index]::tsvector, v_is_newest,
        CASE WHEN v_is_newest THEN v_newest_id END, v_channel, v_received_at)
      RETURNING "id" INTO v_id;
      IF v_newest_id IS NOT NULL AND v_is_newest THEN
        UPDATE "wire_items" SET "latest" = false WHERE "id" = v_newest_id;
      END IF;
      outcome := CASE WHEN v_newest_id IS NULL THEN 'new' ELSE 'updated' END;
    END IF;

    -- A kill or withdrawal notice alerts every story made from any version of the item.
    IF v_item->>'pubStatus' <> 'usable' THEN
      INSERT INTO "story_wire_alerts" ("story_id", "wire_item_id", "kind", "created_at")
      SELECT s."id", v_id, (v_item->>'pubStatus')::"wire_alert_kind", v_received_at
      FROM "stories" s JOIN "wire_items" w ON w."id" = s."source_wire_item_id"
      WHERE w."agency" = v_agency AND w."guid" = v_guid
      ON CONFLICT DO NOTHING;
    END IF;
    item_id := v_id;
    RETURN NEXT;
  END LOOP;
END $$;
