// Loads the reference tables (provinces, regencies, KBLI 2020) from data/*.json — real public data, see
// data/README.md for sources and licences. Idempotent: inserts what is missing, updates names/titles.
import fs from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

const DATA_DIR = path.join(process.cwd(), "data");
export const KBLI_VERSION = "2020";

interface RegionsFile {
  provinces: {
    code: string;
    name: string;
    lat: number | null;
    lon: number | null;
    regencies: {
      code: string;
      name: string;
      type: "kabupaten" | "kota";
      lat: number | null;
      lon: number | null;
      bps_code_2020?: string | null;
    }[];
  }[];
}

interface KbliNode {
  code: string;
  title_id: string;
  description_id?: string | null;
  level: number;
  parent_code: string | null;
  title_en?: string | null;
  isic4_title_en?: string | null;
  section: string;
  children?: KbliNode[];
}

function readRegions() {
  const file = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "regions.json"), "utf8")) as RegionsFile;
  const provinces = file.provinces.map((p) => ({ code: p.code, name: p.name, lat: p.lat, lon: p.lon }));
  const regencies = file.provinces.flatMap((p) =>
    p.regencies.map((r) => ({
      code: r.code,
      provinceCode: p.code,
      name: r.name,
      type: r.type,
      lat: r.lat,
      lon: r.lon,
      bpsCode2020: r.bps_code_2020 ?? null,
    })),
  );
  return { provinces, regencies };
}

function readKbli() {
  const file = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "kbli.json"), "utf8")) as { tree: KbliNode[] };
  const out: {
    version: string;
    code: string;
    level: number;
    section: string;
    parentCode: string | null;
    titleId: string;
    titleEn: string | null;
    description: string | null;
  }[] = [];
  const walk = (n: KbliNode) => {
    out.push({
      version: KBLI_VERSION,
      code: n.code,
      level: n.level,
      section: n.section,
      parentCode: n.parent_code,
      titleId: n.title_id,
      titleEn: n.title_en ?? n.isic4_title_en ?? null,
      description: n.description_id ?? null,
    });
    n.children?.forEach(walk);
  };
  file.tree.forEach(walk);
  return out;
}

export async function loadReferenceData(runner: SqlRunner): Promise<{ provinces: number; regencies: number; kbli: number }> {
  const { provinces, regencies } = readRegions();
  const kbli = readKbli();
  const [{ p, r, k }] = await runner.query<{ p: number; r: number; k: number }>(
    `SELECT (SELECT count(*)::int FROM "Province") AS p, (SELECT count(*)::int FROM "Regency") AS r,
            (SELECT count(*)::int FROM "KbliCode" WHERE version = '${KBLI_VERSION}') AS k`,
  );
  if (p === provinces.length && r === regencies.length && k === kbli.length) {
    return { provinces: p, regencies: r, kbli: k };
  }
  await runner.query(
    `INSERT INTO "Province" (code, name, lat, lon)
     SELECT code, name, lat, lon FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, lat float8, lon float8)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lon = EXCLUDED.lon`,
    [JSON.stringify(provinces)],
  );
  await runner.query(
    `INSERT INTO "Regency" (code, "provinceCode", name, type, lat, lon, "bpsCode2020")
     SELECT code, "provinceCode", name, type::"RegencyType", lat, lon, "bpsCode2020"
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, "provinceCode" text, name text, type text, lat float8, lon float8, "bpsCode2020" text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
       "bpsCode2020" = EXCLUDED."bpsCode2020"`,
    [JSON.stringify(regencies)],
  );
  await runner.query(
    `INSERT INTO "KbliCode" (version, code, level, section, "parentCode", "titleId", "titleEn", description)
     SELECT version, code, level, section, "parentCode", "titleId", "titleEn", description
     FROM jsonb_to_recordset($1::jsonb) AS x(version text, code text, level int, section text, "parentCode" text, "titleId" text, "titleEn" text, description text)
     ON CONFLICT (version, code) DO UPDATE SET level = EXCLUDED.level, section = EXCLUDED.section, "parentCode" = EXCLUDED."parentCode",
       "titleId" = EXCLUDED."titleId", "titleEn" = EXCLUDED."titleEn", description = EXCLUDED.description`,
    [JSON.stringify(kbli)],
  );
  return { provinces: provinces.length, regencies: regencies.length, kbli: kbli.length };
}
