// Demo data that looks real (Bahasa Indonesia): ~45 UMKM in 10 provinces with products and certifications,
// three buyers with open RFQs, a batik cooperative, agreements across partnership schemes, and the ministry,
// bank and platform organizations, plus the demo accounts of lib/auth/demo-accounts.ts (password `rantai-demo`).
//
// Every name is fictional. Region codes (Kemendagri) and KBLI 2020 codes come from data/regions.json and
// data/kbli.json; foreign keys to the reference tables reject anything else, and the seed integration test
// checks it. Deterministic: a seeded PRNG makes reruns look the same (dates are relative to today, ids differ).
// Runs inside one transaction, so a failed seed leaves the database empty.
import { DEMO_ACCOUNTS, DEMO_DATA_MARKER, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { CertificationType, DeliveryStatus, LegalForm, MilestoneStatus, VerificationStatus } from "@/lib/enums";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoNotifications } from "./demo-notifications";
import { seedDemoMatching } from "./demo-matching";
import { seedDemoRfqs } from "./demo-rfqs";
import { seedDemoClusters } from "./demo-clusters";
import { seedDemoFinancing } from "./demo-financing";
import { seedNational, type NationalSeedResult } from "./national";
import {
  createAgreement,
  createBuyer,
  createCooperative,
  createOrganization,
  createQuote,
  createRfq,
  createUmkms,
  createUser,
  dateInDays,
  type DbClient,
  entityNpwp,
  hoursFromNow,
  insertMany,
  storedFileData,
  type UmkmBatchSpec,
} from "./factories";

/** The organization a demo account (lib/auth/demo-accounts.ts) owns: the seed creates exactly those accounts. */
function demoOrganization(email: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`seed: ${email} is not in DEMO_ACCOUNTS`);
  return account.organization;
}

const ORG = {
  platform: demoOrganization("admin@demo.rantai.id"),
  ministry: demoOrganization("kementerian@demo.rantai.id"),
  bank: demoOrganization("bank@demo.rantai.id"),
  energy: demoOrganization("buyer@demo.rantai.id"),
  auto: demoOrganization("buyer2@demo.rantai.id"),
  food: "PT Boga Rasa Nusantara",
  coop: demoOrganization("koperasi@demo.rantai.id"),
  batik: demoOrganization("umkm@demo.rantai.id"),
  metal: demoOrganization("umkm2@demo.rantai.id"),
} as const;

/** True when the database has no users yet (a fresh install: seed it). */
export async function isDatabaseEmpty(db: DbClient): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) === null;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG (same sequence on every run). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join("");
  return { next, int, digits };
}

const jt = (n: number) => BigInt(Math.round(n * 1_000_000)); // juta
const M = (n: number) => BigInt(Math.round(n * 1_000)) * 1_000_000n; // miliar

// ---------------------------------------------------------------------------------------------
// The UMKM
// ---------------------------------------------------------------------------------------------

interface DemoProduct {
  name: string;
  unit: string;
  min: bigint;
  max: bigint;
  moq: number;
  cap: number;
  lead: number;
  desc: string;
  kbli?: string;
}

interface DemoCert {
  type: CertificationType;
  /** validUntil relative to today (negative: expired); null: no expiry (e.g. halal since UU 6/2023). */
  untilDays: number | null;
  /** years the certificate runs (validFrom = validUntil - years), or for no-expiry ones years since issue. */
  years?: number;
  doc?: boolean;
  tkdn?: number;
  name?: string;
  issuer?: string;
  status?: VerificationStatus;
}

interface DemoUmkm {
  name: string;
  slug: string;
  legalForm: LegalForm;
  regency: string;
  kbli: string[];
  capital?: bigint;
  sales?: bigint;
  /** Earlier annual sales figure (months ago) — the business moved up a class since ("naik kelas"). */
  before?: { sales: bigint; monthsAgo: number };
  owner: string;
  email?: string;
  status: VerificationStatus;
  /** The platform's note when the verification was returned. */
  note?: string;
  founded: number;
  employees: number;
  address: string;
  desc: string;
  products: DemoProduct[];
  certs: DemoCert[];
}

const p = (
  name: string,
  unit: string,
  min: bigint,
  max: bigint,
  moq: number,
  cap: number,
  lead: number,
  desc: string,
  kbli?: string,
): DemoProduct => ({
  name,
  unit,
  min,
  max,
  moq,
  cap,
  lead,
  desc,
  kbli,
});

const halalNew: DemoCert = { type: "halal", untilDays: null, years: 1 };

