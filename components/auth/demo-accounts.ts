// The demo accounts the seed creates (lib/seed/demo.ts DEMO_ACCOUNTS), listed on the sign-in page only on a
// database the demo data was seeded into (lib/auth/demo-data.ts showDemoAccounts, issue 11). A copy, because app code must not import the seed (it pulls in the factories
// and the password hasher); tests/unit/demo-accounts.test.ts keeps the two lists in step.
import type { OrgType } from "@/lib/auth/types";

export const DEMO_PASSWORD = "rantai-demo";

export const DEMO_ACCOUNTS: readonly { email: string; orgType: OrgType; organization: string }[] = [
  { email: "umkm@demo.rantai.id", orgType: "umkm", organization: "CV Batik Sekar Jagad" },
  { email: "umkm2@demo.rantai.id", orgType: "umkm", organization: "UD Logam Presisi Tegal" },
  { email: "buyer@demo.rantai.id", orgType: "buyer", organization: "PT Energi Nusantara (Persero)" },
  { email: "buyer2@demo.rantai.id", orgType: "buyer", organization: "PT Garuda Otomotif Manufaktur" },
  { email: "koperasi@demo.rantai.id", orgType: "cooperative", organization: "Koperasi Produsen Batik Sekar Pesisir" },
  { email: "kementerian@demo.rantai.id", orgType: "ministry", organization: "Kementerian Usaha Mikro, Kecil, dan Menengah" },
  { email: "bank@demo.rantai.id", orgType: "bank", organization: "PT Bank Mitra Usaha Nusantara" },
  { email: "admin@demo.rantai.id", orgType: "platform", organization: "Rantai" },
];
