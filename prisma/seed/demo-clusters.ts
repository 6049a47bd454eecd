// The programme layer of the demo data (issue 12), always seeded with the base demo (prisma/seed/demo.ts),
// whatever the national size knob says: the cluster manager, the province and the regency government of
// lib/auth/demo-accounts.ts, three clusters with active anchors and members, and a few flagship products.
//
//  - Klaster Komponen Motor Listrik Jawa Barat (KBLI 27, 29, 30; Karawang, Bekasi, Bandung, Purwakarta):
//    managed by the cluster manager (klaster@); anchor PT Garuda Otomotif Manufaktur.
//  - Klaster Batik Pekalongan (KBLI 13, 14; Kota Pekalongan): managed by the city government (pemkab@);
//    anchor PT Energi Nusantara (Persero); members include the batik cooperative (whose own members count
//    through it) and the demo UMKM.
//  - Klaster Pangan Olahan Jawa Timur (KBLI 10, 11; Jawa Timur): managed by the province government
//    (pemprov@); anchor PT Boga Rasa Nusantara.
// The national seed (prisma/seed/national.ts) adds its own members and anchors to these three clusters.
// Every region code is a real Kemendagri code; every KBLI code a KBLI 2020 one (foreign keys check both).
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import { createOrganization, type DbClient } from "./factories";

export interface DemoClusters {
  emotor: string;
  batik: string;
  food: string;
  clusterManagerId: string;
  provinceGovernmentId: string;
  regencyGovernmentId: string;
}

function account(email: string) {
  const a = DEMO_ACCOUNTS.find((x) => x.email === email);
  if (!a) throw new Error(`seed: ${email} is not in DEMO_ACCOUNTS`);
  return a;
}

/** Regencies of the three clusters (the national seed puts its cluster UMKM there too). */
export const CLUSTER_REGENCIES = {
  emotor: ["32.15", "32.16", "32.04", "32.14"], // Kab. Karawang, Kab. Bekasi, Kab. Bandung, Kab. Purwakarta
  batik: ["33.75", "33.26"], // Kota Pekalongan, Kab. Pekalongan
  food: ["35.14", "35.15", "35.07", "35.73", "35.78", "35.16"], // Pasuruan, Sidoarjo, Malang (kab./kota), Surabaya, Mojokerto
} as const;

const BASE_MEMBERS = {
  emotor: ["PT Presisi Komponen Cikarang", "PT Mitra Stamping Karawang", "CV Karet Teknik Karawang", "CV Karya Baut Nusantara"],
  batik: ["Koperasi Produsen Batik Sekar Pesisir", "CV Batik Sekar Jagad", "UD Batik Pesisir Setono"],
  food: ["CV Keripik Tempe Sanan", "UD Kopi Dampit Lestari", "CV Karton Box Rungkut"],
} as const;

