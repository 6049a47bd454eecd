// Read replicas (issue 14, ADR 0035): the named read-only paths read a replica, writes and a user's own
// reads the primary. PostgreSQL only. The "replica" is a second database on the same server holding
// DIFFERENT data, so every assertion shows which database answered: if routing breaks (a read path stops
// using readReplica(), or a write or an own read goes to the replica) a test here fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReplica, setDb, setReadReplicas } from "@/lib/db";
import { createPostgresClient } from "@/lib/db/client";
import { getRecommendedRfqs, getRfqMatches } from "@/lib/matching/service";
import { createProduct as createOwnProduct, listOwnProducts } from "@/lib/products/catalogue";
import { productCreateSchema } from "@/lib/products/schemas";
import { getPublicSummary } from "@/lib/stats/public-summary";
import { getDirectoryProfile } from "@/lib/suppliers/directory-profile";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";
import { actAs } from "@/tests/helpers/act-as";
import { createTestDatabase, testBackend, useTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createBuyer, createProduct, createRfq, createUmkm, dateInDays } from "@/tests/helpers/factories";

const t = useTestDatabase();
const onPostgres = () => testBackend() === "postgres";

let replica: TestDatabase | null = null;
let primaryUmkm: Awaited<ReturnType<typeof createUmkm>>;
let replicaUmkm: Awaited<ReturnType<typeof createUmkm>>;

const searchNames = async (q: string) => (await searchSuppliers(supplierSearchQuery.parse({ q }))).data.map((s) => s.name);

beforeAll(async () => {
  if (!onPostgres()) return;
  replica = await createTestDatabase();
  // The same id on both sides would hide a wrong route: the primary and the "replica" hold different UMKM.
  primaryUmkm = await createUmkm(t.db, { name: "UD Batik Primer", regencyCode: "33.75", kbliCodes: ["13134"] });
  await createProduct(t.db, primaryUmkm.organization.id, { name: "Kain batik tulis", kbliCode: "13134" });
  replicaUmkm = await createUmkm(replica.db, { name: "CV Batik Replika", regencyCode: "33.75", kbliCodes: ["13134"] });
  await createProduct(replica.db, replicaUmkm.organization.id, { name: "Kain batik cap", kbliCode: "13134" });
  await createUmkm(replica.db, { name: "UD Batik Kedua Replika", regencyCode: "32.73", kbliCodes: ["13134"] });
  setReadReplicas([{ client: replica.db, label: "replica" }]);
});

afterAll(async () => {
  if (!replica) return;
  setDb(t.db); // forget the router before its client closes
  await replica.release(); // the run's teardown drops it
});