const UMKM: DemoUmkm[] = [
  // --- Batik, Pekalongan (members of the cooperative) ----------------------------------------
  {
    name: ORG.batik,
    slug: "batik-sekar-jagad",
    legalForm: "cv",
    regency: "33.75",
    kbli: ["13134", "14111"],
    capital: jt(850),
    sales: M(4.2),
    before: { sales: M(1.65), monthsAgo: 14 },
    owner: "Siti Rahmawati",
    email: "umkm@demo.rantai.id",
    status: "verified",
    founded: 2009,
    employees: 34,
    address: "Jl. Hayam Wuruk No. 27, Kauman, Pekalongan Timur",
    desc: "Workshop batik tulis dan cap di kampung batik Kauman. 34 pembatik dan penjahit; melayani kain dan seragam batik untuk perusahaan dan instansi, motif pesisiran maupun motif korporat sesuai pesanan.",
    products: [
      p(
        "Kain batik cap katun primisima",
        "lembar",
        95_000n,
        165_000n,
        100,
        2_500,
        14,
        "Katun primisima 2,15 x 1,15 m, pewarna sintetis (naptol/remazol), motif cap pesisiran atau motif perusahaan.",
      ),
      p(
        "Kain batik tulis pesisiran motif Jlamprang",
        "lembar",
        450_000n,
        1_250_000n,
        10,
        120,
        30,
        "Batik tulis halus, kain katun prima, pewarnaan colet; tiap lembar bernomor dan disertai label Batikmark.",
      ),
      p(
        "Kemeja batik seragam pria lengan panjang",
        "pcs",
        135_000n,
        210_000n,
        100,
        1_800,
        21,
        "Kain batik cap, furing, ukuran S–XXXL; bordir logo perusahaan tersedia.",
        "14111",
      ),
      p(
        "Kain batik kombinasi cap-tulis motif korporat",
        "lembar",
        225_000n,
        400_000n,
        200,
        800,
        30,
        "Desain motif khusus perusahaan (gratis 2 revisi desain), cap tembaga dibuat khusus.",
      ),
    ],
    certs: [
      { type: "other", name: "Batikmark", issuer: "Balai Besar Kerajinan dan Batik", untilDays: 640, years: 3 },
      { type: "tkdn", untilDays: 410, years: 3, tkdn: 72.4, issuer: "Kementerian Perindustrian (TKDN-IK)" },
      { type: "sni", untilDays: 38, years: 4, issuer: "LSPro Balai Besar Kerajinan dan Batik" },
    ],
  },
  {
    name: "UD Batik Pesisir Setono",
    slug: "batik-pesisir-setono",
    legalForm: "ud",
    regency: "33.75",
    kbli: ["13134"],
    capital: jt(260),
    sales: M(1.2),
    owner: "Mohammad Khoirul Anam",
    status: "verified",
    founded: 2014,
    employees: 11,
    address: "Jl. Setono Gg. 4 No. 12, Pekalongan Timur",
    desc: "Usaha batik keluarga di sentra Setono: batik cap dan printing-cap untuk grosir dan seragam sekolah.",
    products: [
      p(
        "Kain batik cap motif buketan",
        "kodi",
        1_600_000n,
        2_400_000n,
        5,
        150,
        14,
        "1 kodi = 20 lembar, katun 2 m, motif buketan pesisiran.",
      ),
      p("Kain batik seragam sekolah", "lembar", 55_000n, 80_000n, 200, 3_000, 10, "Katun halus, motif sesuai sekolah/instansi."),
    ],
    certs: [{ type: "tkdn", untilDays: 150, years: 3, tkdn: 64.1, issuer: "Kementerian Perindustrian (TKDN-IK)" }],
  },
  {
    name: "Batik Cap Lestari Buaran",
    slug: "batik-cap-lestari-buaran",
    legalForm: "perorangan",
    regency: "33.75",
    kbli: ["13134"],
    capital: jt(120),
    sales: jt(640),
    owner: "Nur Aini",
    status: "pending",
    founded: 2018,
    employees: 6,
    address: "Jl. Raya Buaran No. 88, Pekalongan Selatan",
    desc: "Pembatik cap rumahan; pewarna alam (indigo, tingi, jelawe) untuk pasar suvenir.",
    products: [
      p(
        "Kain batik cap pewarna alam",
        "lembar",
        175_000n,
        260_000n,
        20,
        300,
        21,
        "Katun, pewarna indigo dan tingi, motif kawung dan parang.",
      ),
    ],
    certs: [],
  },
  {
    name: "CV Canting Mas Wiradesa",
    slug: "canting-mas-wiradesa",
    legalForm: "cv",
    regency: "33.26",
    kbli: ["13134", "14111"],
    capital: M(1.4),
    sales: M(6.8),
    owner: "Hadi Purnomo",
    status: "verified",
    founded: 2007,
    employees: 48,
    address: "Jl. Raya Wiradesa No. 140, Wiradesa, Kabupaten Pekalongan",
    desc: "Produsen batik cap dan konveksi batik skala menengah bawah; mitra tetap beberapa instansi untuk seragam Kamis–Jumat.",
    products: [
      p(
        "Kemeja batik cap seragam instansi",
        "pcs",
        125_000n,
        185_000n,
        150,
        3_000,
        21,
        "Katun, ukuran lengkap, label dan kemasan per pcs.",
        "14111",
      ),
      p("Blus batik wanita seragam", "pcs", 130_000n, 190_000n, 150, 2_000, 21, "Potongan kerja, katun, motif korporat.", "14111"),
      p(
        "Kain batik cap motif korporat",
        "lembar",
        90_000n,
        150_000n,
        300,
        4_000,
        18,
        "Cap tembaga khusus, warna sesuai pedoman identitas perusahaan.",
      ),
    ],
    certs: [
      { type: "tkdn", untilDays: 720, years: 3, tkdn: 68.9 },
      { type: "iso9001", untilDays: -20, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
    ],
  },
  {
    name: "UD Batik Kembang Setaman",
    slug: "batik-kembang-setaman",
    legalForm: "ud",
    regency: "33.75",
    kbli: ["13134"],
    capital: jt(180),
    owner: "Wahyu Ningsih",
    status: "verified",
    founded: 2023,
    employees: 5,
    address: "Jl. Kurinci No. 9, Pekalongan Selatan",
    desc: "Usaha baru (2023) batik tulis motif bunga pesisiran; belum melaporkan omzet tahunan.",
    products: [
      p(
        "Selendang batik tulis sutra",
        "lembar",
        350_000n,
        650_000n,
        10,
        80,
        30,
        "Sutra ATBM 2 x 0,5 m, pewarna sintetis, motif kembang setaman.",
      ),
    ],
    certs: [],
  },
  {
    name: "CV Jlamprang Batik Krapyak",
    slug: "jlamprang-krapyak",
    legalForm: "cv",
    regency: "33.75",
    kbli: ["13134"],
    capital: jt(700),
    sales: M(3.1),
    owner: "Ahmad Fauzi",
    status: "verified",
    founded: 2011,
    employees: 22,
    address: "Jl. Jlamprang No. 31, Krapyak, Pekalongan Utara",
    desc: "Spesialis batik cap motif jlamprang dan geometris untuk seragam korporat dan hotel.",
    products: [
      p("Kain batik cap motif jlamprang", "lembar", 85_000n, 140_000n, 200, 3_500, 14, "Katun primisima, 2 warna, motif jlamprang."),
      p("Taplak dan runner batik hotel", "pcs", 65_000n, 120_000n, 100, 1_200, 14, "Katun kanvas, jahit tepi, motif sesuai hotel."),
    ],
    certs: [{ type: "other", name: "Batikmark", issuer: "Balai Besar Kerajinan dan Batik", untilDays: 300, years: 3, doc: false }],
  },
  {
    name: "CV Mega Sogan Pekajangan",
    slug: "mega-sogan-pekajangan",
    legalForm: "cv",
    regency: "33.26",
    kbli: ["13134"],
    capital: jt(950),
    sales: M(5.5),
    before: { sales: M(1.9), monthsAgo: 20 },
    owner: "Slamet Riyadi",
    status: "verified",
    founded: 2005,
    employees: 40,
    address: "Jl. Raya Pekajangan No. 52, Kedungwuni, Kabupaten Pekalongan",
    desc: "Batik cap dan tulis warna sogan; pemasok tetap butik di Jakarta dan Surabaya.",
    products: [
      p("Kain batik tulis sogan", "lembar", 550_000n, 1_400_000n, 5, 90, 35, "Katun primisima, pewarna sogan alam, motif klasik."),
      p("Kain batik cap sogan", "lembar", 120_000n, 190_000n, 100, 2_000, 14, "Katun, warna sogan, motif parang dan kawung."),
    ],
    certs: [{ type: "tkdn", untilDays: 520, years: 3, tkdn: 75.0 }],
  },
  {
    name: "UD Sinar Batik Kedungwuni",
    slug: "sinar-batik-kedungwuni",
    legalForm: "ud",
    regency: "33.26",
    kbli: ["13134"],
    capital: jt(90),
    sales: jt(480),
    owner: "Eko Prasetyo",
    status: "pending",
    founded: 2019,
    employees: 4,
    address: "Desa Tangkil Tengah RT 02/05, Kedungwuni, Kabupaten Pekalongan",
    desc: "Pembatik cap skala rumah tangga, menerima pesanan maklon dari anggota koperasi.",
    products: [p("Jasa cap batik (maklon)", "lembar", 25_000n, 45_000n, 200, 2_500, 7, "Pengecapan dan pewarnaan kain milik pemesan.")],
    certs: [],
  },

  // --- Batik and textiles: Solo, Klaten, Yogyakarta -------------------------------------------
  {
    name: "CV Batik Laweyan Sogan Asli",
    slug: "laweyan-sogan",
    legalForm: "cv",
    regency: "33.72",
    kbli: ["13134", "14111"],
    capital: M(1.1),
    sales: M(7.9),
    owner: "Bambang Sutejo",
    status: "verified",
    founded: 1998,
    employees: 52,
    address: "Jl. Sidoluhur No. 18, Laweyan, Surakarta",
    desc: "Batik Laweyan sejak 1998: kain tulis dan cap sogan, busana batik siap pakai untuk korporat.",
    products: [
      p("Kain batik cap sogan Laweyan", "lembar", 140_000n, 230_000n, 50, 1_500, 14, "Katun primisima, sogan klasik."),
      p(
        "Kemeja batik korporat premium",
        "pcs",
        275_000n,
        450_000n,
        50,
        900,
        28,
        "Batik cap-tulis, katun primisima, furing, kemasan box.",
        "14111",
      ),
    ],
    certs: [
      { type: "other", name: "Batikmark", issuer: "Balai Besar Kerajinan dan Batik", untilDays: 880, years: 3 },
      { type: "tkdn", untilDays: 330, years: 3, tkdn: 70.2 },
    ],
  },
  {
    name: "UD Tenun Lurik Pedan",
    slug: "lurik-pedan",
    legalForm: "ud",
    regency: "33.10",
    kbli: ["13121", "13929"],
    capital: jt(300),
    sales: jt(950),
    owner: "Sri Handayani",
    status: "verified",
    founded: 1995,
    employees: 18,
    address: "Desa Kedungan, Pedan, Kabupaten Klaten",
    desc: "Tenun lurik ATBM (alat tenun bukan mesin) khas Pedan untuk kain, seragam dan suvenir.",
    products: [
      p("Kain lurik ATBM", "meter", 45_000n, 75_000n, 50, 2_000, 14, "Lebar 70 cm, katun, motif lurik tradisional."),
      p("Tas dan pouch lurik", "pcs", 35_000n, 95_000n, 100, 1_500, 21, "Suvenir seminar dan kegiatan perusahaan.", "13929"),
    ],
    certs: [{ type: "sni", untilDays: -95, years: 4, issuer: "LSPro Balai Besar Tekstil" }],
  },
  {
    name: "CV Batik Tulis Giriloyo",
    slug: "batik-giriloyo",
    legalForm: "cv",
    regency: "34.02",
    kbli: ["13134"],
    capital: jt(220),
    sales: M(1.05),
    owner: "Tri Wahyuni",
    status: "verified",
    founded: 2008,
    employees: 25,
    address: "Dusun Giriloyo, Wukirsari, Imogiri, Bantul",
    desc: "Kelompok pembatik tulis Giriloyo; batik tulis halus pewarna alam untuk hadiah dan suvenir korporat.",
    products: [
      p(
        "Kain batik tulis pewarna alam",
        "lembar",
        600_000n,
        2_500_000n,
        5,
        60,
        45,
        "Katun primisima/sutra, pewarna indigofera, tingi, tegeran.",
      ),
      p("Syal batik tulis", "pcs", 150_000n, 275_000n, 30, 400, 21, "Katun rayon 180 x 45 cm."),
    ],
    certs: [{ type: "other", name: "Batikmark", issuer: "Balai Besar Kerajinan dan Batik", untilDays: 55, years: 3 }],
  },
  {
    name: "UD Kulit Manding Jaya",
    slug: "kulit-manding",
    legalForm: "ud",
    regency: "34.02",
    kbli: ["15121", "15129"],
    capital: jt(650),
    sales: M(2.8),
    owner: "Suparman",
    status: "verified",
    founded: 2003,
    employees: 20,
    address: "Jl. Parangtritis Km 11, Manding, Sabdodadi, Bantul",
    desc: "Kerajinan kulit sapi dan kambing: dompet, tas, ID card holder untuk suvenir perusahaan, grafir logo.",
    products: [
      p("Dompet kulit sapi dengan grafir logo", "pcs", 95_000n, 185_000n, 50, 1_200, 21, "Kulit sapi nappa, grafir laser, kemasan box."),
      p("ID card holder kulit", "pcs", 28_000n, 55_000n, 200, 4_000, 14, "Kulit kambing, tali lanyard printing."),
      p("Tas laptop kulit", "pcs", 425_000n, 750_000n, 20, 250, 30, "Kulit sapi crazy horse, 14 inci, jahitan tangan."),
    ],
    certs: [],
  },

  // --- Metal, machining and automotive components -------------------------------------------
  {
    name: ORG.metal,
    slug: "logam-presisi-tegal",
    legalForm: "ud",
    regency: "33.28",
    kbli: ["25920", "28113"],
    capital: M(1.6),
    sales: M(3.4),
    before: { sales: M(1.4), monthsAgo: 10 },
    owner: "Agus Setiawan",
    email: "umkm2@demo.rantai.id",
    status: "verified",
    founded: 2006,
    employees: 27,
    address: "Jl. Raya Talang No. 45, Talang, Kabupaten Tegal",
    desc: "Bengkel permesinan (CNC bubut dan frais) di sentra logam Tegal: suku cadang pompa, flange, bushing dan komponen mesin sesuai gambar kerja.",
    products: [
      p(
        "Flange baja karbon ASTM A105 (machining)",
        "pcs",
        350_000n,
        1_850_000n,
        20,
        600,
        21,
        "Ukuran 2–8 inci kelas 150/300, machining CNC sesuai ASME B16.5.",
      ),
      p("Bushing kuningan dan perunggu", "pcs", 45_000n, 320_000n, 50, 3_000, 14, "Diameter 20–150 mm, toleransi h7, sesuai gambar kerja."),
      p(
        "Impeler dan poros pompa (reverse engineering)",
        "pcs",
        1_200_000n,
        8_500_000n,
        1,
        60,
        30,
        "Pengukuran ulang suku cadang impor, material SS304/SS316.",
        "28113",
      ),
    ],
    certs: [
      { type: "iso9001", untilDays: 41, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
      { type: "tkdn", untilDays: 600, years: 3, tkdn: 46.3 },
    ],
  },
  {
    name: "CV Cor Logam Batur Ceper",
    slug: "cor-logam-ceper",
    legalForm: "cv",
    regency: "33.10",
    kbli: ["24310"],
    capital: M(2.2),
    sales: M(9.6),
    owner: "Joko Susilo",
    status: "verified",
    founded: 1992,
    employees: 60,
    address: "Desa Batur, Ceper, Kabupaten Klaten",
    desc: "Pengecoran besi cor kelabu dan nodular di sentra cor Ceper: tutup manhole, body valve, komponen mesin.",
    products: [
      p("Tutup manhole besi cor nodular", "unit", 1_350_000n, 2_600_000n, 10, 400, 30, "Diameter 600 mm, kelas D400, sesuai gambar."),
      p("Body valve besi cor", "pcs", 250_000n, 1_900_000n, 20, 800, 35, "FC200/FCD450, machining kasar, uji tekan."),
    ],
    certs: [
      { type: "tkdn", untilDays: 260, years: 3, tkdn: 58.7 },
      { type: "sni", untilDays: 900, years: 4, issuer: "LSPro Balai Besar Logam dan Mesin" },
    ],
  },
  {
    name: "PT Presisi Komponen Cikarang",
    slug: "presisi-komponen-cikarang",
    legalForm: "pt",
    regency: "32.16",
    kbli: ["29300", "25910"],
    capital: M(8.5),
    sales: M(38),
    owner: "Yohanes Kurniawan",
    status: "verified",
    founded: 2010,
    employees: 140,
    address: "Kawasan Industri Jababeka II, Blok C No. 7, Cikarang, Kabupaten Bekasi",
    desc: "Pemasok tier-2 komponen stamping dan welding untuk kendaraan roda empat; press 60–300 ton, robot las.",
    products: [
      p(
        "Bracket stamping SPCC/SPHC",
        "pcs",
        4_500n,
        18_000n,
        5_000,
        250_000,
        30,
        "Tebal 1,6–3,2 mm, electro-deposition coating, PPAP level 3.",
      ),
      p("Sub-assembly las bracket", "set", 22_000n, 85_000n, 1_000, 40_000, 35, "Las robot MIG, jig pemeriksaan, laporan dimensi."),
    ],
    certs: [
      { type: "iso9001", untilDays: 770, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
      { type: "other", name: "IATF 16949", issuer: "Lembaga sertifikasi IATF (fiktif)", untilDays: 510, years: 3 },
      { type: "tkdn", untilDays: 180, years: 3, tkdn: 55.4 },
    ],
  },
  {
    name: "CV Karya Baut Nusantara",
    slug: "karya-baut",
    legalForm: "cv",
    regency: "32.75",
    kbli: ["25952"],
    capital: M(1.8),
    sales: M(11.5),
    owner: "Rudi Hartono",
    status: "verified",
    founded: 2012,
    employees: 45,
    address: "Jl. Raya Narogong Km 6, Bantar Gebang, Kota Bekasi",
    desc: "Produksi baut, mur dan ring (cold heading dan rolling), kelas 4.6 s.d. 10.9, pelapisan zinc dan zinc flake.",
    products: [
      p("Baut flange M8 kelas 8.8", "pcs", 450n, 900n, 20_000, 2_000_000, 21, "Cold heading, rolling ulir, zinc flake 480 jam salt spray."),
      p("Mur hex M6–M16", "pcs", 180n, 1_200n, 20_000, 3_000_000, 14, "Kelas 8, zinc plating kuning/putih."),
      p("Baut angkur konstruksi", "set", 12_000n, 65_000n, 200, 20_000, 21, "M12–M24, galvanis celup panas, lengkap mur dan ring."),
    ],
    certs: [
      { type: "sni", untilDays: 420, years: 4, issuer: "LSPro Balai Besar Logam dan Mesin" },
      { type: "iso9001", untilDays: 15, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
    ],
  },
  {
    name: "PT Mitra Stamping Karawang",
    slug: "mitra-stamping",
    legalForm: "pt",
    regency: "32.15",
    kbli: ["25910", "29300"],
    capital: M(9.2),
    sales: M(44),
    before: { sales: M(13.8), monthsAgo: 26 },
    owner: "Dedi Supriadi",
    status: "verified",
    founded: 2008,
    employees: 165,
    address: "Kawasan Industri Suryacipta, Jl. Surya Utama Kav. 12, Ciampel, Kabupaten Karawang",
    desc: "Stamping dan tooling (progressive die) untuk komponen otomotif dan elektronik; bengkel dies sendiri.",
    products: [
      p("Komponen stamping progressive die", "pcs", 1_200n, 15_000n, 10_000, 600_000, 30, "Material SPCC/SECC/SUS, tebal 0,5–4 mm."),
      p("Pembuatan dies stamping", "set", 45_000_000n, 350_000_000n, 1, 6, 75, "Desain CAD/CAM, try-out sampai approval sampel."),
    ],
    certs: [
      { type: "iso9001", untilDays: 960, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
      { type: "tkdn", untilDays: 90, years: 3, tkdn: 49.8 },
    ],
  },
  {
    name: "CV Karet Teknik Karawang",
    slug: "karet-teknik",
    legalForm: "cv",
    regency: "32.15",
    kbli: ["22192"],
    capital: M(1.3),
    sales: M(4.7),
    owner: "Asep Saepudin",
    status: "verified",
    founded: 2015,
    employees: 30,
    address: "Jl. Interchange Karawang Barat No. 3, Telukjambe Timur, Kabupaten Karawang",
    desc: "Barang karet teknik cetak tekan (compression moulding): grommet, seal, karet peredam, bantalan.",
    products: [
      p("Grommet karet EPDM", "pcs", 650n, 3_500n, 5_000, 400_000, 21, "Kekerasan 60±5 Shore A, sesuai gambar."),
      p("O-ring dan seal NBR", "pcs", 900n, 12_000n, 2_000, 250_000, 21, "NBR 70, tahan oli, ukuran sesuai standar JIS/AS568."),
    ],
    certs: [{ type: "iso9001", untilDays: 300, years: 3, doc: false, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" }],
  },
  {
    name: "UD Sinar Logam Waru",
    slug: "sinar-logam-waru",
    legalForm: "ud",
    regency: "35.15",
    kbli: ["25999", "25934"],
    capital: jt(420),
    sales: M(1.7),
    owner: "Bagus Wicaksono",
    status: "pending",
    founded: 2016,
    employees: 9,
    address: "Jl. Brigjen Katamso No. 21, Waru, Kabupaten Sidoarjo",
    desc: "Fabrikasi plat dan pipa: rak, troli, tutup mesin, pekerjaan las untuk pabrik sekitar Sidoarjo.",
    products: [
      p("Troli material pabrik", "unit", 1_850_000n, 4_200_000n, 5, 80, 21, "Rangka pipa hollow, roda PU 6 inci, cat powder coating."),
      p("Rak besi siku lubang", "unit", 650_000n, 1_400_000n, 10, 200, 14, "Tinggi 2 m, 5 susun, beban 150 kg/susun."),
    ],
    certs: [],
  },
  {
    name: "CV Sidoarjo Presisi Mandiri",
    slug: "sidoarjo-presisi",
    legalForm: "cv",
    regency: "35.15",
    kbli: ["30912"],
    capital: M(1.2),
    sales: M(5.9),
    owner: "Hendro Saputro",
    status: "verified",
    founded: 2013,
    employees: 38,
    address: "Jl. Raya Sawunggaling No. 9, Wonoayu, Kabupaten Sidoarjo",
    desc: "Komponen sepeda motor: pin, spacer, collar, bracket; bubut otomatis dan stamping ringan.",
    products: [
      p("Collar dan spacer baja", "pcs", 1_100n, 7_500n, 10_000, 500_000, 21, "S45C, heat treatment, zinc plating."),
      p("Pin dan poros kecil", "pcs", 1_800n, 9_000n, 10_000, 300_000, 21, "Bubut otomatis, gerinda centerless."),
    ],
    certs: [
      { type: "iso9001", untilDays: 540, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
      { type: "tkdn", untilDays: 700, years: 3, tkdn: 43.5 },
    ],
  },
  {
    name: "CV Fabrikasi Baja Balikpapan",
    slug: "fabrikasi-baja-balikpapan",
    legalForm: "cv",
    regency: "64.71",
    kbli: ["25119", "33121"],
    capital: M(3.6),
    sales: M(13.2),
    owner: "Muhammad Rizal",
    status: "verified",
    founded: 2011,
    employees: 55,
    address: "Jl. Mulawarman No. 77, Manggar, Balikpapan Timur",
    desc: "Fabrikasi baja dan perpipaan untuk fasilitas migas: pipe support, platform, skid; welder bersertifikat, NDT pihak ketiga.",
    products: [
      p("Pipe support dan U-bolt galvanis", "set", 95_000n, 450_000n, 50, 5_000, 21, "Sesuai standar MSS SP-58, galvanis celup panas."),
      p(
        "Fabrikasi platform dan tangga baja",
        "kg",
        38_000n,
        55_000n,
        2_000,
        60_000,
        45,
        "Profil WF/siku/grating, cat sistem zinc-epoxy-polyurethane.",
      ),
      p(
        "Jasa perbaikan pompa sentrifugal",
        "unit",
        7_500_000n,
        45_000_000n,
        1,
        20,
        14,
        "Overhaul, balancing, penggantian mechanical seal.",
        "33121",
      ),
    ],
    certs: [
      { type: "iso9001", untilDays: 250, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
      { type: "tkdn", untilDays: 45, years: 3, tkdn: 52.6 },
    ],
  },

  // --- Food and beverage (halal) --------------------------------------------------------------
  {
    name: "CV Keripik Tempe Sanan",
    slug: "keripik-tempe-sanan",
    legalForm: "cv",
    regency: "35.73",
    kbli: ["10794", "10391"],
    capital: jt(300),
    sales: M(1.6),
    owner: "Yuliana Puspita",
    status: "verified",
    founded: 2010,
    employees: 16,
    address: "Jl. Sanan Gg. 7 No. 15, Purwantoro, Blimbing, Kota Malang",
    desc: "Keripik tempe dan tempe segar dari sentra Sanan, Malang; kemasan ritel dan curah untuk oleh-oleh dan katering.",
    products: [
      p(
        "Keripik tempe original 250 g",
        "pouch",
        12_000n,
        16_500n,
        200,
        12_000,
        7,
        "Kedelai non-GMO, minyak sawit, kemasan standing pouch.",
      ),
      p("Keripik tempe curah", "kg", 52_000n, 65_000n, 20, 1_500, 7, "Kemasan karton 5 kg."),
    ],
    certs: [halalNew, { type: "other", name: "PIRT / izin edar", issuer: "Dinas Kesehatan Kota Malang", untilDays: 400, years: 5 }],
  },
  {
    name: "UD Kopi Dampit Lestari",
    slug: "kopi-dampit",
    legalForm: "ud",
    regency: "35.07",
    kbli: ["10761"],
    capital: jt(800),
    sales: M(3.9),
    owner: "Imam Syafii",
    status: "verified",
    founded: 2012,
    employees: 21,
    address: "Jl. Raya Dampit No. 201, Dampit, Kabupaten Malang",
    desc: "Pengolahan kopi robusta Dampit: green bean sortasi, sangrai dan bubuk untuk hotel, kafe dan private label.",
    products: [
      p(
        "Green bean robusta Dampit grade 1",
        "kg",
        68_000n,
        82_000n,
        500,
        20_000,
        14,
        "Olah kering/semi-washed, kadar air ≤12,5%, defect ≤11.",
      ),
      p("Kopi bubuk robusta 500 g", "pouch", 48_000n, 62_000n, 100, 8_000, 10, "Sangrai medium, kemasan valve."),
    ],
    certs: [
      { type: "halal", untilDays: 25, years: 4, issuer: "Badan Penyelenggara Jaminan Produk Halal (BPJPH)" },
      { type: "sni", untilDays: 700, years: 4, issuer: "LSPro Balai Besar Industri Agro" },
    ],
  },
  {
    name: "CV Rasa Parahyangan",
    slug: "rasa-parahyangan",
    legalForm: "cv",
    regency: "32.73",
    kbli: ["10772", "10750"],
    capital: M(1.05),
    sales: M(5.2),
    owner: "Neneng Kurniasih",
    status: "verified",
    founded: 2014,
    employees: 28,
    address: "Jl. Soekarno-Hatta No. 512, Batununggal, Kota Bandung",
    desc: "Sambal dan bumbu masak siap pakai; dapur berstandar CPPOB, menerima maklon private label.",
    products: [
      p("Sambal bawang 200 g", "botol", 14_500n, 19_000n, 500, 30_000, 14, "Botol kaca, umur simpan 12 bulan."),
      p("Bumbu rendang pasta 250 g", "pouch", 12_000n, 16_000n, 1_000, 40_000, 14, "Retort pouch, tanpa pengawet tambahan."),
      p("Maklon bumbu private label", "kg", 55_000n, 95_000n, 200, 8_000, 21, "Formulasi sesuai pemesan, uji laboratorium.", "10750"),
    ],
    certs: [
      { type: "halal", untilDays: 45, years: 4 },
      { type: "sni", untilDays: 380, years: 4, issuer: "LSPro Balai Besar Industri Agro" },
    ],
  },
  {
    name: "UD Roti Sari Priangan",
    slug: "roti-sari-priangan",
    legalForm: "ud",
    regency: "32.73",
    kbli: ["10710"],
    capital: jt(350),
    sales: M(1.9),
    owner: "Ujang Suherman",
    status: "verified",
    founded: 2009,
    employees: 14,
    address: "Jl. Cibaduyut Raya No. 41, Bojongloa Kidul, Kota Bandung",
    desc: "Roti manis, roti tawar dan snack box untuk katering kantor dan rapat.",
    products: [
      p("Snack box rapat (3 item)", "box", 12_500n, 22_000n, 50, 6_000, 2, "Dua kue dan air mineral, dikirim pagi hari."),
      p("Roti tawar kupas 500 g", "pcs", 16_000n, 21_000n, 100, 10_000, 2, "Tanpa pengawet sintetis."),
    ],
    certs: [{ type: "halal", untilDays: -40, years: 4 }],
  },
  {
    name: "CV Kopi Sapan Toraja",
    slug: "kopi-sapan-toraja",
    legalForm: "cv",
    regency: "73.26",
    kbli: ["10761"],
    capital: jt(500),
    sales: M(1.4),
    owner: "Yohanis Tandi",
    status: "verified",
    founded: 2015,
    employees: 12,
    address: "Jl. Poros Rantepao–Sapan, Rantepao, Kabupaten Toraja Utara",
    desc: "Kopi arabika Toraja dari kebun rakyat Sapan; olah basah giling basah, ekspor dan pasar domestik.",
    products: [
      p("Green bean arabika Toraja", "kg", 135_000n, 175_000n, 100, 4_000, 21, "Giling basah, screen 16+, cupping score 83+."),
      p("Kopi sangrai arabika 250 g", "pouch", 75_000n, 95_000n, 50, 2_000, 10, "Sangrai medium, kemasan valve."),
    ],
    certs: [halalNew],
  },
  {
    name: "UD Abon Cakalang Losari",
    slug: "abon-cakalang",
    legalForm: "ud",
    regency: "73.71",
    kbli: ["10219"],
    capital: jt(250),
    sales: jt(900),
    owner: "Andi Nurhayati",
    status: "verified",
    founded: 2013,
    employees: 10,
    address: "Jl. Somba Opu No. 130, Ujung Pandang, Kota Makassar",
    desc: "Abon dan olahan ikan cakalang khas Makassar untuk oleh-oleh dan katering.",
    products: [p("Abon ikan cakalang 250 g", "pouch", 45_000n, 58_000n, 100, 3_000, 7, "Ikan cakalang segar, tanpa pengawet.")],
    certs: [{ ...halalNew, doc: false }],
  },
  {
    name: "CV Sirup Markisa Daeng",
    slug: "markisa-daeng",
    legalForm: "cv",
    regency: "73.71",
    kbli: ["10723", "10330"],
    capital: jt(900),
    sales: M(4.4),
    owner: "Daeng Ramli",
    status: "verified",
    founded: 2006,
    employees: 24,
    address: "Jl. Urip Sumoharjo No. 88, Panakkukang, Kota Makassar",
    desc: "Sirup dan sari buah markisa dari markisa Malino; pasokan ke hotel, restoran dan ritel Sulawesi.",
    products: [
      p("Sirup markisa 620 ml", "botol", 28_000n, 38_000n, 240, 25_000, 10, "Kadar sari buah minimal 25%."),
      p("Konsentrat markisa untuk industri", "liter", 42_000n, 60_000n, 200, 15_000, 14, "Jeriken 20 liter, brix 50.", "10330"),
    ],
    certs: [halalNew, { type: "sni", untilDays: 210, years: 4, issuer: "LSPro Balai Besar Industri Agro" }],
  },
  {
    name: "CV Bika Sumatera Jaya",
    slug: "bika-sumatera",
    legalForm: "cv",
    regency: "12.71",
    kbli: ["10710"],
    capital: jt(400),
    sales: M(1.8),
    owner: "Lisnawati Siregar",
    status: "verified",
    founded: 2011,
    employees: 19,
    address: "Jl. Mojopahit No. 62, Medan Petisah, Kota Medan",
    desc: "Bika ambon, bolu gulung dan kue oleh-oleh khas Medan; pesanan parsel dan bingkisan perusahaan.",
    products: [
      p("Bika ambon pandan (kotak)", "kotak", 75_000n, 95_000n, 20, 3_000, 2, "Isi 20 potong, umur simpan 4 hari."),
      p("Parsel kue khas Medan", "paket", 150_000n, 450_000n, 20, 800, 5, "Bingkisan perusahaan, kartu ucapan dan logo."),
    ],
    certs: [halalNew],
  },
  {
    name: "UD Kopi Robusta Sidikalang",
    slug: "kopi-sidikalang",
    legalForm: "ud",
    regency: "12.11",
    kbli: ["10761"],
    capital: jt(600),
    sales: M(2.6),
    owner: "Marolop Sihombing",
    status: "verified",
    founded: 2004,
    employees: 15,
    address: "Jl. Sidikalang–Medan Km 3, Sidikalang, Kabupaten Dairi",
    desc: "Kopi robusta Sidikalang sangrai dan bubuk; pemasok kedai kopi di Sumatera Utara.",
    products: [p("Kopi bubuk robusta Sidikalang 1 kg", "pouch", 95_000n, 120_000n, 50, 4_000, 7, "Sangrai dark, giling sedang.")],
    certs: [{ type: "halal", untilDays: -200, years: 4 }],
  },
  {
    name: "CV Tahu Tempe Deli",
    slug: "tahu-tempe-deli",
    legalForm: "cv",
    regency: "12.07",
    kbli: ["10392", "10391"],
    capital: jt(150),
    sales: jt(720),
    owner: "Suwarni",
    status: "pending",
    founded: 2017,
    employees: 8,
    address: "Jl. Pasar VII, Tembung, Percut Sei Tuan, Kabupaten Deli Serdang",
    desc: "Tahu dan tempe higienis untuk katering industri dan kantin pabrik di Medan–Deli Serdang.",
    products: [
      p("Tahu putih (papan)", "papan", 38_000n, 48_000n, 20, 3_000, 1, "1 papan = 100 potong, dikirim setiap hari."),
      p("Tempe kedelai 500 g", "pcs", 6_500n, 9_000n, 100, 20_000, 2, "Bungkus plastik berlubang.", "10391"),
    ],
    certs: [{ ...halalNew, doc: false, status: "pending" }],
  },
  {
    name: "CV Randang Bundo Padang",
    slug: "randang-bundo",
    legalForm: "cv",
    regency: "13.71",
    kbli: ["10750"],
    capital: M(1.2),
    sales: M(6.3),
    owner: "Yusniar",
    status: "verified",
    founded: 2012,
    employees: 26,
    address: "Jl. Khatib Sulaiman No. 40, Padang Utara, Kota Padang",
    desc: "Rendang dan masakan Minang siap saji dalam kemasan retort, umur simpan 12 bulan; pemasok ritel modern.",
    products: [
      p("Rendang daging sapi retort 200 g", "pouch", 48_000n, 62_000n, 200, 15_000, 14, "Daging sapi lokal, retort 121 °C."),
      p("Kalio ayam retort 200 g", "pouch", 32_000n, 42_000n, 200, 10_000, 14, "Siap saji, dipanaskan 5 menit."),
    ],
    certs: [halalNew, { type: "sni", untilDays: -15, years: 4, issuer: "LSPro Balai Besar Industri Agro" }],
  },
  {
    name: "UD Gula Aren Kulon Progo",
    slug: "gula-aren-kulon-progo",
    legalForm: "ud",
    regency: "34.01",
    kbli: ["10722"],
    capital: jt(380),
    sales: M(1.5),
    owner: "Sumarno",
    status: "verified",
    founded: 2010,
    employees: 12,
    address: "Dusun Nglinggo, Pagerharjo, Samigaluh, Kulon Progo",
    desc: "Gula semut dan gula aren cair dari 120 penderes binaan di perbukitan Menoreh; bersertifikat organik kelompok.",
    products: [
      p("Gula semut aren", "kg", 34_000n, 42_000n, 200, 8_000, 10, "Kadar air ≤3%, ayakan 20 mesh, karung 25 kg."),
      p("Gula aren cair", "liter", 28_000n, 36_000n, 100, 4_000, 10, "Jeriken 20 liter, brix 70."),
    ],
    certs: [
      halalNew,
      {
        type: "other",
        name: "Sertifikat Organik SNI 6729",
        issuer: "Lembaga Sertifikasi Organik terakreditasi KAN",
        untilDays: 120,
        years: 3,
      },
    ],
  },

  // --- Furniture and crafts -------------------------------------------------------------------
  {
    name: "CV Jepara Mebel Ukir Mulyoharjo",
    slug: "jepara-mebel-ukir",
    legalForm: "cv",
    regency: "33.20",
    kbli: ["31001", "16293"],
    capital: M(2.4),
    sales: M(8.8),
    owner: "Sholikhul Huda",
    status: "verified",
    founded: 2001,
    employees: 44,
    address: "Jl. Mulyoharjo No. 27, Jepara",
    desc: "Mebel jati dan ukiran Jepara untuk hotel, kantor dan ekspor; kayu bersertifikat legalitas (SVLK).",
    products: [
      p("Kursi tamu jati ukir (set)", "set", 8_500_000n, 18_000_000n, 2, 40, 45, "1 sofa 3 dudukan, 2 kursi, 1 meja; finishing melamin."),
      p("Meja kerja kantor jati", "unit", 3_200_000n, 6_500_000n, 5, 120, 30, "160 x 80 cm, laci kunci, finishing natural."),
      p("Panel ukir dinding", "pcs", 1_500_000n, 9_000_000n, 1, 60, 30, "Ukiran relief motif Jepara, ukuran sesuai pesanan.", "16293"),
    ],
    certs: [
      {
        type: "other",
        name: "Sertifikat Legalitas Kayu (SVLK)",
        issuer: "Lembaga Verifikasi Legalitas Kayu terakreditasi KAN",
        untilDays: 480,
        years: 6,
      },
    ],
  },
  {
    name: "UD Kayu Jati Tahunan",
    slug: "kayu-jati-tahunan",
    legalForm: "ud",
    regency: "33.20",
    kbli: ["31001"],
    capital: jt(550),
    sales: M(1.3),
    owner: "Muhammad Nasrullah",
    status: "pending",
    founded: 2016,
    employees: 9,
    address: "Desa Tahunan RT 03/02, Tahunan, Kabupaten Jepara",
    desc: "Mebel jati minimalis untuk rumah dan kantor; menerima pesanan desain sendiri.",
    products: [p("Rak buku jati minimalis", "unit", 1_250_000n, 2_800_000n, 5, 80, 21, "Jati perhutani, finishing water-based.")],
    certs: [],
  },
  {
    name: "CV Rotan Tegalwangi",
    slug: "rotan-tegalwangi",
    legalForm: "cv",
    regency: "32.09",
    kbli: ["31002", "16291"],
    capital: M(1.9),
    sales: M(12.4),
    owner: "Haji Dulkarim",
    status: "verified",
    founded: 1999,
    employees: 70,
    address: "Jl. Raya Tegalwangi No. 14, Weru, Kabupaten Cirebon",
    desc: "Furnitur rotan sintetis dan alami dari sentra rotan Cirebon; ekspor dan proyek hotel/resor.",
    products: [
      p("Kursi rotan sintetis outdoor", "unit", 1_100_000n, 2_300_000n, 20, 900, 30, "Rangka aluminium, rotan PE tahan UV."),
      p("Keranjang anyaman rotan", "pcs", 45_000n, 180_000n, 100, 5_000, 21, "Untuk hampers dan parsel.", "16291"),
    ],
    certs: [
      {
        type: "other",
        name: "Sertifikat Legalitas Kayu (SVLK)",
        issuer: "Lembaga Verifikasi Legalitas Kayu terakreditasi KAN",
        untilDays: 1_100,
        years: 6,
      },
    ],
  },
  {
    name: "CV Ukir Kayu Mas Gianyar",
    slug: "ukir-kayu-mas",
    legalForm: "cv",
    regency: "51.04",
    kbli: ["16293"],
    capital: jt(480),
    sales: M(1.1),
    owner: "I Wayan Sudarsana",
    status: "verified",
    founded: 2000,
    employees: 14,
    address: "Jl. Raya Mas, Ubud, Kabupaten Gianyar",
    desc: "Ukiran kayu dan patung dari Desa Mas untuk dekorasi hotel dan cendera mata korporat.",
    products: [p("Patung kayu suar dekorasi", "pcs", 650_000n, 7_500_000n, 1, 50, 30, "Kayu suar/jempinis, finishing natural.")],
    certs: [],
  },
  {
    name: "UD Anyaman Bambu Bangli",
    slug: "anyaman-bambu-bangli",
    legalForm: "ud",
    regency: "51.06",
    kbli: ["16291"],
    capital: jt(95),
    sales: jt(380),
    owner: "Ni Ketut Suartini",
    status: "verified",
    founded: 2012,
    employees: 7,
    address: "Banjar Kayubihi, Bangli",
    desc: "Anyaman bambu (sokasi, keranjang, lampu) oleh perajin Kayubihi; kemasan hampers ramah lingkungan.",
    products: [p("Keranjang hampers bambu", "pcs", 35_000n, 85_000n, 100, 2_500, 21, "Diameter 25–40 cm, tutup, pewarna alami.")],
    certs: [],
  },

  // --- Packaging ----------------------------------------------------------------------------
  {
    name: "CV Karton Box Rungkut",
    slug: "karton-rungkut",
    legalForm: "cv",
    regency: "35.78",
    kbli: ["17022"],
    capital: M(2.8),
    sales: M(14.6),
    owner: "Liem Hok Sian",
    status: "verified",
    founded: 2003,
    employees: 58,
    address: "Jl. Rungkut Industri III No. 19, Rungkut, Kota Surabaya",
    desc: "Kemasan karton gelombang (B/C/BC flute) dan kotak cetak offset untuk industri makanan dan elektronik.",
    products: [
      p("Karton box B-flute cetak 2 warna", "pcs", 3_200n, 6_500n, 2_000, 300_000, 10, "Ukuran sesuai pesanan, kertas K150/M125/K150."),
      p("Kotak offset duplex 310 gsm", "pcs", 1_100n, 3_800n, 5_000, 500_000, 14, "Cetak 4 warna, laminasi doff/glossy."),
    ],
    certs: [
      { type: "iso9001", untilDays: 670, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
      { type: "other", name: "FSC Chain of Custody", issuer: "Lembaga sertifikasi FSC (fiktif)", untilDays: 1_400, years: 5, doc: false },
    ],
  },
  {
    name: "CV Plastindo Kemasan Tangerang",
    slug: "plastindo-kemasan",
    legalForm: "cv",
    regency: "36.03",
    kbli: ["22220"],
    capital: M(4.5),
    sales: M(22.5),
    owner: "Suryadi Halim",
    status: "verified",
    founded: 2009,
    employees: 85,
    address: "Jl. Raya Serang Km 18, Cikupa, Kabupaten Tangerang",
    desc: "Kemasan fleksibel: standing pouch, sachet, roll film cetak rotogravure 8 warna untuk makanan dan minuman.",
    products: [
      p("Standing pouch zipper cetak", "pcs", 850n, 2_100n, 10_000, 2_000_000, 21, "PET/PE atau PET/AL/PE, 100–1.000 g."),
      p("Roll film kemasan sachet", "kg", 62_000n, 95_000n, 300, 40_000, 21, "Cetak rotogravure, laminasi 3 lapis."),
    ],
    certs: [{ type: "iso9001", untilDays: 33, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" }, halalNew],
  },

  // --- Chemicals ----------------------------------------------------------------------------
  {
    name: "CV Cahaya Bersih Kimia",
    slug: "cahaya-bersih-kimia",
    legalForm: "cv",
    regency: "32.01",
    kbli: ["20231"],
    capital: jt(900),
    sales: M(3.3),
    owner: "Rahmat Hidayat",
    status: "verified",
    founded: 2013,
    employees: 17,
    address: "Jl. Raya Cileungsi–Jonggol Km 4, Cileungsi, Kabupaten Bogor",
    desc: "Sabun, deterjen cair dan pembersih lantai industri; jeriken dan drum untuk pabrik, hotel dan rumah sakit.",
    products: [
      p("Sabun cuci tangan cair", "jeriken 20 L", 260_000n, 340_000n, 10, 2_500, 7, "pH netral, aroma lemon."),
      p("Pembersih lantai industri (degreaser)", "drum 200 L", 3_100_000n, 4_200_000n, 2, 120, 10, "Alkali, biodegradable."),
    ],
    certs: [
      { type: "halal", untilDays: 700, years: 4 },
      { type: "other", name: "Izin Edar PKRT", issuer: "Kementerian Kesehatan", untilDays: 900, years: 5 },
    ],
  },
  {
    name: "UD Akar Wangi Garut",
    slug: "akar-wangi-garut",
    legalForm: "ud",
    regency: "32.05",
    kbli: ["20294"],
    capital: jt(700),
    sales: M(2.4),
    owner: "Ede Komarudin",
    status: "verified",
    founded: 2002,
    employees: 13,
    address: "Desa Sukakarya, Samarang, Kabupaten Garut",
    desc: "Penyulingan minyak akar wangi (vetiver) Garut dan minyak nilam untuk industri parfum dan aromaterapi.",
    products: [
      p("Minyak akar wangi (vetiver oil)", "kg", 3_800_000n, 5_200_000n, 5, 250, 21, "Vetiverol ≥50%, drum aluminium."),
      p("Minyak nilam (patchouli oil)", "kg", 1_100_000n, 1_550_000n, 10, 400, 21, "Patchouli alcohol ≥30%."),
    ],
    certs: [{ type: "sni", untilDays: 160, years: 4, issuer: "LSPro Balai Besar Industri Agro", doc: false }],
  },
  {
    name: "CV Cat Industri Cikarang",
    slug: "cat-industri-cikarang",
    legalForm: "cv",
    regency: "32.16",
    kbli: ["20221"],
    capital: M(1.5),
    sales: M(7.4),
    owner: "Fransiskus Wibowo",
    status: "verified",
    founded: 2014,
    employees: 32,
    address: "Jl. Industri Selatan 5 Blok GG No. 3, Cikarang Selatan, Kabupaten Bekasi",
    desc: "Cat industri (epoxy, polyurethane, zinc-rich primer) dan cat marka; formulasi untuk baja dan beton.",
    products: [
      p("Zinc-rich epoxy primer", "kaleng 20 L", 2_400_000n, 3_100_000n, 5, 600, 14, "Kandungan zinc ≥80% dalam film kering."),
      p("Cat polyurethane top coat", "kaleng 20 L", 2_700_000n, 3_600_000n, 5, 500, 14, "Warna RAL sesuai pesanan, tahan UV."),
    ],
    certs: [
      { type: "tkdn", untilDays: 350, years: 3, tkdn: 41.2 },
      { type: "iso9001", untilDays: -60, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
    ],
  },

  // --- Workwear and safety --------------------------------------------------------------------
  {
    name: "CV Seragam Kerja Cigondewah",
    slug: "seragam-cigondewah",
    legalForm: "cv",
    regency: "32.73",
    kbli: ["14111"],
    capital: M(1.25),
    sales: M(9.1),
    owner: "Dadang Hermawan",
    status: "verified",
    founded: 2008,
    employees: 75,
    address: "Jl. Cigondewah Kaler No. 120, Bandung Kulon, Kota Bandung",
    desc: "Konveksi pakaian kerja: wearpack, coverall tahan api, kemeja lapangan dan rompi reflektif untuk migas dan tambang.",
    products: [
      p(
        "Wearpack katun drill (coverall)",
        "pcs",
        245_000n,
        325_000n,
        100,
        6_000,
        30,
        "Drill 100% katun 220 gsm, scotchlite reflektif 2 inci.",
      ),
      p(
        "Coverall tahan api (FR)",
        "pcs",
        850_000n,
        1_350_000n,
        50,
        1_500,
        45,
        "Kain FR 260 gsm, sesuai NFPA 2112 (sertifikat kain dari pabrik).",
      ),
      p("Kemeja lapangan lengan panjang", "pcs", 145_000n, 210_000n, 100, 8_000, 21, "American drill, bordir logo."),
    ],
    certs: [
      { type: "tkdn", untilDays: 500, years: 3, tkdn: 47.5 },
      { type: "iso9001", untilDays: 580, years: 3, issuer: "PT Sertifikasi Mutu Indonesia (fiktif)" },
    ],
  },
  {
    name: "CV Alat Pelindung Diri Semarang",
    slug: "apd-semarang",
    legalForm: "cv",
    regency: "33.74",
    kbli: ["32904", "15203"],
    capital: jt(950),
    sales: M(2.9),
    owner: "Lukas Hendrawan",
    status: "verified",
    founded: 2017,
    employees: 21,
    address: "Jl. Kaligawe Raya No. 66, Genuk, Kota Semarang",
    desc: "Alat pelindung diri: sarung tangan kerja, rompi, dan sepatu keselamatan untuk pabrik dan proyek.",
    products: [
      p("Sarung tangan kulit las", "pasang", 28_000n, 45_000n, 200, 20_000, 14, "Kulit split sapi, panjang 35 cm."),
      p("Sepatu keselamatan steel toe", "pasang", 285_000n, 420_000n, 50, 3_000, 30, "Sol PU/karet, SNI 7079:2009.", "15203"),
      p("Rompi reflektif", "pcs", 35_000n, 60_000n, 200, 15_000, 10, "Kain mesh, reflektif 2 inci."),
    ],
    certs: [
      { type: "sni", untilDays: 50, years: 4, issuer: "LSPro Balai Besar Kulit, Karet dan Plastik" },
      { type: "tkdn", untilDays: 640, years: 3, tkdn: 40.5 },
    ],
  },
  {
    name: "CV Konveksi Bordir Tasik",
    slug: "bordir-tasik",
    legalForm: "cv",
    regency: "32.78",
    kbli: ["14302", "14111"],
    capital: jt(450),
    sales: M(2.2),
    owner: "Euis Rohaeti",
    status: "returned",
    note: "NIB pada dokumen tidak sama dengan NIB yang diisi. Mohon unggah ulang NIB terbaru dari OSS.",
    founded: 2010,
    employees: 24,
    address: "Jl. Kawalu No. 15, Kawalu, Kota Tasikmalaya",
    desc: "Bordir komputer dan konveksi: seragam, mukena dan busana muslim bordir Tasikmalaya.",
    products: [p("Bordir logo seragam", "pcs", 6_000n, 15_000n, 200, 30_000, 7, "Bordir komputer 12 jarum, hingga 10 warna.")],
    certs: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

export interface DemoSeedResult {
  users: number;
  organizations: number;
  umkm: number;
  provinces: number;
  products: number;
  certifications: number;
  rfqs: number;
  quotes: number;
  agreements: number;
  cooperativeMembers: number;
  /** issue 12: the demo clusters (always) and the national data (SEED_NATIONAL_UMKM; 0 = none). */
  clusters: number;
  national: NationalSeedResult;
}

/**
 * Seeds the demo data into an empty database (call isDatabaseEmpty first). One transaction: all or nothing.
 * Uses `passwordHash` when given (tests pass a precomputed hash to skip Argon2). `nationalUmkm` adds the
 * national data (prisma/seed/national.ts) of that many UMKM; 0 (the default, what tests use) adds none — the
 * scripts pass SEED_NATIONAL_UMKM (scripts/script-db.ts).
 */
export async function seedDemoData(
  db: Db,
  { passwordHash, nationalUmkm = 0 }: { passwordHash?: string; nationalUmkm?: number } = {},
): Promise<DemoSeedResult> {
  const hash = passwordHash ?? (await hashPassword(DEMO_PASSWORD)); // hashed once, reused for every demo account
  return db.$transaction(
    async (tx) => {
      const result = await seed(tx, hash, nationalUmkm);
      // The sign-in page lists the demo accounts only where this marker is (issue 11): same transaction.
      await tx.installationMarker.upsert({ where: { key: DEMO_DATA_MARKER }, create: { key: DEMO_DATA_MARKER }, update: {} });
      return result;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

async function seed(tx: DbClient, hash: string, nationalUmkm: number): Promise<DemoSeedResult> {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const trace = (label: string) => {
    if (!process.env.RANTAI_SEED_TRACE) return;
    const t = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    console.log(`  seed ${label}: ${Math.round(t - last)} ms (cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);
    last = t;
    lastCpu = process.cpuUsage();
  };
  const rng = prng(0x5eed_2026);
  const now = new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const nibs = new Set<string>();
  const nib = () => {
    let v: string;
    do v = `9120${rng.digits(9)}`;
    while (nibs.has(v));
    nibs.add(v);
    return v;
  };
  const phone = () => `08${rng.int(11, 59)}${rng.digits(8)}`;
  const demoUser = (email: string, name: string) => ({ email, name, passwordHash: hash, phone: phone() });

  // --- Institutions --------------------------------------------------------------------------
  const platform = await createOrganization(tx, "platform", {
    name: ORG.platform,
    legalName: "Rantai — platform kemitraan rantai pasok UMKM",
    regencyCode: "31.74",
    owner: demoUser("admin@demo.rantai.id", "Admin Rantai"),
    createdAt: daysAgo(640),
  });
  const ministry = await createOrganization(tx, "ministry", {
    name: ORG.ministry,
    legalName: "Kementerian Usaha Mikro, Kecil, dan Menengah Republik Indonesia",
    regencyCode: "31.74",
    owner: demoUser("kementerian@demo.rantai.id", "Ratna Kusumawardani"),
    createdAt: daysAgo(600),
  });
  const bank = await createOrganization(tx, "bank", {
    name: ORG.bank,
    legalName: "PT Bank Mitra Usaha Nusantara (fiktif)",
    regencyCode: "31.71",
    industry: "Perbankan",
    owner: demoUser("bank@demo.rantai.id", "Andi Pratama"),
    createdAt: daysAgo(420),
  });

  trace("institutions");
  // --- Buyers --------------------------------------------------------------------------------
  const energy = await createBuyer(tx, {
    name: ORG.energy,
    legalName: "PT Energi Nusantara (Persero) (fiktif)",
    regencyCode: "31.74",
    isStateOwned: true,
    industry: "Energi — minyak, gas dan kelistrikan",
    email: "pengadaan@energinusantara.demo.rantai.id",
    owner: demoUser("buyer@demo.rantai.id", "Rina Wulandari"),
    createdAt: daysAgo(560),
  });
  const auto = await createBuyer(tx, {
    name: ORG.auto,
    legalName: "PT Garuda Otomotif Manufaktur (fiktif)",
    regencyCode: "32.15",
    industry: "Otomotif — perakitan kendaraan roda empat",
    email: "purchasing@garudaotomotif.demo.rantai.id",
    owner: demoUser("buyer2@demo.rantai.id", "Hendra Gunawan"),
    createdAt: daysAgo(500),
  });
  const food = await createBuyer(tx, {
    name: ORG.food,
    legalName: "PT Boga Rasa Nusantara (fiktif)",
    regencyCode: "35.14",
    industry: "Pengolahan makanan dan minuman",
    email: "procurement@bogarasa.demo.rantai.id",
    owner: { email: "dewi.lestari@bogarasa.demo.rantai.id", name: "Dewi Lestari", phone: phone() },
    createdAt: daysAgo(380),
  });
  // A second member of the energy buyer (procurement staff; no password).
  const energyStaff = await createUser(tx, { email: "bayu.anggara@energinusantara.demo.rantai.id", name: "Bayu Anggara", phone: phone() });
  await tx.membership.create({ data: { userId: energyStaff.id, organizationId: energy.organization.id, role: "member" } });

  trace("buyers");
  // --- UMKM ----------------------------------------------------------------------------------
  const umkmSpecs = UMKM.map((u, i): UmkmBatchSpec => {
    const created = daysAgo(u.email ? 480 - i : rng.int(25, 620));
    const serial = rng.digits(8);
    return {
      name: u.name,
      legalForm: u.legalForm,
      regencyCode: u.regency,
      kbliCodes: u.kbli,
      capitalIdr: u.capital ?? null,
      annualSalesIdr: u.sales ?? null,
      sizeHistory: u.before ? [{ capitalIdr: u.capital ?? null, annualSalesIdr: u.before.sales, effectiveAt: created }] : [],
      sizeReportedAt: u.before ? daysAgo(Math.round(u.before.monthsAgo * 30.4)) : created,
      nib: nib(),
      npwp: entityNpwp(serial, String(rng.int(401, 699))),
      employees: u.employees,
      foundedYear: u.founded,
      address: u.address,
      description: u.desc,
      verificationStatus: u.status,
      verificationNote: u.note ?? null,
      email: `${u.slug}@umkm.demo.rantai.id`,
      phone: phone(),
      createdAt: created,
      onboarded: u.status !== "unverified",
      owner: u.email ? demoUser(u.email, u.owner) : { email: `pemilik.${u.slug}@umkm.demo.rantai.id`, name: u.owner, phone: phone() },
    };
  });
  // The earliest history row must predate the current one.
  for (const s of umkmSpecs) {
    if (s.sizeHistory?.length && s.sizeReportedAt && s.sizeHistory[0].effectiveAt >= s.sizeReportedAt) {
      s.sizeHistory[0].effectiveAt = new Date(s.sizeReportedAt.getTime() - 180 * 86_400_000);
      s.createdAt = s.sizeHistory[0].effectiveAt;
    }
  }
  const umkm = await createUmkms(tx, umkmSpecs);
  const idOf = (name: string) => {
    const r = umkm.get(name);
    if (!r) throw new Error(`demo seed: unknown UMKM ${name}`);
    return r.organizationId;
  };
  const ownerOf = (name: string) => umkm.get(name)!.ownerId;

  trace("umkm");
  // Products
  const products = UMKM.flatMap((u) =>
    u.products.map((pr) => ({
      supplierId: idOf(u.name),
      name: pr.name,
      description: pr.desc,
      kbliVersion: "2020",
      kbliCode: pr.kbli ?? u.kbli[0],
      unit: pr.unit,
      priceMinIdr: pr.min,
      priceMaxIdr: pr.max,
      moq: pr.moq,
      monthlyCapacity: pr.cap,
      leadTimeDays: pr.lead,
    })),
  );
  await insertMany(tx, "Product", products satisfies Prisma.ProductCreateManyInput[]);

  trace("products");
  let sent = 0; // pending certificates were sent 1–9 days ago, in turn (not from rng: the rest of the seed stays as it was)
  const reviewDates = (status: VerificationStatus, validFrom: Date, at: Date) => ({
    verifiedAt: status === "verified" ? new Date(Math.min(validFrom.getTime() + 14 * 86_400_000, at.getTime() - 30 * 86_400_000)) : null,
    submittedAt: status === "pending" ? new Date(at.getTime() - ((sent++ % 9) + 1) * 86_400_000) : null,
  });
  // Certifications (+ placeholder PDF scans for those with a document)
  const certRows: {
    organizationId: string;
    type: CertificationType;
    name: string | null;
    number: string;
    issuer: string | null;
    validFrom: Date | null;
    validUntil: Date | null;
    tkdnPercent: string | null;
    verificationStatus: VerificationStatus;
    verifiedAt: Date | null;
    submittedAt: Date | null;
    doc: boolean;
    ownerId: string;
    orgName: string;
  }[] = [];
  for (const u of UMKM) {
    for (const c of u.certs) {
      const validUntil = c.untilDays === null ? null : dateInDays(c.untilDays, now);
      const years = c.years ?? 3;
      const validFrom = validUntil
        ? new Date(Date.UTC(validUntil.getUTCFullYear() - years, validUntil.getUTCMonth(), validUntil.getUTCDate()))
        : dateInDays(-Math.round(years * 365) - rng.int(0, 200), now);
      const issuedYear = validFrom.getUTCFullYear();
      const number = {
        halal: `ID${u.regency.slice(0, 2)}110000${rng.digits(7)}${String(issuedYear).slice(2)}`,
        sni: `SPPT-SNI/${rng.digits(4)}/${issuedYear}`,
        iso9001: `QMS-ID-${issuedYear}-${rng.digits(5)}`,
        tkdn: `${rng.int(1000, 9999)}/SJ-IND.8/TKDN/${issuedYear}`,
        other: `${(c.name ?? "CERT")
          .replace(/[^A-Za-z]/g, "")
          .slice(0, 6)
          .toUpperCase()}-${rng.digits(6)}/${issuedYear}`,
      }[c.type];
      certRows.push({
        organizationId: idOf(u.name),
        type: c.type,
        name: c.type === "other" ? (c.name ?? "Sertifikat lain") : null,
        number,
        issuer:
          c.issuer ??
          {
            halal: "Badan Penyelenggara Jaminan Produk Halal (BPJPH)",
            sni: "Lembaga Sertifikasi Produk terakreditasi KAN",
            iso9001: "Lembaga Sertifikasi Sistem Mutu terakreditasi KAN",
            tkdn: "Kementerian Perindustrian",
            other: null,
          }[c.type],
        validFrom,
        validUntil,
        tkdnPercent: c.tkdn !== undefined ? c.tkdn.toFixed(2) : null,
        verificationStatus: c.status ?? (c.doc === false ? "pending" : u.status === "verified" ? "verified" : "pending"),
        // issue 16: verified a fortnight after issue (the TKDN preference compares this with RFQ deadlines); a
        // pending one was sent for review a few days ago (the certificate queue's order).
        ...reviewDates(c.status ?? (c.doc === false ? "pending" : u.status === "verified" ? "verified" : "pending"), validFrom, now),
        doc: c.doc !== false,
        ownerId: ownerOf(u.name),
        orgName: u.name,
      });
    }
  }
  const withDoc = certRows.filter((c) => c.doc);
  const files = withDoc.map((c) =>
    storedFileData(c.organizationId, {
      filename: `sertifikat-${c.type}-${c.number.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.pdf`,
      title: `Sertifikat ${c.type === "other" ? c.name : c.type.toUpperCase()}`,
      lines: [
        `Nomor: ${c.number}`,
        `Pemegang: ${c.orgName}`,
        `Penerbit: ${c.issuer ?? "-"}`,
        `Berlaku: ${c.validFrom?.toISOString().slice(0, 10) ?? "-"} s.d. ${c.validUntil?.toISOString().slice(0, 10) ?? "tidak terbatas"}`,
      ],
      uploadedById: c.ownerId,
    }),
  );
  const fileIds = await insertMany(tx, "StoredFile", files satisfies Prisma.StoredFileCreateManyInput[]);
  const docIdByRow = new Map(withDoc.map((c, i) => [c, fileIds[i]]));
  await insertMany(
    tx,
    "Certification",
    certRows.map(({ doc: _doc, ownerId: _o, orgName: _n, ...c }, i) => ({
      ...c,
      documentId: docIdByRow.get(certRows[i]) ?? null,
    })) satisfies Prisma.CertificationCreateManyInput[],
  );

  trace("certifications");
  // --- Cooperative: the Pekalongan batik makers -----------------------------------------------
  const coopMembers = UMKM.filter((u) => ["33.75", "33.26"].includes(u.regency) && u.kbli[0] === "13134").map((u) => idOf(u.name));
  const coop = await createCooperative(tx, {
    name: ORG.coop,
    legalName: "Koperasi Produsen Batik Sekar Pesisir Pekalongan (fiktif)",
    regencyCode: "33.75",
    industry: "Batik dan tekstil",
    email: "sekretariat@sekarpesisir.demo.rantai.id",
    owner: demoUser("koperasi@demo.rantai.id", "H. Mahfud Ashari"),
    members: coopMembers,
    joinedAt: daysAgo(300),
    createdAt: daysAgo(520),
  });

  trace("cooperative");
  // --- RFQs ----------------------------------------------------------------------------------
  const energyOwner = energy.owner.id;
  const autoOwner = auto.owner.id;
  const foodOwner = food.owner.id;
  const published = (daysBack: number) => daysAgo(daysBack);

  const rfqWearpack = await createRfq(tx, energy.organization.id, {
    createdById: energyOwner,
    title: "Pengadaan wearpack dan seragam kerja lapangan 2027",
    description:
      "Kebutuhan pakaian kerja untuk pekerja lapangan terminal BBM wilayah Kalimantan. Pengiriman ke gudang Balikpapan, " +
      "dua tahap (Februari dan April). Harga belum termasuk PPN; PPN dipungut oleh pembeli (BUMN, kode transaksi 03). Sampel wajib dikirim sebelum penetapan pemenang.",
    kbliCode: "14111",
    deliveryRegencyCode: "64.71",
    deadline: hoursFromNow(12 * 24 + 7, now),
    publishedAt: published(6),
    requiredCertifications: ["tkdn"],
    minTkdn: "40.00",
    items: [
      {
        name: "Wearpack katun drill (coverall) warna biru dongker",
        specification: "Drill 100% katun 220 gsm; reflektif 2 inci di lengan dan kaki; bordir logo dada kiri; ukuran S–XXXL sesuai daftar",
        quantity: 1_200,
        unit: "pcs",
        targetUnitPriceIdr: 285_000n,
      },
      {
        name: "Kemeja lapangan lengan panjang",
        specification: "American drill, warna krem, dua saku, bordir logo",
        quantity: 1_200,
        unit: "pcs",
        targetUnitPriceIdr: 185_000n,
      },
      {
        name: "Rompi reflektif",
        specification: "Mesh oranye, reflektif 2 inci, sablon punggung",
        quantity: 600,
        unit: "pcs",
        targetUnitPriceIdr: 55_000n,
      },
    ],
  });
  const rfqFabrication = await createRfq(tx, energy.organization.id, {
    createdById: energyOwner,
    title: "Fabrikasi pipe support dan flange untuk terminal BBM Balikpapan",
    description:
      "Paket pekerjaan pabrikasi untuk proyek perluasan tangki timbun. Hanya untuk penyedia yang diundang. Gambar kerja dan spesifikasi teknis " +
      "dibagikan kepada penyedia yang diundang; sertakan laporan uji material (mill certificate) dan rencana NDT.",
    kbliCode: "25119",
    deliveryRegencyCode: "64.71",
    deadline: hoursFromNow(18 * 24, now),
    publishedAt: published(3),
    visibility: "invited",
    requiredCertifications: ["iso9001", "tkdn"],
    minTkdn: "25.00",
    invitedSupplierIds: [
      idOf("CV Fabrikasi Baja Balikpapan"),
      idOf(ORG.metal),
      idOf("CV Cor Logam Batur Ceper"),
      idOf("PT Mitra Stamping Karawang"),
    ],
    items: [
      {
        name: "Pipe support U-bolt 4 inci galvanis",
        specification: "MSS SP-58 tipe 24, baja karbon, galvanis celup panas min. 85 µm, lengkap mur dan ring",
        quantity: 600,
        unit: "set",
        targetUnitPriceIdr: 185_000n,
      },
      {
        name: "Flange weld neck 6 inci ASTM A105 kelas 150 RF",
        specification: "ASME B16.5, machining CNC, sertifikat material 3.1",
        quantity: 120,
        unit: "pcs",
        targetUnitPriceIdr: 1_450_000n,
      },
      {
        name: "Base plate 300 x 300 x 12 mm",
        specification: "SS400, lubang angkur 4 x Ø22, cat zinc-rich primer",
        quantity: 400,
        unit: "pcs",
        targetUnitPriceIdr: 210_000n,
      },
    ],
  });
  const rfqBatik = await createRfq(tx, energy.organization.id, {
    createdById: energyOwner,
    title: "Kain batik dan suvenir batik untuk HUT perusahaan",
    description:
      "Kain batik motif korporat untuk seluruh karyawan kantor pusat dan suvenir tamu. Penawaran tertutup: harga dibuka setelah batas waktu. " +
      "Utamakan UMKM dan koperasi pembatik; sertakan foto contoh motif.",
    kbliCode: "13134",
    deliveryRegencyCode: "31.74",
    deadline: hoursFromNow(20 * 24, now),
    publishedAt: published(2),
    sealed: true,
    items: [
      {
        name: "Kain batik cap motif korporat",
        specification: "Katun primisima 2,15 x 1,15 m, 3 warna sesuai pedoman identitas, motif disetujui pembeli",
        quantity: 1_500,
        unit: "lembar",
        targetUnitPriceIdr: 150_000n,
      },
      {
        name: "Selendang batik tulis sutra",
        specification: "Sutra 2 x 0,5 m, kemasan kotak berlogo",
        quantity: 300,
        unit: "lembar",
        targetUnitPriceIdr: 425_000n,
      },
    ],
  });
  const rfqBracket = await createRfq(tx, auto.organization.id, {
    createdById: autoOwner,
    title: "Komponen stamping bracket knalpot dan radiator (model 2027)",
    description:
      "Komponen lokal untuk model baru. Pemasok wajib menyerahkan PPAP level 3 sebelum produksi massal; jadwal pengiriman mingguan " +
      "ke pabrik Karawang (milk run). Harga termasuk kemasan returnable.",
    kbliCode: "29300",
    deliveryRegencyCode: "32.15",
    deadline: hoursFromNow(9 * 24 + 3, now),
    publishedAt: published(8),
    requiredCertifications: ["iso9001"],
    items: [
      {
        name: "Bracket muffler",
        specification: "SPHC 2,3 mm, ED coating hitam, sesuai gambar GOM-BRK-2271",
        quantity: 12_000,
        unit: "pcs",
        targetUnitPriceIdr: 8_500n,
      },
      {
        name: "Bracket radiator bawah",
        specification: "SPCC 1,6 mm, las spot 4 titik, ED coating",
        quantity: 8_000,
        unit: "pcs",
        targetUnitPriceIdr: 11_200n,
      },
      {
        name: "Washer plate",
        specification: "SPCC 3,2 mm, zinc plating trivalen",
        quantity: 20_000,
        unit: "pcs",
        targetUnitPriceIdr: 1_350n,
      },
    ],
  });
  const rfqBolts = await createRfq(tx, auto.organization.id, {
    createdById: autoOwner,
    title: "Baut flange M8 dan mur flange (kontrak 6 bulan)",
    description: "Kebutuhan rutin lini perakitan; pengiriman bulanan ke Karawang. Lampirkan sertifikat uji tarik dan salt spray.",
    kbliCode: "25952",
    deliveryRegencyCode: "32.15",
    deadline: hoursFromNow(16 * 24, now),
    publishedAt: published(4),
    requiredCertifications: ["sni"],
    items: [
      {
        name: "Baut flange M8 x 1,25 x 20 kelas 8.8",
        specification: "Zinc flake, min. 480 jam salt spray, ISO 4162",
        quantity: 150_000,
        unit: "pcs",
        targetUnitPriceIdr: 620n,
      },
      { name: "Mur flange M8 kelas 8", specification: "Zinc flake, ISO 4161", quantity: 150_000, unit: "pcs", targetUnitPriceIdr: 380n },
    ],
  });
  const rfqSugar = await createRfq(tx, food.organization.id, {
    createdById: foodOwner,
    title: "Pasokan gula semut aren dan gula aren cair (triwulan I)",
    description:
      "Bahan baku minuman siap saji. Wajib bersertifikat halal; sertakan hasil uji kadar air dan cemaran mikroba. Pengiriman ke pabrik Pasuruan.",
    kbliCode: "10722",
    deliveryRegencyCode: "35.14",
    deadline: hoursFromNow(10 * 24, now),
    publishedAt: published(5),
    requiredCertifications: ["halal"],
    items: [
      {
        name: "Gula semut aren",
        specification: "Kadar air ≤3%, ayakan 20 mesh, karung 25 kg food grade",
        quantity: 5_000,
        unit: "kg",
        targetUnitPriceIdr: 38_000n,
      },
      {
        name: "Gula aren cair",
        specification: "Brix 68–72, jeriken 20 liter",
        quantity: 2_000,
        unit: "liter",
        targetUnitPriceIdr: 32_000n,
      },
    ],
  });
  const rfqSeasoning = await createRfq(tx, food.organization.id, {
    createdById: foodOwner,
    title: "Maklon bumbu rendang dan sambal untuk merek sendiri",
    description:
      "Produksi maklon untuk lini produk baru. Hanya penyedia undangan; formula dan desain kemasan dari pembeli. Penawaran tertutup.",
    kbliCode: "10772",
    deliveryRegencyCode: "35.14",
    deadline: hoursFromNow(14 * 24, now),
    publishedAt: published(1),
    visibility: "invited",
    sealed: true,
    requiredCertifications: ["halal"],
    invitedSupplierIds: [idOf("CV Rasa Parahyangan"), idOf("CV Randang Bundo Padang"), idOf("CV Keripik Tempe Sanan")],
    items: [
      {
        name: "Bumbu rendang pasta 250 g",
        specification: "Retort pouch, umur simpan 12 bulan, formula pembeli",
        quantity: 10_000,
        unit: "pouch",
        targetUnitPriceIdr: 14_500n,
      },
      {
        name: "Sambal bawang 200 g",
        specification: "Botol kaca, tutup twist-off, label pembeli",
        quantity: 8_000,
        unit: "botol",
        targetUnitPriceIdr: 16_000n,
      },
    ],
  });
  const rfqPackaging = await createRfq(tx, food.organization.id, {
    createdById: foodOwner,
    title: "Kemasan karton dan standing pouch untuk minuman serbuk",
    description: "Kemasan primer dan sekunder; desain cetak dari pembeli. Bahan kontak pangan wajib food grade.",
    kbliCode: "17022",
    deliveryRegencyCode: "35.14",
    deadline: hoursFromNow(11 * 24, now),
    publishedAt: published(3),
    items: [
      {
        name: "Karton box B-flute 40 x 30 x 25 cm",
        specification: "K150/M125/K150, cetak 2 warna, 24 pouch per karton",
        quantity: 20_000,
        unit: "pcs",
        targetUnitPriceIdr: 4_200n,
      },
      {
        name: "Standing pouch zipper 250 g cetak",
        specification: "PET 12/AL 7/LLDPE 80, cetak 6 warna, food grade",
        quantity: 50_000,
        unit: "pcs",
        targetUnitPriceIdr: 1_150n,
      },
    ],
  });
  const rfqs = [rfqWearpack, rfqFabrication, rfqBatik, rfqBracket, rfqBolts, rfqSugar, rfqSeasoning, rfqPackaging];

  trace("rfqs");
  // Quotes from suppliers other than the demo accounts (so a demo UMKM can still submit its own).
  const priced = (rfq: (typeof rfqs)[number], factors: number[]) =>
    Object.fromEntries(rfq.items.map((it, i) => [it.id, (it.targetUnitPriceIdr! * BigInt(Math.round(factors[i] * 1000))) / 1000n]));
  const quoteSpecs: [
    (typeof rfqs)[number],
    string,
    number[],
    { tkdn?: string; lead: number; vat: boolean; note: string; daysAgo: number },
  ][] = [
    [
      rfqWearpack,
      "CV Seragam Kerja Cigondewah",
      [0.96, 1.02, 0.9],
      { tkdn: "47.50", lead: 35, vat: false, note: "Sampel wearpack dapat dikirim dalam 5 hari kerja.", daysAgo: 3 },
    ],
    [
      rfqWearpack,
      "CV Alat Pelindung Diri Semarang",
      [1.08, 1.1, 0.85],
      { tkdn: "40.50", lead: 40, vat: false, note: "Rompi dari stok; wearpack diproduksi bertahap.", daysAgo: 2 },
    ],
    [
      rfqBracket,
      "PT Presisi Komponen Cikarang",
      [0.97, 0.99, 1.0],
      { lead: 45, vat: false, note: "Termasuk pembuatan dies (diamortisasi dalam harga satuan).", daysAgo: 4 },
    ],
    [
      rfqBracket,
      "PT Mitra Stamping Karawang",
      [1.03, 0.95, 0.92],
      { lead: 50, vat: false, note: "Dies dibuat di bengkel sendiri; PPAP 6 minggu.", daysAgo: 2 },
    ],
    [
      rfqSugar,
      "UD Gula Aren Kulon Progo",
      [0.95, 1.0],
      { lead: 10, vat: false, note: "Pasokan dari 120 penderes binaan; dapat dikirim bertahap setiap 2 minggu.", daysAgo: 1 },
    ],
    [
      rfqPackaging,
      "CV Karton Box Rungkut",
      [0.98, 1.0],
      { lead: 14, vat: true, note: "Harga karton saja; pouch tidak kami produksi.", daysAgo: 1 },
    ],
    [
      rfqPackaging,
      "CV Plastindo Kemasan Tangerang",
      [1.05, 0.93],
      { lead: 21, vat: true, note: "Silinder cetak gratis untuk order pertama.", daysAgo: 2 },
    ],
  ];
  for (const [rfq, supplier, factors, q] of quoteSpecs) {
    await createQuote(tx, rfq.id, idOf(supplier), {
      unitPrices: priced(rfq, factors),
      offeredTkdn: q.tkdn ?? null,
      leadTimeDays: q.lead,
      includesVat: q.vat,
      note: q.note,
      submittedById: ownerOf(supplier),
      submittedAt: daysAgo(q.daysAgo),
      validUntil: dateInDays(45, now),
    });
  }

  trace("quotes");
  // --- Agreements ----------------------------------------------------------------------------
  const batikId = idOf(ORG.batik);
  const start = (d: number) => dateInDays(-d, now);
  const ms = (title: string, quantity: number, unit: string, due: Date, amountIdr: bigint, status: MilestoneStatus) => ({
    title,
    quantity,
    unit,
    dueDate: due,
    amountIdr,
    paymentTermDays: 30,
    status,
  });

  // 1. Active supply-chain agreement: the energy BUMN buys uniform batik from the demo UMKM.
  const aBatik = await createAgreement(tx, energy.organization.id, batikId, {
    number: `RNT-${start(75).getUTCFullYear()}-000101`,
    title: "Pasokan kain batik seragam karyawan 2026–2027",
    scheme: "rantai_pasok",
    valueIdr: 396_000_000n,
    startDate: start(75),
    endDate: dateInDays(200, now),
    status: "active",
    createdById: energyOwner,
    terms:
      "Harga satuan Rp165.000 per lembar belum termasuk PPN 11% (dipungut pembeli). Pembayaran 30 hari setelah barang diterima dan lolos pemeriksaan. " +
      "Cacat warna atau ukuran diganti paling lambat 14 hari. Motif milik pembeli, tidak boleh dijual kepada pihak lain.",
    milestones: [
      ms("Pengiriman tahap 1 — kantor pusat", 800, "lembar", start(40), 132_000_000n, "paid"),
      ms("Pengiriman tahap 2 — wilayah Jawa", 800, "lembar", start(5), 132_000_000n, "accepted"),
      ms("Pengiriman tahap 3 — wilayah luar Jawa", 800, "lembar", dateInDays(60, now), 132_000_000n, "pending"),
    ],
    acceptedBy: { [energy.organization.id]: energyOwner, [batikId]: ownerOf(ORG.batik) },
  });
  // 2. Completed subcontract: automotive maker and its stamping supplier.
  const mitraId = idOf("PT Mitra Stamping Karawang");
  const aStamping = await createAgreement(tx, auto.organization.id, mitraId, {
    number: `RNT-${start(300).getUTCFullYear()}-000042`,
    title: "Subkontrak stamping bracket rangka jok",
    scheme: "subkontrak",
    valueIdr: 1_260_000_000n,
    startDate: start(300),
    endDate: start(30),
    status: "completed",
    createdById: autoOwner,
    terms: "Harga satuan Rp10.500 untuk 120.000 pcs. Dies milik pembeli dan dirawat pemasok. Pembayaran 45 hari setelah penerimaan.",
    milestones: [
      ms("Batch 1 (40.000 pcs)", 40_000, "pcs", start(240), 420_000_000n, "paid"),
      ms("Batch 2 (40.000 pcs)", 40_000, "pcs", start(150), 420_000_000n, "paid"),
      ms("Batch 3 (40.000 pcs)", 40_000, "pcs", start(60), 420_000_000n, "paid"),
    ].map((m) => ({ ...m, paymentTermDays: 45 })),
    acceptedBy: { [auto.organization.id]: autoOwner, [mitraId]: ownerOf("PT Mitra Stamping Karawang") },
  });
  // 3. Active inti-plasma: the food processor guides and buys from palm-sugar tappers.
  const arenId = idOf("UD Gula Aren Kulon Progo");
  const aAren = await createAgreement(tx, food.organization.id, arenId, {
    number: `RNT-${start(120).getUTCFullYear()}-000077`,
    title: "Kemitraan inti-plasma gula aren Menoreh",
    scheme: "inti_plasma",
    valueIdr: 540_000_000n,
    startDate: start(120),
    endDate: dateInDays(245, now),
    status: "active",
    createdById: foodOwner,
    terms:
      "Pembeli (inti) memberikan pelatihan higiene dan pendampingan sertifikasi organik; pemasok (plasma) menjual seluruh hasil sesuai mutu " +
      "dengan harga dasar Rp36.000/kg yang ditinjau tiap triwulan. Pembayaran 14 hari.",
    milestones: [
      ms("Pasokan triwulan 1", 5_000, "kg", start(90), 180_000_000n, "paid"),
      ms("Pasokan triwulan 2", 5_000, "kg", start(1), 180_000_000n, "delivered"),
      ms("Pasokan triwulan 3", 5_000, "kg", dateInDays(90, now), 180_000_000n, "pending"),
    ].map((m) => ({ ...m, paymentTermDays: 14 })),
    acceptedBy: { [food.organization.id]: foodOwner, [arenId]: ownerOf("UD Gula Aren Kulon Progo") },
  });
  // 4. Active subcontract: the energy BUMN and the Tegal machining workshop (umkm2@).
  const metalId = idOf(ORG.metal);
  await createAgreement(tx, energy.organization.id, metalId, {
    number: `RNT-${start(50).getUTCFullYear()}-000113`,
    title: "Pembuatan suku cadang pompa transfer BBM",
    scheme: "subkontrak",
    valueIdr: 275_000_000n,
    startDate: start(50),
    endDate: dateInDays(130, now),
    status: "active",
    createdById: energyOwner,
    terms: "Pembuatan impeler dan poros pompa sesuai gambar hasil reverse engineering; uji dimensi oleh pembeli. Pembayaran 30 hari.",
    milestones: [
      ms("Prototipe dan uji dimensi", 2, "set", start(20), 55_000_000n, "accepted"),
      ms("Produksi 8 set", 8, "set", dateInDays(70, now), 220_000_000n, "pending"),
    ],
    acceptedBy: { [energy.organization.id]: energyOwner, [metalId]: ownerOf(ORG.metal) },
  });
  // 5. Completed general-trade agreement: packaging for the food processor.
  const kartonId = idOf("CV Karton Box Rungkut");
  const aKarton = await createAgreement(tx, food.organization.id, kartonId, {
    number: `RNT-${start(210).getUTCFullYear()}-000058`,
    title: "Pasokan karton box minuman serbuk",
    scheme: "perdagangan_umum",
    valueIdr: 168_000_000n,
    startDate: start(210),
    endDate: start(20),
    status: "completed",
    createdById: foodOwner,
    milestones: [
      ms("Pengiriman 20.000 pcs", 20_000, "pcs", start(150), 84_000_000n, "paid"),
      ms("Pengiriman 20.000 pcs", 20_000, "pcs", start(60), 84_000_000n, "paid"),
    ],
    acceptedBy: { [food.organization.id]: foodOwner, [kartonId]: ownerOf("CV Karton Box Rungkut") },
  });
  // 6. Draft subcontract (not yet proposed).
  await createAgreement(tx, auto.organization.id, idOf("CV Karet Teknik Karawang"), {
    number: `RNT-${now.getUTCFullYear()}-000131`,
    title: "Grommet dan seal karet kabin",
    scheme: "subkontrak",
    valueIdr: 185_000_000n,
    startDate: dateInDays(20, now),
    endDate: dateInDays(200, now),
    status: "draft",
    createdById: autoOwner,
    milestones: [
      ms("Sampel dan persetujuan PPAP", 500, "pcs", dateInDays(45, now), 5_000_000n, "pending"),
      ms("Produksi massal", 60_000, "pcs", dateInDays(150, now), 180_000_000n, "pending"),
    ],
  });
  // 7. Proposed to the cooperative: batik souvenirs, waiting for the cooperative to accept.
  await createAgreement(tx, energy.organization.id, coop.organization.id, {
    number: `RNT-${now.getUTCFullYear()}-000134`,
    title: "Suvenir batik tulis untuk tamu perusahaan",
    scheme: "rantai_pasok",
    valueIdr: 127_500_000n,
    startDate: dateInDays(14, now),
    endDate: dateInDays(120, now),
    status: "proposed",
    createdById: energyOwner,
    terms: "Koperasi membagi pekerjaan kepada anggota; mutu diperiksa koperasi sebelum pengiriman. Pembayaran 30 hari.",
    milestones: [ms("Selendang batik tulis sutra", 300, "lembar", dateInDays(75, now), 127_500_000n, "pending")],
  });

  trace("agreements");
  // Deliveries, payments and ratings for the agreements under way or done (feeds performance statistics).
  const milestonesOf = async (agreementId: string) => tx.milestone.findMany({ where: { agreementId }, orderBy: { position: "asc" } });
  const deliveries: {
    agreementId: string;
    milestoneId: string;
    quantity: number;
    deliveredOn: Date;
    onTime: boolean;
    status: DeliveryStatus;
    recordedById: string;
  }[] = [];
  const payments: {
    agreementId: string;
    milestoneId: string;
    amountIdr: bigint;
    invoicedOn: Date;
    paidOn: Date;
    daysToPay: number;
    recordedById: string;
  }[] = [];
  for (const [agreement, buyerUser, late] of [
    [aBatik, energyOwner, [false, true]],
    [aStamping, autoOwner, [false, false, true]],
    [aAren, foodOwner, [false, false]],
    [aKarton, foodOwner, [false, false]],
  ] as const) {
    const list = await milestonesOf(agreement.id);
    list.forEach((m, i) => {
      if (m.status === "pending") return;
      const deliveredOn = dateInDays(late[i] ? 4 : -2, m.dueDate);
      deliveries.push({
        agreementId: agreement.id,
        milestoneId: m.id,
        quantity: m.quantity ?? 0,
        deliveredOn,
        onTime: !late[i],
        status: m.status === "delivered" ? "pending_review" : "accepted",
        recordedById: buyerUser,
      });
      if (m.status === "paid") {
        const daysToPay = (m.paymentTermDays ?? 30) - 3 + rng.int(0, 8);
        payments.push({
          agreementId: agreement.id,
          milestoneId: m.id,
          amountIdr: m.amountIdr ?? 0n,
          invoicedOn: deliveredOn,
          paidOn: dateInDays(daysToPay, deliveredOn),
          daysToPay,
          recordedById: buyerUser,
        });
      }
    });
  }
  await tx.delivery.createMany({ data: deliveries });
  await tx.payment.createMany({ data: payments });
  await tx.rating.createMany({
    data: [
      {
        agreementId: aStamping.id,
        raterId: auto.organization.id,
        rateeId: mitraId,
        score: 4,
        comment: "Mutu konsisten; satu batch terlambat 4 hari karena perbaikan dies.",
      },
      {
        agreementId: aStamping.id,
        raterId: mitraId,
        rateeId: auto.organization.id,
        score: 5,
        comment: "Pembayaran tepat waktu, jadwal jelas.",
      },
      {
        agreementId: aKarton.id,
        raterId: food.organization.id,
        rateeId: kartonId,
        score: 5,
        comment: "Cetakan rapi, pengiriman sesuai jadwal.",
      },
      { agreementId: aKarton.id, raterId: kartonId, rateeId: food.organization.id, score: 4, comment: null },
    ],
  });

  // A purchase-order financing request from the demo UMKM to the partner bank (confirmed by the buyer).
  await tx.financingRequest.create({
    data: {
      agreementId: aBatik.id,
      supplierId: batikId,
      bankId: bank.organization.id,
      type: "purchase_order",
      amountIdr: 90_000_000n,
      status: "submitted",
      buyerConfirmedAt: daysAgo(3),
      createdAt: daysAgo(4),
    },
  });

  trace("deliveries");
  await seedDemoNotifications(tx, now); // a few read and unread notifications for the demo accounts
  await seedDemoMatching(tx, now); // an RFQ too large for one workshop: consortia and almost-qualified on the matches page
  await seedDemoRfqs(tx, now); // RFQ histories and public clarifications (answered and waiting)
  const financingAgreements = await seedDemoFinancing(tx, now); // issue 13: a qualifying agreement for programme requests
  trace("rfq histories");
  // issue 12: the cluster manager, the two governments and three clusters (always); then the national data.
  const clusters = await seedDemoClusters(tx, { hash, now });
  trace("clusters");
  const national = await seedNational(tx, {
    umkm: nationalUmkm,
    now,
    clusters,
    baseBuyers: [
      { id: energy.organization.id, groups: ["batik", "tekstil", "logam", "kimia"], cluster: 2, late: 0.14, slow: 0.1 },
      { id: auto.organization.id, groups: ["motor", "logam", "kemasan"], cluster: 1, late: 0.04, slow: 0.05 },
      { id: food.organization.id, groups: ["pangan", "kemasan"], cluster: 3, late: 0.08, slow: 0.12 },
    ],
  });
  trace("national");
  // The rollups (Stats*, SupplierTrackRecord) are kept by triggers; a full rebuild makes them exactly a recount
  // of what the seed wrote, whatever order it wrote it in.
  await tx.$executeRawUnsafe(`SELECT stats_rebuild()`);
  trace("stats_rebuild");
  const provinces = new Set(UMKM.map((u) => u.regency.slice(0, 2)));
  void platform;
  void ministry;
  return {
    users: await tx.user.count(),
    organizations: await tx.organization.count(),
    umkm: UMKM.length,
    provinces: provinces.size,
    products: products.length,
    certifications: certRows.length,
    rfqs: rfqs.length,
    quotes: quoteSpecs.length,
    agreements: 7 + financingAgreements,
    cooperativeMembers: coop.memberIds.length,
    clusters: 3,
    national,
  };
}
