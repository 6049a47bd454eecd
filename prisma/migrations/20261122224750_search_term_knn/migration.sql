-- CreateIndex
CREATE INDEX "SearchTerm_term_gist_idx" ON "SearchTerm" USING GIST ("term" gist_trgm_ops);
