-- The registry gets a district of its own (issue 16): every firm belongs to one plan, so that a city's districts can
-- share one database and each district's registry reads, counts and imports only its own firms.
--
-- Backfill, in order: the plan of the firm's town; else of its park; else the current plan (the one loaded first,
-- which the app serves: until now every district-wide viewer saw every firm as that plan's registry, so that is where
-- a firm with neither a town nor a park already appeared). A database holding firms but no plan at all cannot be
-- backfilled and stops here with a message (load a plan into another database and import the lists there).
ALTER TABLE "Enterprise" ADD COLUMN "planId" TEXT;

UPDATE "Enterprise" e SET "planId" = u."planId" FROM "Unit" u WHERE u.id = e."townUnitId";
UPDATE "Enterprise" e SET "planId" = u."planId" FROM "Unit" u WHERE u.id = e."parkUnitId" AND e."planId" IS NULL;
UPDATE "Enterprise" SET "planId" = (SELECT id FROM "Plan" ORDER BY "loadedAt", id LIMIT 1) WHERE "planId" IS NULL;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Enterprise" WHERE "planId" IS NULL) THEN
    RAISE EXCEPTION 'The enterprise registry holds firms but no plan is loaded: they cannot be given a district';
  END IF;
END $$;

-- A park of another plan than the firm's town cannot be right (both came from one district's lists): the town wins.
UPDATE "Enterprise" e SET "parkUnitId" = NULL FROM "Unit" u WHERE u.id = e."parkUnitId" AND u."planId" <> e."planId";

-- The updates queued the data-version trigger (deferred); fire it now, or PostgreSQL refuses to alter the table.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "Enterprise" ALTER COLUMN "planId" SET NOT NULL;

-- The credit code is unique within a plan: each district keeps its own list, and one district's import must never
-- match (and update) another district's row.
DROP INDEX "Enterprise_creditCode_key";
CREATE UNIQUE INDEX "Enterprise_planId_creditCode_key" ON "Enterprise"("planId", "creditCode");

ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
