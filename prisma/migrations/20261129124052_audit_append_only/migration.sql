-- Hand-written (Prisma's schema language cannot express triggers or CHECK constraints).
-- Must stay plain SQL without BEGIN/COMMIT: lib/db/migrate.ts runs it in one transaction with its
-- _prisma_migrations row. Objects are unqualified so that they land in the connection's search_path schema.

-- AuditLog is append-only: rows are inserted, never changed or removed, by anyone including the application.
CREATE FUNCTION "AuditLog_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
        USING HINT = 'Audit records can only be inserted.';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "AuditLog_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();

-- CreateTrigger
CREATE TRIGGER "AuditLog_no_truncate"
    BEFORE TRUNCATE ON "AuditLog"
    FOR EACH STATEMENT EXECUTE FUNCTION "AuditLog_append_only"();

-- AddCheckConstraint: months are 'YYYY-MM' (annual figures use 'YYYY-12').
ALTER TABLE "IndicatorValue"
    ADD CONSTRAINT "IndicatorValue_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