export async function seedDemoClusters(tx: DbClient, { hash, now }: { hash: string; now: Date }): Promise<DemoClusters> {
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const orgId = async (name: string) => (await tx.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  const owner = (email: string, name: string) => ({ email, name, passwordHash: hash });

  const klaster = account("klaster@demo.rantai.id");
  const manager = await createOrganization(tx, "cluster_manager", {
    name: klaster.organization,
    legalName: `${klaster.organization} (fiktif)`,
    regencyCode: "32.15",
    industry: "Asosiasi industri kecil dan menengah komponen otomotif",
    email: "sekretariat@ikm-komponen-jabar.demo.rantai.id",
    owner: owner(klaster.email, "Yudi Permana"),
    createdAt: daysAgo(410),
  });
  const pemprov = account("pemprov@demo.rantai.id");
  const province = await createOrganization(tx, "regional_government", {
    name: pemprov.organization,
    legalName: `${pemprov.organization} (akun demo)`,
    regencyCode: "35.78",
    email: "umkm@diskopukm-jatim.demo.rantai.id",
    regionProvinceCode: "35",
    owner: owner(pemprov.email, "Endang Sulistyowati"),
    createdAt: daysAgo(380),
  });
  const pemkab = account("pemkab@demo.rantai.id");
  const regency = await createOrganization(tx, "regional_government", {
    name: pemkab.organization,
    legalName: `${pemkab.organization} (akun demo)`,
    regencyCode: "33.75",
    email: "ukm@dindagkop-pekalongan.demo.rantai.id",
    regionRegencyCode: "33.75",
    owner: owner(pemkab.email, "Agus Riyanto"),
    createdAt: daysAgo(360),
  });

  const cluster = async (data: {
    name: string;
    description: string;
    kbliSections: string[];
    provinceCodes: string[];
    regencyCodes: string[];
    managerId: string;
    createdById: string;
    createdAt: Date;
  }) => (await tx.cluster.create({ data, select: { id: true } })).id;

  const emotor = await cluster({
    name: "Klaster Komponen Motor Listrik Jawa Barat",
    description:
      "IKM pemasok komponen sepeda motor listrik di koridor industri Karawang–Bekasi–Bandung: rangka dan swingarm, " +
      "dudukan baterai, kabel harness, komponen bubut presisi, baut dan karet teknik, untuk perakit dan pemegang merek lokal.",
    kbliSections: ["27", "29", "30"],
    provinceCodes: ["32"],
    regencyCodes: [...CLUSTER_REGENCIES.emotor],
    managerId: manager.organization.id,
    createdById: manager.owner.id,
    createdAt: daysAgo(400),
  });
  const batik = await cluster({
    name: "Klaster Batik Pekalongan",
    description:
      "Pembatik tulis dan cap serta konveksi batik Kota Pekalongan dan sekitarnya, bersama koperasi produsen batik: kain batik, " +
      "seragam batik korporat dan suvenir untuk BUMN, instansi dan peritel.",
    kbliSections: ["13", "14"],
    provinceCodes: [],
    regencyCodes: ["33.75"],
    managerId: regency.organization.id,
    createdById: regency.owner.id,
    createdAt: daysAgo(350),
  });
  const food = await cluster({
    name: "Klaster Pangan Olahan Jawa Timur",
    description:
      "UMKM pangan olahan Jawa Timur — keripik tempe dan singkong, sambal dan bumbu, kopi, roti dan kue, olahan ikan — " +
      "dengan pendampingan sertifikasi halal dan keamanan pangan, memasok industri makanan dan peritel.",
    kbliSections: ["10", "11"],
    provinceCodes: ["35"],
    regencyCodes: [],
    managerId: province.organization.id,
    createdById: province.owner.id,
    createdAt: daysAgo(370),
  });

  // Anchors: the base buyers that already buy from these sectors.
  const anchors: [string, string][] = [
    [emotor, "PT Garuda Otomotif Manufaktur"],
    [batik, "PT Energi Nusantara (Persero)"],
    [food, "PT Boga Rasa Nusantara"],
  ];
  await tx.clusterAnchor.createMany({
    data: await Promise.all(
      anchors.map(async ([clusterId, name], i) => ({
        clusterId,
        buyerId: await orgId(name),
        status: "active" as const,
        invitedAt: daysAgo(330 - i * 10),
        decidedAt: daysAgo(325 - i * 10),
      })),
    ),
  });

  // Members: active ones, plus one invitation waiting for the demo metal workshop (umkm2@) and one request
  // waiting for the manager's decision, so both sides of the membership flow have something to act on.
  const members: { clusterId: string; organizationId: string; status: "active" | "invited" | "requested"; at: Date }[] = [];
  for (const [clusterId, names] of [
    [emotor, BASE_MEMBERS.emotor],
    [batik, BASE_MEMBERS.batik],
    [food, BASE_MEMBERS.food],
  ] as const) {
    for (const [i, name] of names.entries())
      members.push({ clusterId, organizationId: await orgId(name), status: "active", at: daysAgo(300 - i * 7) });
  }
  members.push({ clusterId: emotor, organizationId: await orgId("UD Logam Presisi Tegal"), status: "invited", at: daysAgo(4) });
  members.push({ clusterId: emotor, organizationId: await orgId("CV Sidoarjo Presisi Mandiri"), status: "requested", at: daysAgo(2) });
  await tx.clusterMember.createMany({
    data: members.map((m) => ({
      clusterId: m.clusterId,
      organizationId: m.organizationId,
      status: m.status,
      requestedAt: m.at,
      invitedById: m.status === "invited" ? manager.owner.id : null,
      decidedAt: m.status === "active" ? new Date(m.at.getTime() + 2 * 86_400_000) : null,
      joinedAt: m.status === "active" ? new Date(m.at.getTime() + 2 * 86_400_000) : null,
    })),
  });

  // Produk unggulan daerah of the two governments.
  await tx.flagshipProduct.createMany({
    data: [
      { governmentId: regency.organization.id, name: "Batik Pekalongan", kbliCode: "13134", keywords: ["batik", "tulis", "cap"] },
      { governmentId: province.organization.id, name: "Keripik tempe Malang", kbliCode: "10794", keywords: ["keripik", "tempe"] },
      { governmentId: province.organization.id, name: "Kopi Jawa Timur", kbliCode: "10761", keywords: ["kopi"] },
    ],
  });

  return {
    emotor,
    batik,
    food,
    clusterManagerId: manager.organization.id,
    provinceGovernmentId: province.organization.id,
    regencyGovernmentId: regency.organization.id,
  };
}
