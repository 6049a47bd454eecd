// National demo data (issue 12): about 2,000 UMKM across all 38 provinces with products, certificates and
// capacity, 4–40 BUMN and private buyers, three years of agreements with milestones, deliveries, payments
// (and the UMKM's confirmations of receipt) and ratings, size-class moves up, and the national members and
// anchors of the three demo clusters (prisma/seed/demo-clusters.ts). docs/decisions/0027-national-demo-data.md.
//
// Set-based: a few INSERT … SELECT statements over generate_series (one per table), inside the seed's
// transaction, with the database's triggers on (the directory's search documents and the statistics follow
// each statement); the caller then runs stats_rebuild() so every rollup is exactly a recount.
//
// Deterministic: no random(). Every "random" choice is hashtextextended('<row key>:<salt>', 0) scaled to
// [0, 1) — the same on every run and on PostgreSQL and PGlite — and ids are derived from the row number
// ("natu00042"), so the same size gives the same organizations, names, identifiers and agreements; only the
// dates move with today (everything is placed relative to the seed's `now`).
//
// Region codes come from the Regency table, KBLI codes are checked against the KbliCode table
// (national-vocabulary.ts; kinds whose code is missing are dropped), NIB are 13 digits (unique, prefix 8120),
// NPWP 16-digit entity numbers with a valid Luhn digit (lib/suppliers/identifiers.ts), unique.
import type { DbClient } from "./factories";
import { entityNpwp } from "./factories";
import type { DemoClusters } from "./demo-clusters";
import { CLUSTER_REGENCIES } from "./demo-clusters";
import {
  BUYERS,
  FEMALE_NAMES,
  GROUP_WORDS,
  KINDS,
  MALE_NAMES,
  NAME_WORDS,
  PROVINCE_WEIGHTS,
  STREETS,
  SURNAMES,
} from "./national-vocabulary";

/** The default size for `npm start` / `npm run db:seed` (SEED_NATIONAL_UMKM overrides it; 0 = none). */
export const DEFAULT_NATIONAL_UMKM = 2000;

/** The first GUARANTEED_ROWS rows outside the clusters go round the 38 provinces, verified and partnering: ≥ 3 per province. */
const PROVINCES = PROVINCE_WEIGHTS.length;
const GUARANTEED_ROWS = PROVINCES * 3;

export interface NationalSeedResult {
  umkm: number;
  buyers: number;
  agreements: number;
  provinces: number;
}

