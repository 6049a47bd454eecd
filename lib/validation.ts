// Shared zod messages (issue 17): an empty required text field says "Wajib diisi" (errors.field.required),
// whatever minimum length it has — never "Terlalu pendek", which is for text that is there but too short.
// Every schema's `.min(n, …)` on text uses `emptyIsRequired(<its too-short key>)`.
import { invalidInput } from "@/lib/errors";

type MinIssue = { input?: unknown };

/** A `.min()` message: `errors.field.required` when the (trimmed) text is empty, else `tooShort`. */
export function emptyIsRequired(tooShort: string) {
  return { error: (issue: MinIssue) => (issue.input === "" ? "errors.field.required" : tooShort) };
}

/**
 * The path ("items.0.name") of the first text in `value` — a string or an object key, at any depth — holding a
 * NUL character (U+0000), or null. PostgreSQL cannot store NUL in text, so such input would fail deep in the
 * database with a 500: every JSON body and every action's input is checked with this first and refused as
 * invalid input naming the field (issue 13's attack; lib/api/body.ts, lib/auth/action-wrapper.ts).
 */
function nulCharacterPath(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "_" : null;
  if (depth > 64 || value === null || typeof value !== "object" || value instanceof Blob) return null;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) {
    const at = path ? `${path}.${k}` : k;
    if (k.includes("\u0000")) return path || "_";
    const found = nulCharacterPath(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses input holding a NUL character: invalid_input with the field's "errors.field.nulCharacter". */
export function refuseNulCharacters(value: unknown): void {
  const path = nulCharacterPath(value);
  if (path) throw invalidInput({ [path]: ["errors.field.nulCharacter"] });
}
