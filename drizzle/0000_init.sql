CREATE TYPE "public"."asset_type" AS ENUM('image', 'video', 'audio', 'final_video');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('created', 'image_generation', 'image_selection', 'clip_generation', 'clip_selection', 'final_composition', 'complete', 'failed');--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"stage" "stage" DEFAULT 'created' NOT NULL,
	"last_good_stage" "stage",
	"product_prompt" text,
	"video_prompt" text,
	"consistency_seed" bigint,
	"style_keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"clip_order" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"final_video_asset_id" uuid,
	"current_run_id" uuid,
	"last_request" jsonb,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_cost_micros" bigint DEFAULT 0 NOT NULL,
	"budget_micros" bigint NOT NULL,
	"reserved_micros" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"type" "asset_type" NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint DEFAULT 0 NOT NULL,
	"work_key" text,
	"view_type" text,
	"seed" bigint,
	"source_image_id" uuid,
	"duration" real,
	"width" integer,
	"height" integer,
	"fps" real,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	"model" text,
	"generation_ms" integer,
	"approved" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generation_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"stage" "stage" NOT NULL,
	"agent" text NOT NULL,
	"model" text NOT NULL,
	"cost_micros" bigint NOT NULL,
	"duration_ms" integer NOT NULL,
	"success" boolean NOT NULL,
	"error" text,
	"work_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_costs" ADD CONSTRAINT "generation_costs_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "sessions_user_created_idx" ON "sessions" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assets_session_type_idx" ON "assets" USING btree ("session_id","type","created_at");--> statement-breakpoint
CREATE INDEX "assets_storage_key_idx" ON "assets" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_session_work_key_unique" ON "assets" USING btree ("session_id","work_key") WHERE "assets"."work_key" is not null;--> statement-breakpoint
CREATE INDEX "generation_costs_session_idx" ON "generation_costs" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "generation_costs_success_work_key_unique" ON "generation_costs" USING btree ("session_id","work_key") WHERE "generation_costs"."success" and "generation_costs"."work_key" is not null;--> statement-breakpoint
CREATE INDEX "session_events_session_idx" ON "session_events" USING btree ("session_id","id");