// Row ids generated in code, for set-based SQL that bypasses Prisma's client-side @default(cuid()):
// bulk inserts in the cooperative import (lib/cooperatives/import.ts) and the seed (prisma/seed/factories.ts).
// Not "server-only" so scripts (tsx) and vitest can import it.
import { randomInt } from "node:crypto";

const ID_FINGERPRINT = randomInt(0, 36 ** 4)
  .toString(36)
  .padStart(4, "0");
let idCounter = randomInt(0, 36 ** 4);

/** A new id in the shape of Prisma's cuid() default ("c" + time + counter + fingerprint + random, 25 chars). */
export function newId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  return (
    "c" +
    Date.now().toString(36).padStart(8, "0").slice(-8) +
    idCounter.toString(36).padStart(4, "0") +
    ID_FINGERPRINT +
    randomInt(0, 36 ** 8)
      .toString(36)
      .padStart(8, "0")
  );
}
