// JSON for the HTTP API: Rupiah amounts are BigInt in the database (`*Idr` fields) and JSON has no BigInt.
// toJson() turns a value into plain JSON data: BigInt → number when it is a safe integer (every realistic
// Rupiah amount; Number.MAX_SAFE_INTEGER is ~9 quadrillion), otherwise a decimal string rather than a
// silently rounded number; Dates → ISO 8601 strings (UTC, "Z" offset); undefined properties dropped.
// Every API response body goes through it (apiRoute does this for you).

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  return value;
}

/** Serialises a value for the API (see above). */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, replacer) ?? "null";
}

/** The plain JSON data the API would send for `value`. */
export function toJson(value: unknown): JsonValue {
  return JSON.parse(stringifyJson(value)) as JsonValue;
}

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A JSON response whose body went through toJson's rules. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", JSON_CONTENT_TYPE);
  return new Response(stringifyJson(body), { status: init.status ?? 200, headers });
}
