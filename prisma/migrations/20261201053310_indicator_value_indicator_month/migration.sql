-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_month_idx" ON "IndicatorValue"("indicatorId", "month");
