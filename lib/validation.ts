// Shared zod messages (issue 17): an empty required text field says "Wajib diisi" (errors.field.required),
// whatever minimum length it has — never "Terlalu pendek", which is for text that is there but too short.
// Every schema's `.min(n, …)` on text uses `emptyIsRequired(<its too-short key>)`.
type MinIssue = { input?: unknown };

/** A `.min()` message: `errors.field.required` when the (trimmed) text is empty, else `tooShort`. */
export function emptyIsRequired(tooShort: string) {
  return { error: (issue: MinIssue) => (issue.input === "" ? "errors.field.required" : tooShort) };
}