describe.runIf(onPostgres())("with DATABASE_REPLICA_URLS (a second database holding other data)", () => {
  it("the directory search reads the replica", async () => {
    expect(await searchNames("batik")).toEqual(expect.arrayContaining(["CV Batik Replika", "UD Batik Kedua Replika"]));
    expect(await searchNames("batik")).not.toContain("UD Batik Primer");
  });

  it("a supplier's public page reads the replica", async () => {
    expect((await getDirectoryProfile(replicaUmkm.organization.id))?.hit.name).toBe("CV Batik Replika");
    expect(await getDirectoryProfile(primaryUmkm.organization.id)).toBeNull();
  });

  it("the landing page's figures read the replica", async () => {
    expect((await getPublicSummary()).umkmRegistered).toBe(2);
  });

  it("matching: the buyer's own RFQ from the primary, the candidate UMKM from the replica", async () => {
    const buyer = await createBuyer(t.db, { name: "PT Pembeli Primer" });
    const rfq = await createRfq(t.db, buyer.organization.id, {
      title: "Pengadaan kain batik seragam",
      kbliCode: "13134",
      deliveryRegencyCode: "33.74",
      deadline: dateInDays(21),
      items: [{ name: "Kain batik cap", quantity: 50, unit: "lembar" }],
    });
    expect(await replica!.db.rfq.count({ where: { id: rfq.id } })).toBe(0); // only the primary has it
    const res = await getRfqMatches(await actAs(buyer.owner), rfq.id);
    const names = [...res.matches, ...res.almostQualified].map((m) => m.supplier.name);
    expect(names).toContain("CV Batik Replika");
    expect(names).not.toContain("UD Batik Primer");
  });

  it("a write lands on the primary and the writer's own reads see it at once", async () => {
    const owner = await actAs(primaryUmkm.owner);
    const created = await createOwnProduct(
      owner,
      productCreateSchema.parse({
        name: "Selendang batik sutra",
        kbli: "13134",
        unit: "lembar",
        priceMinIdr: "100000",
        priceMaxIdr: "200000",
      }),
    );
    expect(await t.db.product.count({ where: { id: created.id } })).toBe(1);
    expect(await replica!.db.product.count({ where: { id: created.id } })).toBe(0);
    const own = await listOwnProducts(owner);
    expect(own.map((p) => p.name)).toContain("Selendang batik sutra");
  });

  it("anything but a read sent through readReplica() runs on the primary", async () => {
    await readReplica().$executeRaw`UPDATE "Organization" SET name = 'UD Batik Primer Baru' WHERE id = ${primaryUmkm.organization.id}`;
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: primaryUmkm.organization.id } })).name).toBe("UD Batik Primer Baru");
    const viaReplica = await readReplica().organization.findUnique({ where: { id: primaryUmkm.organization.id } });
    expect(viaReplica).toBeNull(); // …while its reads still go to the replica
  });

  it("an UMKM's recommended RFQs: who may see an RFQ is decided on the primary, not on a replica behind it", async () => {
    // A replica that is behind answers the candidate query with an invited-only RFQ the UMKM can no longer see
    // (its invitation withdrawn, or it left the cluster) — stood in for by a client answering with that id.
    const buyer = await createBuyer(t.db, { name: "PT Pembeli Undangan" });
    const hidden = await createRfq(t.db, buyer.organization.id, {
      title: "Kain batik tulis untuk undangan terbatas",
      kbliCode: "13134",
      visibility: "invited",
      deliveryRegencyCode: "33.75",
      deadline: dateInDays(14),
      items: [{ name: "Kain batik tulis", quantity: 20, unit: "lembar" }],
    });
    const behind = new Proxy(t.db, {
      get: (target, prop, receiver) =>
        prop === "$queryRaw" ? async () => [{ id: hidden.id }] : (Reflect.get(target, prop, receiver) as unknown),
    });
    setReadReplicas([{ client: behind, label: "behind" }]);
    try {
      const recommended = await getRecommendedRfqs(await actAs(primaryUmkm.owner), primaryUmkm.organization.id);
      expect(recommended.map((r) => r.rfq.id)).not.toContain(hidden.id);
    } finally {
      setReadReplicas([{ client: replica!.db, label: "replica" }]);
    }
  });

  it("a replica that does not answer: reads go to the primary, without an error", async () => {
    const unreachable = createPostgresClient("postgresql://postgres@127.0.0.1:1/nothing_listens_here", 1);
    const router = setReadReplicas([{ client: unreachable, label: "down" }]);
    try {
      expect(await searchNames("batik")).toContain("UD Batik Primer Baru");
      expect(router.healthy()).toEqual([]);
    } finally {
      await router.close();
      setReadReplicas([{ client: replica!.db, label: "replica" }]);
    }
  });
});

describe.runIf(!onPostgres())("on the embedded database", () => {
  it("readReplica() is the primary", async () => {
    const u = await createUmkm(t.db, { name: "UD Satu Basis", regencyCode: "33.75", kbliCodes: ["13134"] });
    expect((await getDirectoryProfile(u.organization.id))?.hit.name).toBe("UD Satu Basis");
  });
});
