// What the demo seed (prisma/seed/demo.ts) installs that the app needs to know: the demo accounts and their
// shared password, listed on the sign-in page only on a database the demo data was seeded into, and the
// InstallationMarker key the seed writes with the demo rows so the page can tell (lib/auth/demo-data.ts,
// issue 11). One list for both: the seed creates exactly these accounts (tests/integration/seed.integration.test.ts).
// Plain data, no server imports: the seed scripts (tsx) import it too.
import type { OrgType } from "@/lib/enums";

export const DEMO_DATA_MARKER = "demo-data";

export const DEMO_PASSWORD = "rantai-demo";

interface DemoAccount {
  email: string;
  orgType: OrgType;
  /** The name of the organization the seed makes the account the owner of. */
  organization: string;
  /** What the account is for (Bahasa Indonesia), printed by npm run db:seed and npm start. */
  role: string;
  /** A regional government's scope (issue 12): a province code, or one regency code. */
  region?: { provinceCode: string } | { regencyCode: string };
}

/** In the order the sign-in page lists them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "umkm@demo.rantai.id", orgType: "umkm", organization: "CV Batik Sekar Jagad", role: "UMKM — workshop batik, terverifikasi" },
  { email: "umkm2@demo.rantai.id", orgType: "umkm", organization: "UD Logam Presisi Tegal", role: "UMKM — bengkel permesinan logam" },
  { email: "buyer@demo.rantai.id", orgType: "buyer", organization: "PT Energi Nusantara (Persero)", role: "Pembeli — BUMN energi" },
  {
    email: "buyer2@demo.rantai.id",
    orgType: "buyer",
    organization: "PT Garuda Otomotif Manufaktur",
    role: "Pembeli — manufaktur otomotif",
  },
  {
    email: "koperasi@demo.rantai.id",
    orgType: "cooperative",
    organization: "Koperasi Produsen Batik Sekar Pesisir",
    role: "Koperasi (agregator anggota UMKM)",
  },
  {
    email: "kementerian@demo.rantai.id",
    orgType: "ministry",
    organization: "Kementerian Usaha Mikro, Kecil, dan Menengah",
    role: "Kementerian (statistik)",
  },
  { email: "bank@demo.rantai.id", orgType: "bank", organization: "PT Bank Mitra Usaha Nusantara", role: "Bank mitra (pembiayaan)" },
  { email: "admin@demo.rantai.id", orgType: "platform", organization: "Rantai", role: "Admin platform (verifikasi)" },
  // issue 12: the programme layer (prisma/seed/demo-clusters.ts).
  {
    email: "klaster@demo.rantai.id",
    orgType: "cluster_manager",
    organization: "Asosiasi IKM Komponen Kendaraan Listrik Jawa Barat",
    role: "Pengelola klaster — komponen motor listrik Jawa Barat",
  },
  {
    email: "pemprov@demo.rantai.id",
    orgType: "regional_government",
    organization: "Dinas Koperasi dan UKM Provinsi Jawa Timur",
    role: "Pemerintah provinsi — Jawa Timur (klaster pangan olahan)",
    region: { provinceCode: "35" },
  },
  {
    email: "pemkab@demo.rantai.id",
    orgType: "regional_government",
    organization: "Dinas Perdagangan, Koperasi dan UKM Kota Pekalongan",
    role: "Pemerintah kota — Kota Pekalongan (klaster batik)",
    region: { regencyCode: "33.75" },
  },
];
