-- CreateTable
CREATE TABLE "HighTechCriteria" (
    "id" SERIAL NOT NULL,
    "documentNo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "rdShareSmall" DECIMAL(6,4) NOT NULL,
    "smallBandMax" DECIMAL(20,4) NOT NULL,
    "rdShareMid" DECIMAL(6,4) NOT NULL,
    "midBandMax" DECIMAL(20,4) NOT NULL,
    "rdShareLarge" DECIMAL(6,4) NOT NULL,
    "highTechRevenueShare" DECIMAL(6,4) NOT NULL,
    "rdStaffShare" DECIMAL(6,4) NOT NULL,
    "minGrantedIp" INTEGER NOT NULL,
    "minYearsFounded" INTEGER NOT NULL,
    "nearMargin" DECIMAL(6,4) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HighTechCriteria_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HighTechCriteria_documentNo_key" ON "HighTechCriteria"("documentNo");

-- Hand-written below.

-- Shares are fractions, bands ordered: the rule reads them as they are.
ALTER TABLE "HighTechCriteria" ADD CONSTRAINT "HighTechCriteria_shares" CHECK (
    "rdShareSmall" > 0 AND "rdShareSmall" < 1 AND "rdShareMid" > 0 AND "rdShareMid" < 1 AND "rdShareLarge" > 0 AND "rdShareLarge" < 1
    AND "highTechRevenueShare" > 0 AND "highTechRevenueShare" <= 1 AND "rdStaffShare" > 0 AND "rdStaffShare" <= 1
    AND "nearMargin" >= 0 AND "nearMargin" < 1 AND "smallBandMax" > 0 AND "midBandMax" > "smallBandMax");

-- The seed: 《高新技术企业认定管理办法》(国科发火〔2016〕32号) 第十一条, in force since 1 January 2016. Sales bands in 万元:
-- 5,000 万元（含）以下 5%; 5,000 万元至 2 亿元（含）4%; 2 亿元以上 3%. 高新技术产品（服务）收入 ≥ 60% of total income;
-- 科技人员 ≥ 10% of staff; core IP owned; registered at least one year. The near margin (20%) is the bureau's choice.
INSERT INTO "HighTechCriteria" ("documentNo", "title", "source", "effectiveFrom", "rdShareSmall", "smallBandMax", "rdShareMid", "midBandMax", "rdShareLarge",
                                "highTechRevenueShare", "rdStaffShare", "minGrantedIp", "minYearsFounded", "nearMargin", "createdAt")
-- Stamped with the rule's publication day, not the database's now(): every time the app stores comes from its clock
-- (lib/clock.ts), and a migration has no clock; a frozen demo clock must never see a row from its future.
VALUES ('国科发火〔2016〕32号', '高新技术企业认定管理办法',
        '第十一条（一）（二）（四）（五）（六）；科技部 财政部 国家税务总局 2016年1月29日印发，自2016年1月1日起施行',
        DATE '2016-01-01', 0.05, 5000, 0.04, 20000, 0.03, 0.60, 0.10, 1, 1, 0.20, TIMESTAMPTZ '2016-01-29 00:00:00+08');

-- It feeds the gap view, which the dashboards' data version covers.
CREATE CONSTRAINT TRIGGER "HighTechCriteria_data_version" AFTER INSERT OR UPDATE OR DELETE ON "HighTechCriteria"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "DataVersion_bump"('dashboard');
CREATE TRIGGER "HighTechCriteria_data_version_truncate" AFTER TRUNCATE ON "HighTechCriteria"
    FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"('dashboard');
