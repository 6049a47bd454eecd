// Calling API route handlers directly in tests, the way Next.js does: `new Request(...)` in, Response out.
//
//   import { POST } from "@/app/api/v1/auth/token/route";
//   const res = await callRoute(POST, "POST", "/api/v1/auth/token", { body: { email, password } });
//   expect(res.status).toBe(200);
//   const json = await res.json();
//
// Path parameters go in `params` (Next.js hands them to the handler as a Promise; so does this helper).
// `body` objects are sent as JSON with Content-Type: application/json; pass `rawBody` for anything else.
export type RouteHandlerFn = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

export interface CallOptions {
  body?: unknown;
  /** Sent as-is (no content type is added unless given in headers). */
  rawBody?: string | Uint8Array | ReadableStream<Uint8Array>;
  token?: string;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
}

const TEST_ORIGIN = "http://rantai.test";

export function apiRequest(method: string, path: string, opts: CallOptions = {}): Request {
  const url = new URL(path, TEST_ORIGIN);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody as BodyInit;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  return new Request(url, init);
}

export function callRoute(handler: RouteHandlerFn, method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  return handler(apiRequest(method, path, opts), { params: Promise.resolve(opts.params ?? {}) });
}

/** The parsed JSON body, failing the test with the raw text when it is not JSON. */
export async function jsonOf<T = Record<string, unknown>>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`expected JSON, got ${res.status}: ${text.slice(0, 300)}`);
  }
}
