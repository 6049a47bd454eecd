// Cursor pagination for list endpoints: `?limit=` (1–100, default 20) and `?cursor=`, answering
// `{ data: [...], nextCursor: string | null }`.
//
// A cursor is opaque to clients: base64url of a JSON array holding the last row's sort keys (e.g. its
// createdAt and id). Fetch `limit + 1` rows after the cursor in a stable order that ends in a unique key,
// then let paginate() cut the extra row off and encode the cursor:
//
//   const { limit, cursor } = query;                                  // from paginationQuery
//   const after = decodeCursor(cursor, z.tuple([z.iso.datetime(), z.string()]));
//   const rows = await db.thing.findMany({
//     where: { ...mine, ...(after && { OR: [{ createdAt: { lt: new Date(after[0]) } },
//                                          { createdAt: new Date(after[0]), id: { lt: after[1] } }] }) },
//     orderBy: [{ createdAt: "desc" }, { id: "desc" }],
//     take: limit + 1,
//   });
//   return paginate(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { stringifyJson } from "./json";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 1024;

/**
 * An instant inside a cursor (ISO 8601 with offset). Year 0000 (or year 0001 with a positive offset) passes
 * the ISO pattern but not PostgreSQL ("date/time field value out of range": a 500, issue 11 review): only
 * instants from 1970 on are ours.
 */
export const cursorInstant = z.iso.datetime({ offset: true }).refine((s) => new Date(s).getUTCFullYear() >= 1970);

export const paginationQuery = z.object({
  limit: z.coerce
    .number({ error: "errors.field.limit" })
    .int("errors.field.limit")
    .min(1, "errors.field.limit")
    .max(MAX_PAGE_SIZE, "errors.field.limit")
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1, "errors.field.cursor").max(MAX_CURSOR_LENGTH, "errors.field.cursor").optional(),
});

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type CursorKey = string | number | boolean | null;

export function encodeCursor(keys: readonly CursorKey[] | readonly unknown[]): string {
  return Buffer.from(stringifyJson(keys), "utf8").toString("base64url");
}

const invalidCursor = () => new DomainError("invalid_input", "errors.invalidCursor", { cursor: ["errors.field.cursor"] });

/**
 * Decodes a cursor made by encodeCursor, checking its keys against `schema` (a tuple of the sort keys).
 * No cursor → null. Anything that is not a cursor we made → 400 invalid_input on the `cursor` field.
 */
export function decodeCursor<S extends z.ZodType>(cursor: string | null | undefined, schema: S): z.output<S> | null;
export function decodeCursor(cursor: string | null | undefined): unknown[] | null;
export function decodeCursor(cursor: string | null | undefined, schema?: z.ZodType): unknown {
  if (cursor === null || cursor === undefined || cursor === "") return null;
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed)) throw invalidCursor();
  if (!schema) return parsed;
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw invalidCursor();
  return checked.data;
}

const byId = (row: unknown) => [(row as { id?: unknown }).id];

/**
 * Given up to `limit + 1` rows fetched in the list's order, returns the first `limit` as `data` and, when
 * the extra row shows there is more, a cursor made from the last returned row's sort keys (`keysOf`,
 * by default `[row.id]` for lists ordered by id alone).
 */
export function paginate<T>(rows: readonly T[], limit: number, keysOf: (row: T) => readonly unknown[] = byId): Page<T> {
  if (rows.length <= limit) return { data: [...rows], nextCursor: null };
  const data = rows.slice(0, limit);
  return { data, nextCursor: encodeCursor(keysOf(data[data.length - 1])) };
}