/** The base buyers of prisma/seed/demo.ts that also buy from national UMKM (with their habits). */
export interface BaseBuyer {
  id: string;
  groups: string[];
  cluster: 0 | 1 | 2 | 3;
  late: number;
  slow: number;
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (xs: readonly string[]) => `ARRAY[${xs.map(sqlText).join(",")}]::text[]`;
/** A deterministic number in [0, 1) for a row key and a salt. */
const R = (key: string, salt: number) => `((hashtextextended((${key})::text || ':${salt}', 0) & 2147483647)::float8 / 2147483648.0)`;
/** Picks an element of a SQL array expression with a [0, 1) number. */
const pick = (arr: string, r: string) => `(${arr})[1 + floor(${r} * cardinality(${arr}))::int]`;

function nationalBuyerCount(umkm: number): number {
  return umkm <= 0 ? 0 : Math.min(BUYERS.length, Math.max(4, Math.ceil(umkm / 50)));
}

export async function seedNational(
  tx: DbClient,
  { umkm: n, now, clusters, baseBuyers }: { umkm: number; now: Date; clusters: DemoClusters; baseBuyers: BaseBuyer[] },
): Promise<NationalSeedResult> {
  if (n <= 0) return { umkm: 0, buyers: 0, agreements: 0, provinces: 0 };
  const trace = tracer();
  const run = async (sql: string) => {
    const t0 = performance.now();
    const r = await tx.$executeRawUnsafe(sql);
    if (process.env.RANTAI_SEED_SQL) (await import("node:fs")).appendFileSync(process.env.RANTAI_SEED_SQL, `${sql};\n`);
    if (process.env.RANTAI_SEED_TRACE === "2")
      console.log(`    ${Math.round(performance.now() - t0)} ms ${sql.trim().replace(/\s+/g, " ").slice(0, 70)}`);
    return r;
  };
  const NOW = `TIMESTAMP ${sqlText(now.toISOString().replace("T", " ").replace("Z", ""))}`;
  const TODAY = `(${NOW})::date`;
  const Y0 = `DATE '${now.getUTCFullYear() - 2}-01-01'`; // three calendar years of agreements

  // PostgreSQL's JIT would compile these one-off statements (and the trigger queries they fire) for seconds each.
  await run(`SET LOCAL jit = off`);
  // --- Reference tables for this seed (temporary, dropped at commit) ----------------------------------
  await run(`
    CREATE TEMP TABLE nat_kind ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY x.o)::int AS i, x.grp, x.noun, x.kbli, x.unit, x.price::bigint AS price
      FROM unnest(${sqlArray(KINDS.map((k) => k[0]))}, ${sqlArray(KINDS.map((k) => k[1]))}, ${sqlArray(KINDS.map((k) => k[2]))},
                  ${sqlArray(KINDS.map((k) => k[3]))}, ARRAY[${KINDS.map((k) => k[4]).join(",")}]::bigint[])
           WITH ORDINALITY AS x(grp, noun, kbli, unit, price, o)
     WHERE EXISTS (SELECT 1 FROM "KbliCode" kc WHERE kc.version = '2020' AND kc.code = x.kbli)`);
  await run(`
    CREATE TEMP TABLE nat_grp ON COMMIT DROP AS
    SELECT grp, array_agg(i ORDER BY i) AS kinds FROM nat_kind GROUP BY grp
    UNION ALL SELECT 'all', array_agg(i ORDER BY i) FROM nat_kind`);
  const total = PROVINCE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const provRows = PROVINCE_WEIGHTS.map(([code, w], idx) => {
    const lo = acc / total;
    acc += w;
    return `(${idx + 1}, '${code}', ${lo}, ${idx === PROVINCES - 1 ? 1.01 : acc / total})`;
  });
  await run(`
    CREATE TEMP TABLE nat_prov ON COMMIT DROP AS
    SELECT v.idx, v.code, v.lo, v.hi, r.regs
      FROM (VALUES ${provRows.join(",")}) AS v(idx, code, lo, hi)
      JOIN (SELECT "provinceCode", array_agg(code ORDER BY code) AS regs FROM "Regency" GROUP BY 1) r ON r."provinceCode" = v.code`);

  // --- The UMKM, staged ----------------------------------------------------------------------------------
  const g = "u.g";
  await run(`
    CREATE TEMP TABLE nat_u ON COMMIT DROP AS
    WITH c AS (
      -- 5 % of the rows go to the e-motorcycle cluster, 4 % to batik, 6 % to food, the rest anywhere
      SELECT g, CASE WHEN g % 100 BETWEEN 1 AND 5 THEN 1 WHEN g % 100 BETWEEN 6 AND 9 THEN 2 WHEN g % 100 BETWEEN 10 AND 15 THEN 3 ELSE 0 END AS cls
        FROM generate_series(1, ${n}) g
    ), b AS (
      SELECT g, cls,
             -- the first ${GUARANTEED_ROWS} rows outside the clusters go round the provinces (every province gets three)
             (cls = 0 AND row_number() OVER (PARTITION BY cls = 0 ORDER BY g) <= ${GUARANTEED_ROWS}) AS guaranteed,
             row_number() OVER (PARTITION BY cls = 0 ORDER BY g) AS gk,
             ${R("g", 1)} AS r1, ${R("g", 2)} AS r2, ${R("g", 3)} AS r3, ${R("g", 4)} AS r4, ${R("g", 5)} AS r5,
             ${R("g", 6)} AS r6, ${R("g", 7)} AS r7, ${R("g", 8)} AS r8, ${R("g", 9)} AS r9, ${R("g", 10)} AS r10
        FROM c
    ), placed AS (
      SELECT b.*,
             CASE b.cls
               WHEN 1 THEN ${pick(sqlArray(CLUSTER_REGENCIES.emotor), "b.r2")}
               WHEN 2 THEN ${pick(sqlArray(CLUSTER_REGENCIES.batik), "b.r2")}
               WHEN 3 THEN ${pick(sqlArray(CLUSTER_REGENCIES.food), "b.r2")}
               ELSE ${pick("p.regs", "b.r2")}
             END AS regency,
             (SELECT kinds FROM nat_grp WHERE grp = CASE b.cls WHEN 1 THEN 'motor' WHEN 2 THEN 'batik' WHEN 3 THEN 'pangan' ELSE 'all' END) AS kinds,
             CASE WHEN b.r5 < ${b("mikro")} THEN 'mikro' WHEN b.r5 < ${b("kecil")} THEN 'kecil' ELSE 'menengah' END AS size
        FROM b
        JOIN nat_prov p ON (b.guaranteed AND p.idx = (b.gk - 1) % ${PROVINCES} + 1)
                        OR (NOT b.guaranteed AND b.r1 >= p.lo AND b.r1 < p.hi)
    ), kinded AS (
      SELECT pl.*, k.i AS kind, k.grp, k.noun, k.kbli, k.unit, k.price, rg.name AS regency_name,
             regexp_replace(rg.name, '^(Kabupaten|Kota Administrasi|Kota)\\s+', '') AS regency_short, rg."provinceCode" AS province,
             CASE WHEN pl.guaranteed OR (pl.cls > 0 AND pl.r6 < 0.95) OR pl.r6 < 0.84 THEN 'verified'
                  WHEN pl.r6 < 0.91 THEN 'pending' WHEN pl.r6 < 0.97 THEN 'unverified' ELSE 'returned' END AS vstatus
        FROM placed pl
        JOIN nat_kind k ON k.i = ${pick("pl.kinds", "pl.r3")}
        JOIN "Regency" rg ON rg.code = pl.regency
    )
    SELECT k.*,
           'natu' || lpad(k.g::text, 5, '0') AS id,
           CASE k.size
             WHEN 'mikro' THEN CASE WHEN k.r4 < 0.4 THEN 'ud' WHEN k.r4 < 0.75 THEN 'perorangan' ELSE 'cv' END
             WHEN 'kecil' THEN CASE WHEN k.r4 < 0.55 THEN 'cv' WHEN k.r4 < 0.75 THEN 'ud' ELSE 'pt_perorangan' END
             ELSE CASE WHEN k.r4 < 0.55 THEN 'pt' ELSE 'cv' END
           END AS legal,
           CASE k.size
             WHEN 'mikro' THEN (150 + floor(k.r7 * 1800))::bigint * 1000000
             WHEN 'kecil' THEN (2200 + floor(k.r7 * 12000))::bigint * 1000000
             ELSE (16000 + floor(k.r7 * 30000))::bigint * 1000000
           END AS sales,
           CASE k.size
             WHEN 'mikro' THEN (50 + floor(k.r8 * 900))::bigint * 1000000
             WHEN 'kecil' THEN (1100 + floor(k.r8 * 3800))::bigint * 1000000
             ELSE (5200 + floor(k.r8 * 4500))::bigint * 1000000
           END AS capital,
           CASE k.size WHEN 'mikro' THEN 1 + floor(k.r9 * 9) WHEN 'kecil' THEN 5 + floor(k.r9 * 15) ELSE 20 + floor(k.r9 * 80) END::int AS employees,
           (k.vstatus = 'verified' AND (k.guaranteed OR (k.cls > 0 AND k.r10 < 0.8) OR k.r10 < 0.5)) AS partnering,
           k.r10 < 0.5 AS female,
           (k.size <> 'mikro' AND k.r8 < 0.3) AS moved_up
      FROM kinded k`);
  await run(`ALTER TABLE nat_u ADD PRIMARY KEY (g)`);
  await run(`ANALYZE nat_u`);
  // Names, owners, dates (second pass: they use the columns above).
  await run(`
    ALTER TABLE nat_u ADD COLUMN name text, ADD COLUMN owner_name text, ADD COLUMN created timestamp, ADD COLUMN size_at timestamp,
                      ADD COLUMN nagree int`);
  await run(`
    UPDATE nat_u u SET
      owner_name = CASE WHEN u.female THEN ${pick(sqlArray(FEMALE_NAMES), R(g, 11))} ELSE ${pick(sqlArray(MALE_NAMES), R(g, 11))} END
                   || ' ' || ${pick(sqlArray(SURNAMES), R(g, 12))},
      created = CASE WHEN u.partnering THEN ${Y0} - make_interval(days => 30 + floor(${R(g, 13)} * 600)::int)
                     ELSE ${NOW} - make_interval(days => 20 + floor(${R(g, 13)} * 1300)::int) END,
      nagree = CASE WHEN u.partnering THEN 1 + floor(${R(g, 14)} * 3)::int ELSE 0 END`);
  await run(`
    UPDATE nat_u u SET
      size_at = CASE WHEN u.moved_up THEN least(u.created + make_interval(days => 150 + floor(${R(g, 15)} * 500)::int), ${NOW} - interval '5 days')
                     ELSE u.created END,
      name = CASE WHEN u.legal = 'perorangan'
                  THEN CASE u.grp WHEN 'pangan' THEN split_part(u.noun, ' ', 1) WHEN 'batik' THEN 'Batik' WHEN 'tekstil' THEN 'Konveksi'
                                  WHEN 'kayu' THEN 'Mebel' WHEN 'kulit' THEN 'Kerajinan Kulit' WHEN 'kimia' THEN 'Herbal'
                                  WHEN 'kemasan' THEN 'Kemasan' ELSE 'Bengkel' END
                       || ' ' || CASE WHEN u.female THEN 'Bu ' ELSE 'Pak ' END || split_part(u.owner_name, ' ', 1)
                       || ' ' || u.regency_short
                  ELSE CASE u.legal WHEN 'ud' THEN 'UD ' WHEN 'cv' THEN 'CV ' ELSE 'PT ' END
                       || ${pick(sqlArray(NAME_WORDS), R(g, 16))} || ' '
                       || (${sqlArray(NAME_WORDS)})[1 + (floor(${R(g, 16)} * ${NAME_WORDS.length})::int + 1 + floor(${R(g, 17)} * ${NAME_WORDS.length - 1})::int) % ${NAME_WORDS.length}]
                       || ' ' || CASE u.grp ${Object.entries(GROUP_WORDS)
                         .map(([grp, words]) => `WHEN ${sqlText(grp)} THEN ${pick(sqlArray(words), R(g, 18))}`)
                         .join(" ")} ELSE 'Usaha' END
             END`);
  // The same name twice: the later one gets its regency (a business name is not unique, but a demo reads better).
  await run(`
    UPDATE nat_u u SET name = u.name || ' ' || u.regency_short
      FROM (SELECT g, row_number() OVER (PARTITION BY name ORDER BY g) AS k FROM nat_u) d
     WHERE d.g = u.g AND d.k > 1 AND u.legal <> 'perorangan'`);
  await run(`
    UPDATE nat_u u SET name = u.name || ' ' || d.k
      FROM (SELECT g, row_number() OVER (PARTITION BY name ORDER BY g) AS k FROM nat_u) d
     WHERE d.g = u.g AND d.k > 1`);
  trace("staged umkm");

  // The triggers that keep the search documents and the statistics are turned off for the bulk load (row by
  // row they would take minutes) and their tables rebuilt at the end, the way the benchmarks do it.
  const triggers = await suspendRebuiltTriggers(tx);
  trace(`suspended ${triggers.length} triggers`);

  // --- Users, organizations, memberships, profiles ------------------------------------------------------
  const npwps = Array.from({ length: n }, (_, i) => {
    const serial = String(((i + 1) * 7919 + 31_000_000) % 100_000_000).padStart(8, "0");
    return entityNpwp(serial, String(401 + ((i * 37) % 299)));
  });
  await run(`
    INSERT INTO "User" (id, email, name, phone, locale, "createdAt", "updatedAt")
    SELECT 'natuo' || lpad(u.g::text, 5, '0'), 'pemilik.' || u.id || '@umkm.demo.rantai.id', u.owner_name,
           '08' || (11 + floor(${R(g, 19)} * 48)::int) || lpad(floor(${R(g, 20)} * 100000000)::bigint::text, 8, '0'), 'id', u.created, u.created
      FROM nat_u u`);
  await run(`
    INSERT INTO "Organization" (id, type, name, email, phone, "regencyCode", "verificationStatus", "verificationNote", "verifiedAt",
                                "siteId", "createdAt", "updatedAt")
    SELECT u.id, 'umkm', u.name, u.id || '@umkm.demo.rantai.id',
           '0' || (21 + floor(${R(g, 21)} * 70)::int) || lpad(floor(${R(g, 22)} * 10000000)::bigint::text, 7, '0'),
           u.regency, u.vstatus::"VerificationStatus",
           CASE WHEN u.vstatus = 'returned' THEN 'Foto NIB tidak terbaca. Mohon unggah ulang dokumen NIB dari OSS.' END,
           CASE WHEN u.vstatus = 'verified' THEN u.created + interval '9 days' END,
           CASE WHEN ${R(g, 23)} < CASE WHEN u.cls = 1 THEN 0.8 ELSE 0.5 END THEN s.id END,
           u.created, u.created
      FROM nat_u u
      LEFT JOIN LATERAL (SELECT st.id FROM "Site" st WHERE st."regencyCode" = u.regency ORDER BY st.name, st.id LIMIT 1) s ON true`);
  await run(`
    INSERT INTO "Membership" (id, "userId", "organizationId", role, "createdAt")
    SELECT 'natum' || lpad(u.g::text, 5, '0'), 'natuo' || lpad(u.g::text, 5, '0'), u.id, 'owner', u.created FROM nat_u u`);
  await run(`
    INSERT INTO "SupplierProfile" ("organizationId", nib, npwp, "legalForm", "capitalIdr", "annualSalesIdr", "sizeClass", "sizeBasis",
                                   employees, "foundedYear", "regencyCode", address, description, "onboardingStep", "onboardedAt",
                                   "verificationStatus", "verificationNote", "verifiedAt", "createdAt", "updatedAt")
    SELECT u.id, '8120' || lpad(((u.g::bigint * 104729 + 200000000) % 1000000000)::text, 9, '0'),
           (${sqlArray(npwps)})[u.g], u.legal::"LegalForm", u.capital, u.sales, u.size::"SizeClass", 'annual_sales',
           u.employees, 1990 + floor(${R(g, 24)} * 33)::int, u.regency,
           'Jl. ' || ${pick(sqlArray(STREETS), R(g, 25))} || ' No. ' || (1 + floor(${R(g, 26)} * 180)::int) || ', ' || u.regency_name,
           'Produsen ' || lower(u.noun) || ' di ' || u.regency_name || ' dengan ' || u.employees || ' tenaga kerja. '
             || CASE u.size WHEN 'mikro' THEN 'Melayani pesanan partai kecil dan menengah untuk toko, hotel dan kantor.'
                            WHEN 'kecil' THEN 'Memasok industri, ritel modern dan instansi; siap pesanan rutin bulanan.'
                            ELSE 'Kapasitas produksi besar dengan kontrol mutu tertulis; memasok pabrik dan BUMN.' END,
           CASE WHEN u.vstatus = 'unverified' THEN 1 ELSE 4 END, CASE WHEN u.vstatus <> 'unverified' THEN u.created END,
           u.vstatus::"VerificationStatus",
           CASE WHEN u.vstatus = 'returned' THEN 'Foto NIB tidak terbaca. Mohon unggah ulang dokumen NIB dari OSS.' END,
           CASE WHEN u.vstatus = 'verified' THEN u.created + interval '9 days' END, u.created, u.created
      FROM nat_u u`);
  await run(`
    INSERT INTO "SupplierKbli" ("supplierId", "kbliVersion", "kbliCode", "isPrimary") SELECT u.id, '2020', u.kbli, true FROM nat_u u`);
  // The size history: the class when the business joined and, for those that moved up, the current one since size_at.
  await run(`
    INSERT INTO "SizeClassChange" (id, "supplierId", "sizeClass", basis, "capitalIdr", "annualSalesIdr", "effectiveAt")
    SELECT 'natsc' || lpad(u.g::text, 5, '0') || '-' || x.k, u.id, x.size::"SizeClass", 'annual_sales', u.capital, x.sales, x.at
      FROM nat_u u
      CROSS JOIN LATERAL (VALUES
        (1, CASE WHEN u.moved_up THEN CASE u.size WHEN 'kecil' THEN 'mikro' ELSE 'kecil' END ELSE u.size END,
            CASE WHEN u.moved_up THEN CASE u.size WHEN 'kecil' THEN 1200000000::bigint ELSE 9000000000::bigint END ELSE u.sales END, u.created),
        (2, u.size, u.sales, u.size_at)) AS x(k, size, sales, at)
     WHERE x.k = 1 OR u.moved_up`);
  trace("organizations");

  // Products: 2–4 per UMKM, the first of its own kind, the others of its group.
  await run(`
    INSERT INTO "Product" (id, "supplierId", name, description, "kbliVersion", "kbliCode", unit, "priceMinIdr", "priceMaxIdr", moq,
                           "monthlyCapacity", "leadTimeDays", "createdAt", "updatedAt")
    SELECT 'natp' || lpad(u.g::text, 5, '0') || '-' || j, u.id,
           k.noun || ' ' || (ARRAY['standar','premium','grade A','kemasan industri','pesanan khusus','ekonomis','ekspor','custom logo'])[1 + floor(${R("u.g || '-' || j", 31)} * 8)::int],
           k.noun || ' buatan ' || u.regency_short || '. Mutu diperiksa setiap batch; bisa pesan dengan spesifikasi pembeli.',
           '2020', k.kbli, k.unit,
           greatest(500, round(k.price * (0.8 + ${R("u.g || '-' || j", 32)} * 0.4) / 500) * 500)::bigint,
           greatest(500, round(k.price * (1.25 + ${R("u.g || '-' || j", 33)} * 0.6) / 500) * 500)::bigint,
           (10 + floor(${R("u.g || '-' || j", 34)} * 90))::int,
           (CASE u.size WHEN 'mikro' THEN 40 + floor(${R("u.g || '-' || j", 35)} * 800)
                        WHEN 'kecil' THEN 500 + floor(${R("u.g || '-' || j", 35)} * 5000)
                        ELSE 5000 + floor(${R("u.g || '-' || j", 35)} * 45000) END)::int,
           (3 + floor(${R("u.g || '-' || j", 36)} * 28))::int, u.created, u.created
      FROM nat_u u
      CROSS JOIN LATERAL generate_series(1, 2 + floor(${R(g, 30)} * 3)::int) j
      JOIN nat_grp gr ON gr.grp = u.grp
      JOIN nat_kind k ON k.i = CASE WHEN j = 1 THEN u.kind ELSE ${pick("gr.kinds", `${R("u.g || '-' || j", 37)}`)} END`);
  trace("products");

  // Certificates: halal for food, SNI / ISO 9001 / TKDN for manufacturing; some expired, some expiring within 60 days.
  const until = (salt: number) =>
    `CASE WHEN ${R(`u.g || c.type`, salt)} < 0.08 THEN ${TODAY} - (5 + floor(${R(`u.g || c.type`, salt + 1)} * 200))::int
          WHEN ${R(`u.g || c.type`, salt)} < 0.16 THEN ${TODAY} + (3 + floor(${R(`u.g || c.type`, salt + 1)} * 55))::int
          ELSE ${TODAY} + (120 + floor(${R(`u.g || c.type`, salt + 1)} * 1200))::int END`;
  await run(`
    INSERT INTO "Certification" (id, "organizationId", type, number, issuer, "validFrom", "validUntil", "tkdnPercent", "verificationStatus",
                                 "verifiedAt", "createdAt", "updatedAt")
    SELECT 'natc' || lpad(u.g::text, 5, '0') || '-' || c.type, u.id, c.type::"CertificationType",
           CASE c.type
             WHEN 'halal' THEN 'ID' || u.province || '110000' || lpad(floor(${R("u.g || 'h'", 41)} * 10000000)::int::text, 7, '0') || to_char(x.vu - 1461, 'YY')
             WHEN 'sni' THEN 'SPPT-SNI/' || lpad(floor(${R("u.g || 's'", 41)} * 10000)::int::text, 4, '0') || '/' || to_char(x.vu - 1095, 'YYYY')
             WHEN 'iso9001' THEN 'QMS-ID-' || to_char(x.vu - 1095, 'YYYY') || '-' || lpad(floor(${R("u.g || 'i'", 41)} * 100000)::int::text, 5, '0')
             ELSE (1000 + floor(${R("u.g || 't'", 41)} * 9000))::int || '/SJ-IND.8/TKDN/' || to_char(x.vu - 1095, 'YYYY')
           END,
           CASE c.type WHEN 'halal' THEN 'Badan Penyelenggara Jaminan Produk Halal (BPJPH)'
                       WHEN 'sni' THEN 'Lembaga Sertifikasi Produk terakreditasi KAN'
                       WHEN 'iso9001' THEN 'Lembaga Sertifikasi Sistem Mutu terakreditasi KAN'
                       ELSE 'Kementerian Perindustrian' END,
           x.vu - CASE c.type WHEN 'halal' THEN 1461 ELSE 1095 END, x.vu,
           CASE WHEN c.type = 'tkdn' THEN round((25 + ${R("u.g || 'tk'", 42)} * 50)::numeric, 2) END,
           CASE WHEN u.vstatus = 'verified' THEN 'verified' ELSE 'unverified' END::"VerificationStatus",
           CASE WHEN u.vstatus = 'verified' THEN least((x.vu - CASE c.type WHEN 'halal' THEN 1461 ELSE 1095 END) + 14, ${TODAY} - 20)::timestamp END,
           u.created, u.created
      FROM nat_u u
      CROSS JOIN (VALUES ('halal'), ('sni'), ('iso9001'), ('tkdn')) AS c(type)
      CROSS JOIN LATERAL (SELECT ${until(43)} AS vu) x
     WHERE CASE c.type
             WHEN 'halal' THEN u.grp = 'pangan' AND ${R("u.g || 'halal'", 40)} < 0.62
             WHEN 'sni' THEN u.grp IN ('motor', 'logam', 'kemasan', 'tekstil', 'kimia') AND ${R("u.g || 'sni'", 40)} < 0.3
             WHEN 'iso9001' THEN u.size <> 'mikro' AND u.grp NOT IN ('batik') AND ${R("u.g || 'iso'", 40)} < CASE WHEN u.grp = 'motor' THEN 0.55 ELSE 0.28 END
             ELSE u.grp IN ('motor', 'logam', 'tekstil', 'kayu', 'batik') AND ${R("u.g || 'tkdn'", 40)} < 0.2
           END`);
  trace("certificates");

  // --- Buyers ---------------------------------------------------------------------------------------------
  const buyers = BUYERS.slice(0, nationalBuyerCount(n));
  const col = <T>(f: (b: (typeof BUYERS)[number], i: number) => T) => buyers.map(f);
  await run(`
    CREATE TEMP TABLE nat_b ON COMMIT DROP AS
    SELECT x.i::int, 'natb' || lpad(x.i::text, 3, '0') AS id, 'natbo' || lpad(x.i::text, 3, '0') AS owner, x.name, x.slug, x.regency,
           x.bumn, x.industry, string_to_array(x.groups, ',') AS groups, x.cls,
           -- its habits: the share of payments later than the term, the share of deliveries reviewed after 7 days
           0.02 + power(${R("'b' || x.i", 1)}, 2) * 0.5 AS late, 0.02 + power(${R("'b' || x.i", 2)}, 2) * 0.4 AS slow,
           (x.i % 13 <> 7) AS verified
      FROM unnest(${sqlArray(col((b) => b.name))}, ${sqlArray(col((b) => b.slug))}, ${sqlArray(col((b) => b.regency))},
                  ARRAY[${col((b) => b.stateOwned).join(",")}]::boolean[], ${sqlArray(col((b) => b.industry))},
                  ${sqlArray(col((b) => b.groups.join(",")))}, ARRAY[${col((b) => b.cluster ?? 0).join(",")}]::int[])
           WITH ORDINALITY AS x(name, slug, regency, bumn, industry, groups, cls, i)`);
  await run(`
    INSERT INTO "User" (id, email, name, phone, locale, "createdAt", "updatedAt")
    SELECT b.owner, 'pengadaan@' || b.slug || '.demo.rantai.id', ${pick(sqlArray(FEMALE_NAMES), R("'bo' || b.i", 1))} || ' ' || ${pick(sqlArray(SURNAMES), R("'bo' || b.i", 2))},
           '021' || lpad(floor(${R("'bo' || b.i", 3)} * 100000000)::bigint::text, 8, '0'), 'id',
           ${Y0} - interval '400 days', ${Y0} - interval '400 days'
      FROM nat_b b`);
  await run(`
    INSERT INTO "Organization" (id, type, name, "legalName", email, "regencyCode", "isStateOwned", industry, "verificationStatus", "verifiedAt",
                                "siteId", "indexPublishedAt", "createdAt", "updatedAt")
    SELECT b.id, 'buyer', b.name, b.name || ' (fiktif)', 'pengadaan@' || b.slug || '.demo.rantai.id', b.regency, b.bumn, b.industry,
           CASE WHEN b.verified THEN 'verified' ELSE 'pending' END::"VerificationStatus",
           CASE WHEN b.verified THEN ${Y0} - interval '380 days' END,
           s.id,
           -- a few firms with good habits published their Indeks Kemitraan grade
           CASE WHEN b.verified AND b.late < 0.12 AND b.i % 3 = 0 THEN ${NOW} - make_interval(days => 10 + b.i) END,
           ${Y0} - interval '400 days', ${Y0} - interval '400 days'
      FROM nat_b b
      LEFT JOIN LATERAL (SELECT st.id FROM "Site" st WHERE st."regencyCode" = b.regency ORDER BY st.name, st.id LIMIT 1) s ON true`);
  await run(`
    INSERT INTO "Membership" (id, "userId", "organizationId", role, "createdAt")
    SELECT 'natbm' || lpad(b.i::text, 3, '0'), b.owner, b.id, 'owner', ${Y0} - interval '400 days' FROM nat_b b`);
  trace("buyers");

  // The buyers an UMKM may partner with: the verified national buyers and the base demo buyers.
  await run(`
    CREATE TEMP TABLE nat_pool ON COMMIT DROP AS
    SELECT b.id, b.groups, b.cls, b.late, b.slow, b.owner FROM nat_b b WHERE b.verified
    UNION ALL
    SELECT x.id, string_to_array(x.groups, ','), x.cls, x.late, x.slow,
           (SELECT m."userId" FROM "Membership" m WHERE m."organizationId" = x.id AND m.role = 'owner' ORDER BY m."createdAt", m.id LIMIT 1)
      FROM unnest(${sqlArray(baseBuyers.map((b) => b.id))}, ${sqlArray(baseBuyers.map((b) => b.groups.join(",")))},
                  ARRAY[${baseBuyers.map((b) => b.cluster).join(",")}]::int[], ARRAY[${baseBuyers.map((b) => b.late).join(",")}]::float8[],
                  ARRAY[${baseBuyers.map((b) => b.slow).join(",")}]::float8[]) AS x(id, groups, cls, late, slow)`);
  await run(`
    CREATE TEMP TABLE nat_gb ON COMMIT DROP AS
    SELECT 'g:' || grp AS key, array_agg(id ORDER BY id) AS ids FROM nat_pool, unnest(groups) grp GROUP BY grp
    UNION ALL SELECT 'c:' || cls, array_agg(id ORDER BY id) FROM nat_pool WHERE cls > 0 GROUP BY cls
    UNION ALL SELECT 'all', array_agg(id ORDER BY id) FROM nat_pool`);

  // --- Agreements, staged ---------------------------------------------------------------------------------
  const a = "u.g || '-' || k";
  await run(`
    CREATE TEMP TABLE nat_a ON COMMIT DROP AS
    WITH x AS (
      SELECT u.g, k, u.id AS supplier, u.owner_name, u.size, u.grp, u.noun, u.price, u.unit, u.cls,
             'nata' || lpad(u.g::text, 5, '0') || '-' || k AS key,
             coalesce(CASE WHEN u.cls > 0 AND ${R(a, 1)} < 0.7 THEN (SELECT ids FROM nat_gb WHERE key = 'c:' || u.cls) END,
                      (SELECT ids FROM nat_gb WHERE key = 'g:' || u.grp), (SELECT ids FROM nat_gb WHERE key = 'all')) AS buyers,
             ${R(a, 2)} AS r2, ${R(a, 3)} AS r3, ${R(a, 4)} AS r4, ${R(a, 5)} AS r5, ${R(a, 6)} AS r6, ${R(a, 7)} AS r7, ${R(a, 8)} AS r8,
             (u.guaranteed AND k = 1) AS forced
        FROM nat_u u CROSS JOIN LATERAL generate_series(1, u.nagree) k
    ), d AS (
      SELECT x.*, ${pick("x.buyers", "x.r2")} AS buyer,
             (NOT x.forced AND x.r3 < 0.03) AS proposed,
             90 + floor(x.r4 * 330)::int AS duration,
             ${Y0} + floor(x.r5 * (${TODAY} - ${Y0} - 20))::int AS start0
        FROM x
    )
    SELECT d.key AS id, d.g, d.k, d.supplier, d.buyer, p.owner AS buyer_owner, 'natuo' || lpad(d.g::text, 5, '0') AS supplier_owner,
           p.late, p.slow, d.noun, d.price, d.unit, d.grp,
           CASE WHEN d.proposed THEN ${TODAY} + 10 + floor(d.r6 * 30)::int ELSE d.start0 END AS start,
           d.duration,
           CASE WHEN d.proposed THEN 'proposed'
                WHEN d.start0 + d.duration < ${TODAY} - 160 THEN CASE WHEN d.r6 < 0.9 OR d.forced THEN 'completed' ELSE 'terminated' END
                ELSE 'active' END AS status,
           CASE WHEN d.r7 < 0.35 THEN 'rantai_pasok'
                WHEN d.r7 < 0.6 THEN CASE WHEN d.grp = 'pangan' THEN 'inti_plasma' ELSE 'subkontrak' END
                WHEN d.r7 < 0.75 THEN 'perdagangan_umum' WHEN d.r7 < 0.83 THEN 'distribusi_keagenan'
                WHEN d.r7 < 0.9 THEN 'penyumberluaran' WHEN d.r7 < 0.95 THEN 'bagi_hasil' ELSE 'kerja_sama_operasional' END AS scheme,
           (CASE d.size WHEN 'mikro' THEN 150 + floor(d.r8 * 1350) WHEN 'kecil' THEN 1000 + floor(d.r8 * 8000) ELSE 5000 + floor(d.r8 * 45000) END)::bigint
             * 100000 AS value,
           (ARRAY[14, 30, 30, 30, 45, 60])[1 + floor(${R("d.key", 9)} * 6)::int] AS term,
           2 + floor(${R("d.key", 10)} * 3)::int AS nms
      FROM d JOIN nat_pool p ON p.id = d.buyer`);
  await run(`ALTER TABLE nat_a ADD PRIMARY KEY (id)`);
  await run(`ANALYZE nat_a`);
  await run(`ALTER TABLE nat_a ADD COLUMN number text, ADD COLUMN completed_at timestamp`);
  await run(`
    UPDATE nat_a a SET number = 'RNT-' || extract(year FROM a.start)::int || '-' || lpad((600000 + o.k)::text, 6, '0')
      FROM (SELECT id, row_number() OVER (ORDER BY g, k) AS k FROM nat_a) o WHERE o.id = a.id`);

  // Milestones with what happened to each: delivery (late or not), review (within 7 days or not), payment
  // (within the term or late), the UMKM's confirmation of receipt.
  const m = "a.id || '-' || j";
  await run(`
    CREATE TEMP TABLE nat_m ON COMMIT DROP AS
    WITH x AS (
      SELECT a.id AS agreement, a.status, a.start, a.duration, a.term, a.late, a.slow, a.value, a.nms, a.price, a.unit, a.noun,
             a.supplier_owner, a.buyer_owner, j,
             a.id || '-' || j AS id,
             a.start + (a.duration * j / a.nms) - 5 AS due,
             CASE WHEN a.status = 'terminated' THEN a.start + a.duration / 2 END AS terminated_on,
             CASE WHEN j < a.nms THEN (a.value / a.nms / 100000) * 100000 ELSE a.value - (a.nms - 1) * ((a.value / a.nms / 100000) * 100000) END AS amount,
             ${R(m, 1)} < 0.12 AS late_delivery, ${R(m, 2)} AS r2, ${R(m, 3)} < a.slow AS slow_review, ${R(m, 4)} AS r4,
             ${R(m, 5)} < a.late AS late_payment, ${R(m, 6)} AS r6, ${R(m, 7)} AS r7, (a.status = 'active' AND ${R(m, 8)} < 0.02) AS rejected
        FROM nat_a a CROSS JOIN LATERAL generate_series(1, a.nms) j
    ), d AS (
      SELECT x.*,
             x.due + CASE WHEN x.late_delivery THEN 3 + floor(x.r2 * 18)::int ELSE -floor(x.r2 * 6)::int END AS delivered_on
        FROM x
    ), r AS (
      SELECT d.*,
             (d.status IN ('active', 'completed', 'terminated') AND d.delivered_on <= ${TODAY} - 1
              AND (d.terminated_on IS NULL OR d.delivered_on < d.terminated_on)) AS delivered,
             d.delivered_on + make_interval(days => CASE WHEN d.slow_review THEN 8 + floor(d.r4 * 18)::int ELSE floor(d.r4 * 7)::int END, hours => 10)
               AS reviewed_at,
             CASE WHEN d.late_payment THEN d.term + 3 + floor(d.r6 * 40)::int ELSE 3 + floor(d.r6 * (d.term - 3))::int END AS days_to_pay
        FROM d
    )
    SELECT r.*,
           (r.delivered AND r.reviewed_at <= ${NOW}) AS reviewed,
           r.reviewed_at::date AS invoiced_on,
           r.reviewed_at::date + r.days_to_pay AS paid_on,
           (r.delivered AND r.reviewed_at <= ${NOW} AND NOT r.rejected AND r.reviewed_at::date + r.days_to_pay <= ${TODAY} - 1) AS paid,
           r.reviewed_at::date + r.days_to_pay + floor(r.r7 * 3)::int AS received_on,
           greatest(1, (r.amount / greatest(r.price, 1)))::int AS quantity
      FROM r`);
  await run(`ANALYZE nat_m`);
  await run(`
    UPDATE nat_a a SET completed_at = p.last + interval '3 days 9 hours'
      FROM (SELECT agreement, max(paid_on) AS last FROM nat_m GROUP BY agreement) p
     WHERE p.agreement = a.id AND a.status = 'completed'`);
  trace("staged agreements");

  // --- Agreements and everything hanging off them ---------------------------------------------------------
  const title = `CASE a.scheme
      WHEN 'rantai_pasok' THEN 'Pasokan ' || lower(a.noun) || ' ' || extract(year FROM a.start)::int
      WHEN 'subkontrak' THEN 'Subkontrak pembuatan ' || lower(a.noun)
      WHEN 'inti_plasma' THEN 'Kemitraan inti-plasma ' || lower(a.noun)
      WHEN 'perdagangan_umum' THEN 'Pembelian ' || lower(a.noun)
      WHEN 'distribusi_keagenan' THEN 'Keagenan dan distribusi ' || lower(a.noun)
      WHEN 'penyumberluaran' THEN 'Penyumberluaran produksi ' || lower(a.noun)
      WHEN 'bagi_hasil' THEN 'Kerja sama bagi hasil ' || lower(a.noun)
      ELSE 'Kerja sama operasional ' || lower(a.noun) END`;
  // A proposal waiting for the UMKM was made a few days ago; the others two weeks before they started.
  const created = `CASE WHEN a.status = 'proposed' THEN ${NOW} - make_interval(days => 1 + a.k, hours => 2) ELSE a.start - interval '14 days' END`;
  const terms = `'Pembayaran ' || a.term || ' hari setelah barang diterima dan diperiksa. Harga belum termasuk PPN 11%. '
      || 'Barang yang tidak sesuai spesifikasi diganti paling lambat 14 hari.'`;
  await run(`
    INSERT INTO "Agreement" (id, number, title, scheme, "buyerId", "supplierId", "valueIdr", "startDate", "endDate", terms, status, version,
                             "proposedAt", "activatedAt", "completedAt", "terminatedAt", "terminationReason", "buyerConfirmedCompletionAt",
                             "supplierConfirmedCompletionAt", "ownershipDeclaredAt", "ownershipDeclaredById", "createdById", "createdAt", "updatedAt")
    SELECT a.id, a.number, ${title}, a.scheme::"PartnershipScheme", a.buyer, a.supplier, a.value, a.start, a.start + a.duration, ${terms},
           a.status::"AgreementStatus", 1,
           CASE WHEN a.status = 'proposed' THEN ${NOW} - make_interval(days => 1 + a.k) ELSE a.start - interval '12 days' END,
           CASE WHEN a.status <> 'proposed' THEN a.start - interval '5 days' END,
           a.completed_at, CASE WHEN a.status = 'terminated' THEN (a.start + a.duration / 2)::timestamp + interval '11 hours' END,
           CASE WHEN a.status = 'terminated' THEN 'Pemasok tidak dapat memenuhi jadwal produksi; sisa pekerjaan dibatalkan atas kesepakatan bersama.' END,
           a.completed_at, a.completed_at,
           CASE WHEN a.status = 'proposed' THEN ${NOW} - make_interval(days => 1 + a.k) ELSE a.start - interval '12 days' END, a.buyer_owner,
           a.buyer_owner, ${created}, least(coalesce(a.completed_at, a.start - interval '5 days'), ${NOW})
      FROM nat_a a`);
  await run(`
    INSERT INTO "AgreementParty" (id, "agreementId", "organizationId", role)
    SELECT a.id || '-' || p.role, a.id, CASE p.role WHEN 'buyer' THEN a.buyer ELSE a.supplier END, p.role::"AgreementPartyRole"
      FROM nat_a a CROSS JOIN (VALUES ('buyer'), ('supplier')) AS p(role)`);
  await run(`
    INSERT INTO "AgreementVersion" (id, "agreementId", version, snapshot, "changeNote", "createdById", "createdAt")
    SELECT a.id || '-v1', a.id, 1,
           jsonb_build_object('title', ${title}, 'scheme', a.scheme, 'valueIdr', a.value::text, 'startDate', to_char(a.start, 'YYYY-MM-DD'),
             'endDate', to_char(a.start + a.duration, 'YYYY-MM-DD'), 'terms', ${terms},
             'milestones', ms.list),
           'Versi awal', a.buyer_owner, ${created}
      FROM nat_a a
      JOIN (SELECT m.agreement, jsonb_agg(jsonb_build_object('position', m.j, 'title', 'Pengiriman tahap ' || m.j, 'quantity', m.quantity,
                     'unit', m.unit, 'dueDate', to_char(m.due, 'YYYY-MM-DD'), 'amountIdr', m.amount::text, 'paymentTermDays', m.term)
                     ORDER BY m.j) AS list
              FROM nat_m m GROUP BY m.agreement) ms ON ms.agreement = a.id`);
  await run(`
    INSERT INTO "AgreementAcceptance" (id, "agreementId", version, "organizationId", "userId", "acceptedAt")
    SELECT a.id || '-acc-' || p.role, a.id, 1, CASE p.role WHEN 'buyer' THEN a.buyer ELSE a.supplier END,
           CASE p.role WHEN 'buyer' THEN a.buyer_owner ELSE a.supplier_owner END, a.start - interval '5 days'
      FROM nat_a a CROSS JOIN (VALUES ('buyer'), ('supplier')) AS p(role)
     WHERE a.status <> 'proposed'`);
  await run(`
    INSERT INTO "Milestone" (id, "agreementId", position, title, quantity, unit, "dueDate", "amountIdr", "paymentTermDays", status)
    SELECT m.id, m.agreement, m.j, 'Pengiriman tahap ' || m.j, m.quantity, m.unit, m.due, m.amount, m.term,
           CASE WHEN m.paid THEN 'paid' WHEN m.reviewed AND m.rejected THEN 'rejected' WHEN m.reviewed THEN 'accepted'
                WHEN m.delivered THEN 'delivered' ELSE 'pending' END::"MilestoneStatus"
      FROM nat_m m`);
  await run(`
    INSERT INTO "Delivery" (id, "agreementId", "milestoneId", quantity, "deliveredOn", "onTime", status, note, "recordedById", "reviewedAt", "createdAt")
    SELECT m.id || '-d', m.agreement, m.id, m.quantity, m.delivered_on, m.delivered_on <= m.due,
           CASE WHEN m.reviewed AND m.rejected THEN 'rejected' WHEN m.reviewed THEN 'accepted' ELSE 'pending_review' END::"DeliveryStatus",
           CASE WHEN m.reviewed AND m.rejected THEN 'Ukuran tidak sesuai gambar; diganti pada pengiriman berikutnya.' END,
           m.supplier_owner, CASE WHEN m.reviewed THEN m.reviewed_at END, m.delivered_on + interval '8 hours'
      FROM nat_m m WHERE m.delivered`);
  await run(`
    INSERT INTO "Payment" (id, "agreementId", "milestoneId", "amountIdr", "invoicedOn", "paidOn", "daysToPay", "recordedById", "receivedOn",
                           "receiptConfirmedAt", "receiptConfirmedById", "createdAt")
    SELECT m.id || '-p', m.agreement, m.id, m.amount, m.invoiced_on, m.paid_on, m.days_to_pay, m.buyer_owner,
           CASE WHEN c.confirmed THEN m.received_on END, CASE WHEN c.confirmed THEN m.received_on + interval '10 hours' END,
           CASE WHEN c.confirmed THEN m.supplier_owner END, m.paid_on + interval '9 hours'
      FROM nat_m m CROSS JOIN LATERAL (SELECT ${R("m.id", 9)} < 0.85 AND m.received_on <= ${TODAY} AS confirmed) c
     WHERE m.paid`);
  // Ratings after completion: the UMKM rates its buyer (fewer stars for late payers), the buyer rates the UMKM.
  await run(`
    INSERT INTO "Rating" (id, "agreementId", "raterId", "rateeId", score, comment, "createdAt")
    SELECT a.id || '-r' || r.side, a.id, CASE r.side WHEN 'u' THEN a.supplier ELSE a.buyer END, CASE r.side WHEN 'u' THEN a.buyer ELSE a.supplier END,
           CASE r.side WHEN 'u' THEN greatest(1, least(5, 5 - floor(a.late * 7 + ${R("a.id || 'ru'", 2)} * 1.6)::int))
                       ELSE 3 + floor(${R("a.id || 'rb'", 2)} * 3)::int END,
           CASE WHEN ${R("a.id || r.side", 3)} < 0.5 THEN NULL
                WHEN r.side = 'u' AND a.late > 0.25 THEN 'Pembayaran sering melewati jangka waktu yang disepakati.'
                WHEN r.side = 'u' THEN 'Jadwal jelas dan pembayaran tepat waktu.'
                ELSE 'Mutu sesuai spesifikasi dan pengiriman teratur.' END,
           a.completed_at + interval '2 days'
      FROM nat_a a CROSS JOIN (VALUES ('u'), ('b')) AS r(side)
     WHERE a.status = 'completed' AND ${R("a.id || r.side", 1)} < CASE r.side WHEN 'u' THEN 0.75 ELSE 0.6 END`);
  trace("agreements");

  // --- The national members and anchors of the three clusters ---------------------------------------------
  const clusterIds = `ARRAY[${sqlText(clusters.emotor)}, ${sqlText(clusters.batik)}, ${sqlText(clusters.food)}]`;
  await run(`
    INSERT INTO "ClusterMember" (id, "clusterId", "organizationId", status, "requestedAt", "decidedAt", "joinedAt", "updatedAt")
    SELECT 'natcm' || lpad(u.g::text, 5, '0'), (${clusterIds})[u.cls], u.id, s.status::"ClusterMemberStatus",
           s.at, CASE WHEN s.status = 'active' THEN s.at + interval '2 days' END, CASE WHEN s.status = 'active' THEN s.at + interval '2 days' END, s.at
      FROM nat_u u
      CROSS JOIN LATERAL (SELECT CASE WHEN ${R(g, 50)} < 0.96 THEN 'active' ELSE 'requested' END AS status,
                                 least(greatest(u.created, ${NOW} - interval '330 days') + make_interval(days => floor(${R(g, 51)} * 300)::int),
                                       ${NOW} - interval '1 day') AS at) s
     WHERE u.cls > 0 AND u.vstatus = 'verified'`);
  await run(`
    INSERT INTO "ClusterAnchor" (id, "clusterId", "buyerId", status, "invitedAt", "decidedAt", "updatedAt")
    SELECT 'natca' || lpad(b.i::text, 3, '0'), (${clusterIds})[b.cls], b.id, 'active', ${NOW} - interval '320 days', ${NOW} - interval '316 days',
           ${NOW} - interval '316 days'
      FROM nat_b b WHERE b.cls > 0 AND b.verified`);
  trace("clusters");

  if (triggers.length > 0) {
    // What the suspended triggers would have done: the directory's search documents (and their words) now;
    // the statistics and track records by stats_rebuild(), which the caller runs after the whole seed.
    await run(`SELECT rantai_search_refresh(ARRAY(SELECT id FROM nat_u ORDER BY id))`);
    await resumeTriggers(tx, triggers);
    trace("search documents");
  }

  const [counts] = await tx.$queryRawUnsafe<{ umkm: number; agreements: number; provinces: number }[]>(
    `SELECT (SELECT count(*)::int FROM nat_u) AS umkm, (SELECT count(*)::int FROM nat_a) AS agreements,
            (SELECT count(DISTINCT province)::int FROM nat_u) AS provinces`,
  );
  return { umkm: counts.umkm, buyers: buyers.length, agreements: counts.agreements, provinces: counts.provinces };
}

/** The tables the national seed bulk-loads whose rebuildable triggers it suspends. */
const BULK_TABLES = [
  "SupplierProfile",
  "SupplierKbli",
  "SizeClassChange",
  "Product",
  "Certification",
  "SupplierSearch",
  "Agreement",
  "AgreementParty",
  "Delivery",
  "Payment",
];
/**
 * Trigger families a full rebuild restores: the directory search (rantai_search_refresh), the statistics and the
 * track records (stats_rebuild). Any other trigger — one a later feature adds — keeps firing row by row.
 */
const REBUILT_TRIGGERS = "^(stats_|supplier_track_record_|rantai_search_)";

interface SuspendedTrigger {
  table: string;
  name: string;
}

/**
 * ALTER TABLE … DISABLE|ENABLE TRIGGER for a trigger read from pg_trigger. Identifiers cannot be bind parameters,
 * so PostgreSQL's own format('%I') quotes them from parameters; the statement is then run as built.
 */
async function setTrigger(tx: DbClient, t: SuspendedTrigger, enable: boolean) {
  const [{ sql }] = await tx.$queryRawUnsafe<{ sql: string }[]>(
    `SELECT format('ALTER TABLE %I ' || $3 || ' TRIGGER %I', $1::text, $2::text) AS sql`,
    t.table,
    t.name,
    enable ? "ENABLE" : "DISABLE",
  );
  await tx.$executeRawUnsafe(sql);
}

/**
 * Disables the rebuildable triggers on the bulk-loaded tables for the rest of the transaction (ALTER TABLE …
 * DISABLE TRIGGER: needs the owner of the tables, the user that ran the migrations). Where that is refused, the
 * triggers stay on (slower, same result) and nothing is suspended.
 */
async function suspendRebuiltTriggers(tx: DbClient): Promise<SuspendedTrigger[]> {
  const found = await tx.$queryRawUnsafe<SuspendedTrigger[]>(
    `SELECT c.relname AS "table", t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = 'public'::regnamespace
        AND c.relname = ANY (${sqlArray(BULK_TABLES)}) AND t.tgname ~ '${REBUILT_TRIGGERS}'
      ORDER BY 1, 2`,
  );
  await tx.$executeRawUnsafe(`SAVEPOINT rantai_national_triggers`);
  try {
    for (const t of found) await setTrigger(tx, t, false);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT rantai_national_triggers`);
    return found;
  } catch {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT rantai_national_triggers`);
    console.warn("seed: could not suspend the statistics and search triggers (not the tables' owner); loading with them on");
    return [];
  }
}

async function resumeTriggers(tx: DbClient, triggers: SuspendedTrigger[]) {
  for (const t of triggers) await setTrigger(tx, t, true);
}

/** Cumulative share of the size classes: mostly micro, some small, a few medium. */
function b(size: "mikro" | "kecil"): number {
  return size === "mikro" ? 0.68 : 0.93;
}

function tracer() {
  let last = performance.now();
  return (label: string) => {
    if (!process.env.RANTAI_SEED_TRACE) return;
    const t = performance.now();
    console.log(`  national ${label}: ${Math.round(t - last)} ms`);
    last = t;
  };
}
