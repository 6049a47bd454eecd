-- CreateTable
CREATE TABLE "InstallationMarker" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstallationMarker_pkey" PRIMARY KEY ("key")
);

-- A database seeded with the demo data before this marker existed: the demo seed's platform admin is
-- there (no sign-up can make a platform organization, so nobody can fake this with a registration).
INSERT INTO "InstallationMarker" ("key")
SELECT 'demo-data'
WHERE EXISTS (
  SELECT 1
  FROM "User" u
  JOIN "Membership" m ON m."userId" = u.id
  JOIN "Organization" o ON o.id = m."organizationId"
  WHERE u.email = 'admin@demo.rantai.id' AND o.type = 'platform'
);
