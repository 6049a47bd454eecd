-- Issue 11 item 6: every API token has a scope and an expiry.
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'read write');

-- Existing tokens keep what they could do (read and write).
ALTER TABLE "ApiToken" ADD COLUMN     "scope" "ApiTokenScope" NOT NULL DEFAULT 'read write';

-- Tokens made without an expiry get one: a year after they were made (the new maximum), but never less
-- than 30 days from this migration, so an integration that has used one for a long time keeps working
-- for a month after the upgrade while its owner makes a new token (the token list shows the date).
UPDATE "ApiToken"
SET "expiresAt" = GREATEST("createdAt" + INTERVAL '365 days', CURRENT_TIMESTAMP + INTERVAL '30 days')
WHERE "expiresAt" IS NULL;

ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;
