DROP INDEX "session_events_session_idx";--> statement-breakpoint
ALTER TABLE "session_events" ALTER COLUMN "seq" DROP DEFAULT;--> statement-breakpoint
CREATE UNIQUE INDEX "session_events_session_seq_idx" ON "session_events" USING btree ("session_id","seq");