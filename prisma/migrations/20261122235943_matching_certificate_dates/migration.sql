-- CreateIndex
CREATE INDEX "SupplierSearch_halalUntil_idx" ON "SupplierSearch"("halalUntil");

-- CreateIndex
CREATE INDEX "SupplierSearch_sniUntil_idx" ON "SupplierSearch"("sniUntil");

-- CreateIndex
CREATE INDEX "SupplierSearch_iso9001Until_idx" ON "SupplierSearch"("iso9001Until");

-- CreateIndex
CREATE INDEX "SupplierSearch_tkdnUntil_idx" ON "SupplierSearch"("tkdnUntil");

-- CreateIndex
CREATE INDEX "SupplierSearch_otherUntil_idx" ON "SupplierSearch"("otherUntil");
