// Demo data for supply-chain financing programmes (issue 13; ADR 0026): a second, smaller active agreement
// between the energy BUMN (buyer@) and the batik workshop (umkm@) whose first delivery the buyer accepted, with
// no financing request on it yet — so a programme of that buyer has a qualifying agreement the workshop can
// request under (the older batik agreement already has an undecided request at the demo bank, and a second
// request to the same bank on one agreement waits for the first). Looked up by the demo's own names; skipped
// when either is missing.
import { createAgreement, dateInDays, type DbClient } from "./factories";

export async function seedDemoFinancing(tx: DbClient, now: Date = new Date()): Promise<number> {
  const [buyer, batik] = await Promise.all([
    tx.organization.findFirst({ where: { name: "PT Energi Nusantara (Persero)", type: "buyer" }, select: { id: true } }),
    tx.organization.findFirst({ where: { name: "CV Batik Sekar Jagad", type: "umkm" }, select: { id: true } }),
  ]);
  if (!buyer || !batik) return 0;
  const owner = async (organizationId: string) =>
    (await tx.membership.findFirst({ where: { organizationId, role: "owner" }, select: { userId: true } }))?.userId ?? null;
  const [buyerOwner, batikOwner] = await Promise.all([owner(buyer.id), owner(batik.id)]);
  const startDate = dateInDays(-35, now);
  const agreement = await createAgreement(tx, buyer.id, batik.id, {
    number: `RNT-${startDate.getUTCFullYear()}-000122`,
    title: "Batik tulis cendera mata untuk tamu perusahaan 2026–2027",
    scheme: "rantai_pasok",
    valueIdr: 120_000_000n,
    startDate,
    endDate: dateInDays(150, now),
    status: "active",
    createdById: buyerOwner,
    terms:
      "Batik tulis motif pesisir dalam kotak kayu, Rp400.000 per set belum termasuk PPN 11%. " +
      "Pembayaran 30 hari setelah barang diterima dan lolos pemeriksaan.",
    milestones: [
      {
        title: "Pengiriman tahap 1 — 150 set",
        quantity: 150,
        unit: "set",
        dueDate: dateInDays(-10, now),
        amountIdr: 60_000_000n,
        paymentTermDays: 30,
        status: "accepted",
      },
      {
        title: "Pengiriman tahap 2 — 150 set",
        quantity: 150,
        unit: "set",
        dueDate: dateInDays(60, now),
        amountIdr: 60_000_000n,
        paymentTermDays: 30,
        status: "pending",
      },
    ],
    acceptedBy: { [buyer.id]: buyerOwner, [batik.id]: batikOwner },
  });
  // delivered on time 12 days ago, accepted by the buyer the next day (not yet paid: its 30-day term has not run out)
  await tx.delivery.create({
    data: {
      agreementId: agreement.id,
      milestoneId: agreement.milestones[0].id,
      quantity: 150,
      deliveredOn: dateInDays(-12, now),
      onTime: true,
      status: "accepted",
      recordedById: batikOwner,
      createdAt: dateInDays(-12, now),
      reviewedAt: dateInDays(-11, now),
    },
  });
  return 1;
}
