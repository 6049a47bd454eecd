// A stand-in for `next/headers` in Vitest. Outside a Next.js request, the real cookies() and headers()
// throw ("called outside a request scope"), so a test that calls lib/ code using them mocks the module:
//
//   import { vi } from "vitest";
//   vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
//   import { setRequest, resetRequest, responseCookies } from "@/tests/helpers/next-headers";
//
//   beforeEach(() => resetRequest());
//   it("reads the locale cookie", async () => {
//     setRequest({ cookies: { NEXT_LOCALE: "en" }, headers: { "accept-language": "id-ID" } });
//     expect(await resolveLocale()).toBe("en");
//   });
//
// vi.mock is hoisted above the imports, and applies to the whole test file (every module it imports).
// Files that never reach cookies()/headers() need nothing. Cookies that code sets are visible to later
// reads in the same test (as in a server action) and are listed by responseCookies().
import { RequestCookies, ResponseCookies } from "next/dist/compiled/@edge-runtime/cookies";
import type { ReadonlyRequestCookies } from "next/dist/server/web/spec-extension/adapters/request-cookies";
import type { ReadonlyHeaders } from "next/dist/server/web/spec-extension/adapters/headers";

export interface FakeRequest {
  /** Request headers, e.g. { "accept-language": "en-US" }. */
  headers?: Record<string, string>;
  /** Request cookies by name. */
  cookies?: Record<string, string>;
}

let requestHeaders = new Headers();
let requestCookies = new RequestCookies(requestHeaders);
let setCookies = new ResponseCookies(new Headers());
let draftModeEnabled = false;

/** Sets the request that cookies() and headers() describe until the next setRequest/resetRequest. */
export function setRequest({ headers = {}, cookies = {} }: FakeRequest = {}): void {
  requestHeaders = new Headers(headers);
  requestCookies = new RequestCookies(requestHeaders);
  for (const [name, value] of Object.entries(cookies)) requestCookies.set(name, value);
  setCookies = new ResponseCookies(new Headers());
  draftModeEnabled = false;
}

/** An empty request: no headers, no cookies. */
export function resetRequest(): void {
  setRequest();
}

/** Cookies the code under test set or deleted, as they would go out in Set-Cookie headers. */
export function responseCookies(): ReturnType<ResponseCookies["getAll"]> {
  return setCookies.getAll();
}

export async function headers(): Promise<ReadonlyHeaders> {
  return requestHeaders;
}

export async function cookies(): Promise<ReadonlyRequestCookies> {
  const jar: ReadonlyRequestCookies = {
    get: (...args: Parameters<RequestCookies["get"]>) => requestCookies.get(...args),
    getAll: (...args: Parameters<RequestCookies["getAll"]>) => requestCookies.getAll(...args),
    has: (name: string) => requestCookies.has(name),
    get size() {
      return requestCookies.size;
    },
    [Symbol.iterator]: () => requestCookies[Symbol.iterator](),
    toString: () => requestCookies.toString(),
    set(...args: Parameters<ResponseCookies["set"]>) {
      setCookies.set(...args);
      const [name, value] = typeof args[0] === "string" ? [args[0], args[1] ?? ""] : [args[0].name, args[0].value];
      requestCookies.set(name, value);
      return jar;
    },
    delete(...args: Parameters<ResponseCookies["delete"]>) {
      setCookies.delete(...args);
      requestCookies.delete(typeof args[0] === "string" ? args[0] : args[0].name);
      return jar;
    },
  };
  return jar;
}

export async function draftMode() {
  return {
    get isEnabled() {
      return draftModeEnabled;
    },
    enable() {
      draftModeEnabled = true;
    },
    disable() {
      draftModeEnabled = false;
    },
  };
}
