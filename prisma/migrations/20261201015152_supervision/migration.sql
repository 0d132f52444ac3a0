-- CreateEnum
CREATE TYPE "SupervisionState" AS ENUM ('open', 'answered', 'returned', 'closed');

-- CreateEnum
CREATE TYPE "SupervisionUnitRole" AS ENUM ('lead', 'cooperating');

-- CreateEnum
CREATE TYPE "SupervisionEventKind" AS ENUM ('raised', 'answered', 'returned', 'extended', 'closed');

-- CreateTable
CREATE TABLE "SupervisionItem" (
    "id" SERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "targetKind" VARCHAR(32) NOT NULL,
    "targetId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "state" "SupervisionState" NOT NULL DEFAULT 'open',
    "dueDate" VARCHAR(10) NOT NULL,
    "originalDueDate" VARCHAR(10) NOT NULL,
    "cadenceDays" INTEGER,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "raisedById" INTEGER,
    "raisedByName" TEXT NOT NULL,
    "lastAnsweredAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupervisionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionUnit" (
    "itemId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "SupervisionUnitRole" NOT NULL,

    CONSTRAINT "SupervisionUnit_pkey" PRIMARY KEY ("itemId","unitId")
);

-- CreateTable
CREATE TABLE "SupervisionEvent" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "kind" "SupervisionEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" INTEGER,
    "actorName" TEXT NOT NULL,
    "unitId" INTEGER,
    "text" TEXT,
    "selfStatus" "TaskProgress",
    "attachments" JSONB,
    "dueDateBefore" VARCHAR(10),
    "dueDateAfter" VARCHAR(10),
    "version" INTEGER NOT NULL,

    CONSTRAINT "SupervisionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(48) NOT NULL,
    "unitId" INTEGER,
    "userId" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeDelivery" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "channel" VARCHAR(32) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "NoticeDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionItem_state_dueDate_idx" ON "SupervisionItem"("state", "dueDate");

-- CreateIndex
CREATE INDEX "SupervisionItem_raisedById_idx" ON "SupervisionItem"("raisedById");

-- CreateIndex
CREATE INDEX "SupervisionItem_targetKind_targetId_idx" ON "SupervisionItem"("targetKind", "targetId");

-- CreateIndex
CREATE INDEX "SupervisionUnit_unitId_idx" ON "SupervisionUnit"("unitId");

-- CreateIndex
CREATE INDEX "SupervisionEvent_itemId_at_idx" ON "SupervisionEvent"("itemId", "at");

-- CreateIndex
CREATE INDEX "Notice_unitId_createdAt_idx" ON "Notice"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "NoticeDelivery_status_idx" ON "NoticeDelivery"("status");

-- AddForeignKey
ALTER TABLE "SupervisionItem" ADD CONSTRAINT "SupervisionItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionUnit" ADD CONSTRAINT "SupervisionUnit_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupervisionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionUnit" ADD CONSTRAINT "SupervisionUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEvent" ADD CONSTRAINT "SupervisionEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupervisionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeDelivery" ADD CONSTRAINT "NoticeDelivery_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (Prisma's schema language cannot express triggers or CHECK constraints). Plain SQL without
-- BEGIN/COMMIT, objects unqualified: see 20261129124052_audit_append_only.

ALTER TABLE "SupervisionItem" ADD CONSTRAINT "SupervisionItem_cadence" CHECK ("cadenceDays" IS NULL OR "cadenceDays" BETWEEN 1 AND 90);
ALTER TABLE "SupervisionItem" ADD CONSTRAINT "SupervisionItem_dates" CHECK ("dueDate" ~ '^\d{4}-\d{2}-\d{2}$' AND "originalDueDate" ~ '^\d{4}-\d{2}-\d{2}$');
ALTER TABLE "SupervisionItem" ADD CONSTRAINT "SupervisionItem_closed" CHECK (("state" = 'closed') = ("closedAt" IS NOT NULL));
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_one_recipient" CHECK (("unitId" IS NULL) <> ("userId" IS NULL));
ALTER TABLE "NoticeDelivery" ADD CONSTRAINT "NoticeDelivery_status" CHECK ("status" IN ('pending', 'delivered', 'failed'));

-- The data-version triggers of 20261129171559_data_version, for the new tables. Supervision items appear on the
-- dashboards' unit and task pages ('dashboard'); notices and their deliveries do not ('anything').
DO $$
DECLARE
    t text;
    scope text;
BEGIN
    FOREACH t IN ARRAY ARRAY['SupervisionItem', 'SupervisionUnit', 'SupervisionEvent', 'Notice', 'NoticeDelivery']
    LOOP
        scope := CASE WHEN t IN ('Notice', 'NoticeDelivery') THEN 'anything' ELSE 'dashboard' END;
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version', t, scope);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version_truncate', t, scope);
    END LOOP;
END;
$$;
