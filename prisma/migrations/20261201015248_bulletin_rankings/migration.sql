-- CreateEnum
CREATE TYPE "BulletinStatus" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "TargetShare" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "effectiveFrom" VARCHAR(7) NOT NULL,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "TargetShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankingRule" (
    "id" SERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "ruleNo" INTEGER NOT NULL,
    "effectiveFrom" VARCHAR(7) NOT NULL,
    "rule" JSONB NOT NULL,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "RankingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" SERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "issueNo" INTEGER NOT NULL,
    "status" "BulletinStatus" NOT NULL DEFAULT 'draft',
    "foreword" TEXT NOT NULL DEFAULT '',
    "remarks" TEXT NOT NULL DEFAULT '',
    "content" JSONB,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" INTEGER,
    "publishedByName" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TargetShare_indicatorId_unitId_year_effectiveFrom_key" ON "TargetShare"("indicatorId", "unitId", "year", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RankingRule_planId_ruleNo_key" ON "RankingRule"("planId", "ruleNo");

-- CreateIndex
CREATE UNIQUE INDEX "RankingRule_planId_effectiveFrom_key" ON "RankingRule"("planId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_planId_month_key" ON "Bulletin"("planId", "month");

-- AddForeignKey
ALTER TABLE "TargetShare" ADD CONSTRAINT "TargetShare_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetShare" ADD CONSTRAINT "TargetShare_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: the data-version triggers every table carries (see 20261129171559_data_version).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['TargetShare', 'RankingRule', 'Bulletin']
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version', t, 'dashboard');
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version_truncate', t, 'dashboard');
    END LOOP;
END;
$$;
