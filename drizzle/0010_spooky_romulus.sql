ALTER TABLE "generation_costs" ADD COLUMN "billing_refs" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "generation_costs" ADD COLUMN "settled_at" timestamp with time zone;