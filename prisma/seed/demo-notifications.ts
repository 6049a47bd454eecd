// Demo notifications, so the demo accounts find a few on first sign-in (some unread, some read), each about
// something that really is in the demo data: the Tegal workshop's invitation to the fabrication RFQ, quotes
// received on the wearpack RFQ, the batik workshop's active agreement and its payment, the cooperative's
// agreement proposal, the bank's financing request, and an invitation of the batik workshop to the
// batik-souvenir RFQ (recorded as a real invitation).
//
// In-app rows only (no outbox emails: nobody was mailed before the demo started). Texts are not stored:
// they render from `type` + `params` in each reader's language. Things are looked up by the demo's own
// names; one that is missing is skipped, never failing the seed.
import type { Prisma } from "@/lib/db/generated/client";
import type { DbClient } from "./factories";

type Row = Prisma.NotificationCreateManyInput;

const date = (d: Date) => ({ $date: d.toISOString() });
const idr = (v: bigint) => ({ $idr: v.toString() });

export async function seedDemoNotifications(tx: DbClient, now: Date = new Date()): Promise<number> {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const userOf = async (email: string) => (await tx.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
  const orgOf = async (name: string) => (await tx.organization.findFirst({ where: { name }, select: { id: true, name: true } })) ?? null;
  const rfqOf = async (title: string) =>
    (await tx.rfq.findFirst({ where: { title }, select: { id: true, title: true, deadline: true, buyerId: true } })) ?? null;
  const agreementOf = async (title: string) =>
    (await tx.agreement.findFirst({ where: { title }, select: { id: true, number: true, title: true } })) ?? null;

  const [umkm, umkm2, buyer, koperasi, bank] = await Promise.all(
    ["umkm@demo.rantai.id", "umkm2@demo.rantai.id", "buyer@demo.rantai.id", "koperasi@demo.rantai.id", "bank@demo.rantai.id"].map(userOf),
  );
  const [batik, metal, energy, coop, bankOrg] = await Promise.all(
    [
      "CV Batik Sekar Jagad",
      "UD Logam Presisi Tegal",
      "PT Energi Nusantara (Persero)",
      "Koperasi Produsen Batik Sekar Pesisir",
      "PT Bank Mitra Usaha Nusantara",
    ].map(orgOf),
  );
  const [rfqBatik, rfqFabrication, rfqWearpack] = await Promise.all(
    [
      "Kain batik dan suvenir batik untuk HUT perusahaan",
      "Fabrikasi pipe support dan flange untuk terminal BBM Balikpapan",
      "Pengadaan wearpack dan seragam kerja lapangan 2027",
    ].map(rfqOf),
  );
  const [agBatik, agCoop, agPump] = await Promise.all(
    [
      "Pasokan kain batik seragam karyawan 2026–2027",
      "Suvenir batik tulis untuk tamu perusahaan",
      "Pembuatan suku cadang pompa transfer BBM",
    ].map(agreementOf),
  );

  const rows: Row[] = [];
  const add = (userId: string | null, organizationId: string | undefined, row: Omit<Row, "userId" | "organizationId">) => {
    if (userId && organizationId) rows.push({ userId, organizationId, ...row });
  };

  // The batik workshop (umkm@): invited to the batik-souvenir RFQ (unread), its agreement's payment and activation (read).
  if (rfqBatik && batik && energy) {
    await tx.rfqInvitation.upsert({
      where: { rfqId_supplierId: { rfqId: rfqBatik.id, supplierId: batik.id } },
      create: { rfqId: rfqBatik.id, supplierId: batik.id, createdAt: ago(90) },
      update: {},
    });
    add(umkm, batik.id, {
      type: "rfq.invited",
      params: { rfqTitle: rfqBatik.title, buyerName: energy.name, supplierName: batik.name, deadline: date(rfqBatik.deadline) },
      link: `/papan-rfq/${rfqBatik.id}`,
      createdAt: ago(90),
    });
  }
  if (agBatik && batik && energy) {
    add(umkm, batik.id, {
      type: "payment.recorded",
      params: { number: agBatik.number, title: agBatik.title, amount: idr(132_000_000n) },
      link: `/kemitraan/${agBatik.id}`,
      createdAt: ago(60 * 24 * 9),
      readAt: ago(60 * 24 * 8),
    });
    add(umkm, batik.id, {
      type: "agreement.activated",
      params: { number: agBatik.number, title: agBatik.title },
      link: `/kemitraan/${agBatik.id}`,
      createdAt: ago(60 * 24 * 75),
      readAt: ago(60 * 24 * 74),
    });
  }
  // The Tegal workshop (umkm2@): its pump-parts agreement became active, and an invitation to the fabrication RFQ (both unread).
  if (agPump && metal) {
    add(umkm2, metal.id, {
      type: "agreement.activated",
      params: { number: agPump.number, title: agPump.title },
      link: `/kemitraan/${agPump.id}`,
      createdAt: ago(60 * 24 * 50),
    });
  }
  if (rfqFabrication && metal && energy) {
    add(umkm2, metal.id, {
      type: "rfq.invited",
      params: { rfqTitle: rfqFabrication.title, buyerName: energy.name, supplierName: metal.name, deadline: date(rfqFabrication.deadline) },
      link: `/papan-rfq/${rfqFabrication.id}`,
      createdAt: ago(60 * 24 * 3),
    });
  }
  // The energy buyer (buyer@): two quotes on the wearpack RFQ (the latest unread), the batik workshop's financing request (read).
  if (rfqWearpack && energy) {
    add(buyer, energy.id, {
      type: "quote.received",
      params: { rfqTitle: rfqWearpack.title, count: 1 },
      link: `/rfq/${rfqWearpack.id}/bandingkan`,
      createdAt: ago(60 * 24 * 3),
      readAt: ago(60 * 24 * 3 - 30),
    });
    add(buyer, energy.id, {
      type: "quote.received",
      params: { rfqTitle: rfqWearpack.title, count: 2 },
      link: `/rfq/${rfqWearpack.id}/bandingkan`,
      createdAt: ago(60 * 24 * 2),
    });
  }
  if (agBatik && energy && batik) {
    add(buyer, energy.id, {
      type: "financing.requested",
      params: { number: agBatik.number, supplierName: batik.name, amount: idr(90_000_000n) },
      link: `/kemitraan/${agBatik.id}`,
      createdAt: ago(60 * 24 * 4),
      readAt: ago(60 * 24 * 3),
    });
  }
  // The cooperative (koperasi@): the energy buyer proposed the souvenir agreement (unread).
  if (agCoop && coop && energy) {
    add(koperasi, coop.id, {
      type: "agreement.proposed",
      params: { number: agCoop.number, title: agCoop.title, partyName: energy.name },
      link: `/kemitraan/${agCoop.id}`,
      createdAt: ago(60 * 5),
    });
  }
  // The bank (bank@): the financing request (unread).
  if (agBatik && bankOrg && batik) {
    const request = await tx.financingRequest.findFirst({ where: { agreementId: agBatik.id, bankId: bankOrg.id }, select: { id: true } });
    add(bank, bankOrg.id, {
      type: "financing.requested",
      params: { number: agBatik.number, supplierName: batik.name, amount: idr(90_000_000n) },
      link: request ? `/pembiayaan/${request.id}` : "/pembiayaan",
      createdAt: ago(60 * 24 * 4),
    });
  }

  if (rows.length) await tx.notification.createMany({ data: rows });
  return rows.length;
}
