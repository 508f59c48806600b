-- Custom SQL migration file, put your code below! ---- Lines written before cost lines had a status: derive it from success and error.
UPDATE "generation_costs" SET "status" = CASE WHEN NOT "success" THEN 'failed'::cost_status WHEN "error" IS NOT NULL THEN 'not_kept'::cost_status ELSE 'charged'::cost_status END;
