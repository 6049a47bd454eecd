// Inputs of the industrial estates and UMKM centres (issue 12): ONE zod schema per input for the /admin/kawasan
// forms (strings from FormData), the server actions and /api/v1/sites (JSON). Messages are i18n keys. What
// needs the database (the regency exists, the name is free in that regency, the site exists) is checked in
// ./service.ts before anything is written.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import { SITE_KINDS } from "@/lib/enums";
import "@/lib/api/openapi"; // .openapi() on zod schemas

/**
 * Indonesia's extent (with a margin for the outer islands): Pulau Weh to Merauke, Miangas to Pulau Rote.
 * A point outside it is a typo (a swapped sign, latitude and longitude exchanged), never an estate.
 */
const INDONESIA_BOUNDS = { minLat: -11.5, maxLat: 6.5, minLon: 94.5, maxLon: 141.5 } as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** "" / null → null (clear); absent → undefined (leave as is); otherwise the inner schema. */
function clearable<S extends z.ZodType>(inner: S) {
  return z
    .unknown()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || (typeof v === "string" && v.trim() === "") ? null : v))
    .pipe(inner.nullable().optional());
}

const text = (max: number) => z.string({ error: "errors.field.invalid" }).trim().max(max, "errors.field.tooLong");

/** An http(s) URL; "jababeka.com" becomes "https://jababeka.com". javascript:, data:, ftp: … are refused. */
const urlSchema = text(500)
  .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "sites.errors.url" }));

/** A site id as the API and the forms send it (a cuid, or the reference list's "site_ref_…"). */
const siteIdSchema = z
  .string({ error: "errors.field.invalid" })
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "sites.errors.siteUnknown");

const coordinate = (min: number, max: number, error: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v),
    z.number({ error }).finite({ error }).min(min, error).max(max, error),
  );

const siteFields = {
  name: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(2, emptyIsRequired("errors.field.tooShort"))
    .max(160, "errors.field.tooLong"),
  kind: z.enum(SITE_KINDS, { error: "errors.field.invalidChoice" }),
  regencyCode: z
    .string({ error: "errors.field.region" })
    .trim()
    .regex(/^\d{2}\.\d{2}$/, "errors.field.region")
    .openapi({ description: 'Kemendagri regency/city code "PP.RR".', example: "32.16" }),
  lat: clearable(coordinate(INDONESIA_BOUNDS.minLat, INDONESIA_BOUNDS.maxLat, "sites.errors.lat")).openapi({
    type: ["number", "null"],
    description: "Latitude (WGS 84) of the site, only when a source gives it; both or neither of lat/lon.",
    example: -6.3,
  }),
  lon: clearable(coordinate(INDONESIA_BOUNDS.minLon, INDONESIA_BOUNDS.maxLon, "sites.errors.lon")).openapi({
    type: ["number", "null"],
    example: 107.15,
  }),
  operator: clearable(text(200)).openapi({ type: ["string", "null"], example: "PT Jababeka Tbk" }),
  website: clearable(urlSchema).openapi({ type: ["string", "null"], example: "https://www.jababeka.com" }),
  source: clearable(urlSchema).openapi({
    type: ["string", "null"],
    description: "The public page that confirms the name, regency and operator (shown on /tentang-data).",
  }),
};

function bothOrNeither(v: { lat?: number | null; lon?: number | null }, ctx: z.RefinementCtx) {
  const hasLat = v.lat !== undefined && v.lat !== null;
  const hasLon = v.lon !== undefined && v.lon !== null;
  if (hasLat !== hasLon) ctx.addIssue({ code: "custom", path: [hasLat ? "lon" : "lat"], message: "sites.errors.pointIncomplete" });
}

export const siteCreateSchema = z.object(siteFields).superRefine(bothOrNeither).openapi("SiteInput");
export type SiteCreateInput = z.output<typeof siteCreateSchema>;

/** PATCH: every field optional; an absent key is left as is. */
export const siteUpdateSchema = z
  .object({
    name: siteFields.name.optional(),
    kind: siteFields.kind.optional(),
    regencyCode: siteFields.regencyCode.optional(),
    lat: siteFields.lat,
    lon: siteFields.lon,
    operator: siteFields.operator,
    website: siteFields.website,
    source: siteFields.source,
  })
  .openapi("SiteUpdate");
export type SiteUpdateInput = z.output<typeof siteUpdateSchema>;

/** The admin form posts which site it edits. */
export const siteUpdateFormSchema = siteUpdateSchema.extend({ id: siteIdSchema });
export const siteTargetSchema = z.object({ id: siteIdSchema });
export const siteParamsSchema = z.object({ id: siteIdSchema });

export const siteListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "errors.field.tooLong").optional()),
  kind: z.preprocess(blankToUndefined, z.enum(SITE_KINDS, { error: "errors.field.invalidChoice" }).optional()),
  province: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{2}$/, "errors.field.region")
      .optional(),
  ),
});
export type SiteListQuery = z.output<typeof siteListQuerySchema>;
