-- CreateIndex
CREATE INDEX "SupplierSearch_nameVector_idx" ON "SupplierSearch" USING GIN ("nameVector");

-- CreateIndex
CREATE INDEX "SupplierSearch_verified_organizationId_idx" ON "SupplierSearch"("verified" DESC, "organizationId");
