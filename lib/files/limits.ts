// Request-size limits shared by the server (next.config.ts, the upload routes) and the browser (the forms
// that post files to server actions check the total before sending). No server-only imports here.
//
// Server actions: Next (16.x, app-render/action-handler) counts the bytes of an action request as they
// arrive and stops reading at `serverActions.bodySizeLimit`, declared length or not — but it answers with a
// generic error (a rejected action: the error page), not a message the user can act on. So every form that
// posts files to an action checks the total first (exceedsActionBodyLimit) and says, in the user's
// language, what to do; the server-side limit stays the backstop (issue 11).

/** next.config.ts `experimental.serverActions.bodySizeLimit`: one document (5 MB) plus the form's fields. */
export const ACTION_BODY_LIMIT = "6mb";
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** Room for the multipart envelope (boundaries, part headers, a few small fields) around the files. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** What a FormData weighs on the wire, near enough: files by size, text fields as UTF-8, ~200 bytes per part. */
function formDataBytes(form: FormData): number {
  let total = 0;
  const encoder = new TextEncoder();
  for (const [name, value] of form.entries()) {
    total += 200 + encoder.encode(name).byteLength;
    total += typeof value === "string" ? encoder.encode(value).byteLength : value.size;
  }
  return total;
}

/** True when posting `form` to a server action would pass Next's body limit (the action would never run). */
export function exceedsActionBodyLimit(form: FormData): boolean {
  return formDataBytes(form) > ACTION_BODY_LIMIT_BYTES - MULTIPART_OVERHEAD_BYTES;
}

/** The limit as people read it ("6 MB"). */
export const ACTION_BODY_LIMIT_LABEL = `${ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB`;

type Refusal = { ok: false; error: { code: "payload_too_large"; message: string; fields?: Record<string, string[]> } };

/** The failed action result a form shows when its files are over the limit (field error on `field`). */
export function actionBodyTooLarge(message: string, field?: string): Refusal {
  return { ok: false, error: { code: "payload_too_large", message, ...(field ? { fields: { [field]: [message] } } : {}) } };
}

/**
 * Wraps a useActionState action: a form over the action body limit is refused in the browser with
 * `refusal()` (nothing is sent); anything else goes to the server action as before.
 */
export function withActionBodyLimit<P, S, R extends S>(action: (prev: P, form: FormData) => S | Promise<S>, refusal: () => R) {
  return async (prev: P, form: FormData): Promise<S> => (exceedsActionBodyLimit(form) ? refusal() : action(prev, form));
}
