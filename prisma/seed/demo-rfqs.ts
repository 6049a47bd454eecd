// Demo data for the RFQ pages (issue 4): every demo RFQ gets its history (created, invitations, published) so
// /rfq/<id>/riwayat is not empty, and two RFQs of PT Energi Nusantara get public clarifications — answered
// ones every supplier sees, and one still waiting for the buyer. Looked up by the demo's own names; anything
// missing is skipped.
import type { DbClient } from "./factories";

const HOUR = 3600_000;

export async function seedDemoRfqs(tx: DbClient, now: Date = new Date()): Promise<void> {
  const rfqs = await tx.rfq.findMany({
    select: {
      id: true,
      buyerId: true,
      createdById: true,
      title: true,
      publishedAt: true,
      createdAt: true,
      deadline: true,
      items: { select: { id: true } },
      invitations: { select: { supplierId: true } },
    },
  });
  const logs = [];
  for (const r of rfqs) {
    const published = r.publishedAt ?? r.createdAt;
    const created = new Date(published.getTime() - 3 * HOUR);
    logs.push({
      organizationId: r.buyerId,
      actorId: r.createdById,
      action: "rfq.created",
      entityType: "rfq",
      entityId: r.id,
      data: { rfqId: r.id, title: r.title, items: r.items.length },
      createdAt: created,
    });
    if (r.invitations.length) {
      logs.push({
        organizationId: r.buyerId,
        actorId: r.createdById,
        action: "rfq.invited",
        entityType: "rfq",
        entityId: r.id,
        data: { rfqId: r.id, supplierIds: r.invitations.map((i) => i.supplierId) },
        createdAt: new Date(published.getTime() - HOUR),
      });
    }
    if (r.publishedAt) {
      logs.push({
        organizationId: r.buyerId,
        actorId: r.createdById,
        action: "rfq.published",
        entityType: "rfq",
        entityId: r.id,
        data: { rfqId: r.id, deadline: r.deadline.toISOString(), invitations: r.invitations.length },
        createdAt: published,
      });
    }
  }
  if (logs.length) await tx.auditLog.createMany({ data: logs });

  const org = async (name: string) => (await tx.organization.findFirst({ where: { name }, select: { id: true } }))?.id ?? null;
  const byTitle = (start: string) => rfqs.find((r) => r.title.startsWith(start));
  const specs: { rfq: string; asker: string; question: string; answer: string | null; hoursAgo: number }[] = [
    {
      rfq: "Pengadaan wearpack",
      asker: "CV Seragam Kerja Cigondewah",
      question: "Apakah daftar ukuran (S–XXXL) per tahap pengiriman sudah tersedia? Kami perlu menyesuaikan pemotongan kain.",
      answer:
        "Sudah. Tahap I: S 120, M 380, L 420, XL 200, XXL 60, XXXL 20 per jenis; tahap II sisanya. Rincian ada di lampiran yang akan kami unggah.",
      hoursAgo: 60,
    },
    {
      rfq: "Pengadaan wearpack",
      asker: "CV Alat Pelindung Diri Semarang",
      question: "Apakah rompi reflektif boleh memakai pita reflektif kelas 2 (bukan kelas 3)?",
      answer: "Boleh kelas 2 sesuai SNI, asal lebar pita 2 inci dan tahan cuci minimal 25 kali.",
      hoursAgo: 30,
    },
    {
      rfq: "Kain batik dan suvenir",
      asker: "CV Batik Sekar Jagad",
      question: "Bolehkah motif korporat dipadukan dengan isen-isen khas Pekalongan?",
      answer: "Boleh, asal logo dan tiga warna korporat tetap dominan. Kirimkan contoh desain bersama penawaran.",
      hoursAgo: 20,
    },
    {
      rfq: "Kain batik dan suvenir",
      asker: "UD Logam Presisi Tegal",
      question: "Apakah kotak kemasan selendang disediakan pembeli atau termasuk dalam penawaran?",
      answer: null,
      hoursAgo: 4,
    },
  ];
  for (const s of specs) {
    const rfq = byTitle(s.rfq);
    const asker = await org(s.asker);
    if (!rfq || !asker) continue;
    const askedAt = new Date(now.getTime() - s.hoursAgo * HOUR);
    const answeredAt = s.answer ? new Date(askedAt.getTime() + 5 * HOUR) : null;
    const c = await tx.clarification.create({
      data: {
        rfqId: rfq.id,
        askedByOrgId: asker,
        question: s.question,
        answer: s.answer,
        answeredById: s.answer ? rfq.createdById : null,
        answeredAt,
        createdAt: askedAt,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        organizationId: rfq.buyerId,
        action: "clarification.asked",
        entityType: "clarification",
        entityId: c.id,
        data: { rfqId: rfq.id, supplierId: asker },
        createdAt: askedAt,
      },
    });
    if (answeredAt) {
      await tx.auditLog.create({
        data: {
          organizationId: rfq.buyerId,
          actorId: rfq.createdById,
          action: "clarification.answered",
          entityType: "clarification",
          entityId: c.id,
          data: { rfqId: rfq.id },
          createdAt: answeredAt,
        },
      });
    }
  }
}
