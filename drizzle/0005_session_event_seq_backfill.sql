-- Existing events get their per-session sequence in the order they were written.
UPDATE "session_events" AS e
SET "seq" = numbered.seq
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "session_id" ORDER BY "id") AS seq
  FROM "session_events"
) AS numbered
WHERE e."id" = numbered."id";
