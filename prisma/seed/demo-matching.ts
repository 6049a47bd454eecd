// Demo data for matching (issue 5): one open batik RFQ of PT Garuda Otomotif Manufaktur too large for any single
// workshop (9,000 lembar a month), so the buyer's matches page proposes consortia — the batik cooperative's
// members first — and requires a TKDN of at least 25%, so workshops without a TKDN
// certificate show up as "almost qualified" with that gap. Looked up by the demo's own names; skipped when the
// buyer is missing.
import { createRfq, hoursFromNow, type DbClient } from "./factories";

const DEMO_CONSORTIUM_RFQ_TITLE = "Kain batik cap untuk seragam karyawan pabrik dan diler (tahap I)";

export async function seedDemoMatching(tx: DbClient, now: Date = new Date()): Promise<string | null> {
  const buyer = await tx.organization.findFirst({ where: { name: "PT Garuda Otomotif Manufaktur", type: "buyer" }, select: { id: true } });
  if (!buyer) return null;
  const owner = await tx.membership.findFirst({ where: { organizationId: buyer.id, role: "owner" }, select: { userId: true } });
  const rfq = await createRfq(tx, buyer.id, {
    createdById: owner?.userId ?? null,
    title: DEMO_CONSORTIUM_RFQ_TITLE,
    description:
      "Kain batik cap motif korporat untuk seragam Jumat karyawan pabrik dan diler. Jumlahnya melebihi kapasitas satu bengkel: " +
      "konsorsium UMKM atau koperasi pembatik dipersilakan mengajukan satu penawaran bersama dengan porsi tiap anggota.",
    kbliCode: "13134",
    deliveryRegencyCode: "32.15", // Kabupaten Karawang
    deadline: hoursFromNow(25 * 24, now),
    publishedAt: new Date(now.getTime() - 24 * 3600_000),
    minTkdn: "25.00",
    items: [
      {
        name: "Kain batik cap motif korporat",
        specification: "Katun primisima 2,15 x 1,15 m, 3 warna, motif disetujui pembeli",
        quantity: 9_000,
        unit: "lembar",
        targetUnitPriceIdr: 145_000n,
      },
    ],
  });
  return rfq.id;
}
