CREATE TYPE "public"."cost_status" AS ENUM('pending', 'charged', 'failed', 'not_kept', 'interrupted');--> statement-breakpoint
ALTER TABLE "generation_costs" ADD COLUMN "status" "cost_status" DEFAULT 'charged' NOT NULL;--> statement-breakpoint
ALTER TABLE "generation_costs" ADD COLUMN "attempt_id" uuid;--> statement-breakpoint
ALTER TABLE "generation_costs" ADD COLUMN "estimate_micros" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "generation_costs" ADD COLUMN "prediction_id" text;--> statement-breakpoint
CREATE INDEX "generation_costs_pending_idx" ON "generation_costs" USING btree ("attempt_id") WHERE "generation_costs"."status" = 'pending';