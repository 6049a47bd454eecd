// Issue 17: the activity log speaks in sentences. Every audit action the code writes has one, in Bahasa
// Indonesia and English, naming its subject where it has one (lib/audit/actions.ts, messages/activity).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_SUBJECTS } from "@/lib/audit/actions";
import { MESSAGES } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The dotted action keys a source file writes into the audit log: `action: "x.y"`, `action = c ? "a.b" : "c.d"`. */
function writtenKeys(source: string): string[] {
  if (!/\baudit\(|auditLog\.create|auditBoth\(|auditUser\(|auditForTokenOrganizations\(/.test(source)) return [];
  const keys: string[] = [];
  for (const m of source.matchAll(/\baction\s*(?::|=(?!=))\s*([^;\n]+)/g)) {
    for (const lit of m[1].matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) keys.push(lit[1]);
  }
  return keys;
}

describe("audit actions", () => {
  const sources = [...files(path.join(ROOT, "lib")), ...files(path.join(ROOT, "prisma/seed"))];

  it("every key the code writes is listed in lib/audit/actions.ts", () => {
    const unlisted = sources.flatMap((f) =>
      writtenKeys(readFileSync(f, "utf8"))
        .filter((k) => !(k in AUDIT_SUBJECTS))
        .map((k) => `${path.relative(ROOT, f)}: ${k}`),
    );
    expect(unlisted).toEqual([]);
  });

  it("the scan finds the keys (so the check above can fail)", () => {
    const found = new Set(sources.flatMap((f) => writtenKeys(readFileSync(f, "utf8"))));
    for (const k of ["quote.submitted", "rfq.published", "agreement.accepted", "product.created", "token.revoked"])
      expect(found).toContain(k);
    expect(writtenKeys('await audit(tx, { action: "made.up_key", entityType: "x" });')).toEqual(["made.up_key"]);
  });

  it.each(["id", "en"] as const)("every action has a sentence in %s, with {subject} exactly when it has one", (locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale] as Record<string, unknown> });
    const tt = t as unknown as { has(k: string): boolean; (k: string, v?: Record<string, string>): string };
    const problems: string[] = [];
    for (const action of AUDIT_ACTIONS) {
      const key = `activity.actions.${action}`;
      if (!tt.has(key)) {
        problems.push(`${action}: no sentence`);
        continue;
      }
      const text = tt(key, { subject: "«S»" });
      const wantsSubject = AUDIT_SUBJECTS[action] !== "none";
      if (wantsSubject !== text.includes("«S»")) problems.push(`${action}: ${wantsSubject ? "missing" : "unexpected"} {subject}`);
      if (/\b[a-z_]+\.[a-z_]+\b/.test(text.replace("«S»", ""))) problems.push(`${action}: reads like a code: ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(["id", "en"] as const)("every subject kind has its words in %s", (locale) => {
    const subjects = (MESSAGES[locale] as { activity: { subjects: Record<string, Record<string, string>> } }).activity.subjects;
    for (const kind of new Set(Object.values(AUDIT_SUBJECTS))) {
      if (kind === "none") continue;
      expect(subjects[kind]?.hidden, kind).toBeTruthy();
      if (kind !== "financing") expect(subjects[kind]?.named, kind).toContain("{name}");
    }
    expect(subjects.organization.own).toBeTruthy();
  });
});
