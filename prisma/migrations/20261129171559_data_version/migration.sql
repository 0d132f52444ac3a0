-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "epoch" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "anything" BIGINT NOT NULL DEFAULT 0,
    "dashboard" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- Hand-written below (Prisma's schema language cannot express triggers or CHECK constraints). Plain SQL without
-- BEGIN/COMMIT, objects unqualified: see 20261129124052_audit_append_only.

-- Exactly one row, there from the start.
ALTER TABLE "DataVersion" ADD CONSTRAINT "DataVersion_single_row" CHECK ("id" = 1);
INSERT INTO "DataVersion" ("id") VALUES (1);

-- Moves the counters once per transaction, at its commit (the triggers are deferred): a reader that sees the new
-- count sees the transaction's rows too, since both become visible together, and a transaction that writes a
-- thousand rows moves them once. Every transaction updates the same single row, so the commit-time lock can never
-- be part of a deadlock cycle. The table is named through TG_TABLE_SCHEMA, not the search_path of whoever writes.
CREATE FUNCTION "DataVersion_bump"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    bump_anything boolean := coalesce(current_setting('app.data_version_anything', true), '') = '';
    bump_dashboard boolean := TG_ARGV[0] = 'dashboard'
        AND coalesce(current_setting('app.data_version_dashboard', true), '') = '';
BEGIN
    IF bump_anything OR bump_dashboard THEN
        EXECUTE format('UPDATE %I."DataVersion" SET "anything" = "anything" + $1, "dashboard" = "dashboard" + $2',
                       TG_TABLE_SCHEMA)
            USING bump_anything::int, bump_dashboard::int;
        -- Transaction-local: gone at commit or rollback.
        IF bump_anything THEN PERFORM set_config('app.data_version_anything', 'moved', true); END IF;
        IF bump_dashboard THEN PERFORM set_config('app.data_version_dashboard', 'moved', true); END IF;
    END IF;
    RETURN NULL;
END;
$$;

-- Every table but DataVersion itself. A table added later needs the same two triggers: tests/integration/
-- data-version.test.ts fails for any table without them.
DO $$
DECLARE
    t text;
    scope text;
BEGIN
    FOREACH t IN ARRAY ARRAY['Plan', 'Unit', 'UnitGroup', 'UnitGroupMember', 'Section', 'Task', 'TaskParty', 'Indicator',
        'Milestone', 'IndicatorReporter', 'IndicatorTask', 'IndicatorBreakdown', 'IndicatorValue', 'Submission',
        'TaskReport', 'ValueEvent', 'Reminder', 'ReminderReceipt', 'AppSetting',
        'User', 'Session', 'PasswordHistory', 'RecoveryCode', 'AuditLog']
    LOOP
        scope := CASE WHEN t IN ('User', 'Session', 'PasswordHistory', 'RecoveryCode', 'AuditLog') THEN 'anything' ELSE 'dashboard' END;
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version', t, scope);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version_truncate', t, scope);
    END LOOP;
END;
$$;
