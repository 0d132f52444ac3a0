-- Hand-written (Prisma's schema language cannot express triggers or CHECK constraints).
-- Plain SQL without BEGIN/COMMIT: lib/db/migrate.ts runs it in one transaction with its _prisma_migrations row.

-- A history row belongs to exactly one figure or one task report.
ALTER TABLE "ValueEvent"
    ADD CONSTRAINT "ValueEvent_one_subject_check" CHECK (("valueId" IS NULL) <> ("taskReportId" IS NULL));

-- Months are 'YYYY-MM', as on IndicatorValue.
ALTER TABLE "Submission"
    ADD CONSTRAINT "Submission_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "TaskReport"
    ADD CONSTRAINT "TaskReport_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "Reminder"
    ADD CONSTRAINT "Reminder_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

-- Versions only move forward from 1; a lead unit's report carries a progress status once it has text.
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_version_check" CHECK ("version" >= 1);
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_version_check" CHECK ("version" >= 1);
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_version_check" CHECK ("version" >= 1);
ALTER TABLE "TaskReport"
    ADD CONSTRAINT "TaskReport_progress_lead_only_check" CHECK ("progress" IS NULL OR "role" = 'lead');

-- Figures are never negative (counts, amounts, shares, ranks); the per-indicator rules live in the application.
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_value_nonnegative_check" CHECK ("value" >= 0);

-- The history of a figure is append-only: no UPDATE, no TRUNCATE, and no DELETE except the cascade that removes
-- a figure together with its history (demo data removal). A cascade runs inside the parent's referential-action
-- trigger, so it arrives here at trigger depth 2; a direct DELETE arrives at depth 1.
CREATE FUNCTION "ValueEvent_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ValueEvent is append-only: % is not allowed', TG_OP
        USING HINT = 'History rows can only be inserted.';
END;
$$;

CREATE TRIGGER "ValueEvent_no_update_delete"
    BEFORE UPDATE OR DELETE ON "ValueEvent"
    FOR EACH ROW EXECUTE FUNCTION "ValueEvent_append_only"();

CREATE TRIGGER "ValueEvent_no_truncate"
    BEFORE TRUNCATE ON "ValueEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "ValueEvent_append_only"();
