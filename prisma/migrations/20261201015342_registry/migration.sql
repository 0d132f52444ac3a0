-- CreateEnum
CREATE TYPE "QualificationKind" AS ENUM ('tech_sme', 'high_tech', 'specialised', 'little_giant', 'cultivation', 'ipo_reserve', 'rd_institution');

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" SERIAL NOT NULL,
    "creditCode" VARCHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "townUnitId" INTEGER,
    "parkUnitId" INTEGER,
    "clusterTask" INTEGER,
    "aboveScale" BOOLEAN NOT NULL DEFAULT false,
    "foundedOn" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseFinancial" (
    "enterpriseId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "revenue" DECIMAL(20,4),
    "rdSpending" DECIMAL(20,4),
    "highTechRevenue" DECIMAL(20,4),
    "staff" INTEGER,
    "rdStaff" INTEGER,
    "grantedIp" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EnterpriseFinancial_pkey" PRIMARY KEY ("enterpriseId","year")
);

-- CreateTable
CREATE TABLE "Qualification" (
    "id" SERIAL NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "kind" "QualificationKind" NOT NULL,
    "level" TEXT,
    "year" INTEGER NOT NULL,
    "certificateNo" TEXT,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "endedOn" DATE,
    "renewalOfId" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryImportMapping" (
    "listKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistryImportMapping_pkey" PRIMARY KEY ("listKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_townUnitId_idx" ON "Enterprise"("townUnitId");

-- CreateIndex
CREATE INDEX "Enterprise_parkUnitId_idx" ON "Enterprise"("parkUnitId");

-- CreateIndex
CREATE INDEX "Qualification_kind_validUntil_idx" ON "Qualification"("kind", "validUntil");

-- CreateIndex
CREATE INDEX "Qualification_renewalOfId_idx" ON "Qualification"("renewalOfId");

-- CreateIndex
CREATE UNIQUE INDEX "Qualification_enterpriseId_kind_year_key" ON "Qualification"("enterpriseId", "kind", "year");

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_townUnitId_fkey" FOREIGN KEY ("townUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parkUnitId_fkey" FOREIGN KEY ("parkUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseFinancial" ADD CONSTRAINT "EnterpriseFinancial_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_renewalOfId_fkey" FOREIGN KEY ("renewalOfId") REFERENCES "Qualification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below (Prisma's schema language cannot express triggers or CHECK constraints).

-- The database backs the domain's rules: an 18-character code from the GB 32100-2015 alphabet (the check character
-- itself is verified by lib/registry/credit-code.ts on every write), and spans that do not end before they start.
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_creditCode_format" CHECK ("creditCode" ~ '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$');
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_span" CHECK ("validUntil" IS NULL OR "validUntil" >= "validFrom");
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_ended" CHECK ("endedOn" IS NULL OR "endedOn" >= "validFrom");

-- The registry feeds the dashboards (registry-computed counts): its writes move the `dashboard` data version.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['Enterprise', 'EnterpriseFinancial', 'Qualification', 'RegistryImportMapping']
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version', t, 'dashboard');
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"(%L)',
                       t || '_data_version_truncate', t, 'dashboard');
    END LOOP;
END;
$$;
