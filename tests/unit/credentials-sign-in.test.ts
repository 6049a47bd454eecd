// The sign-in forms call next-auth's credentials endpoint without next-auth/react (issue 14): a CSRF token, a
// form POST, and next-auth's error code read from the URL it answers with — wrong password and rate limiting
// must still reach the form as the codes it shows messages for.
import { afterEach, describe, expect, it, vi } from "vitest";
import { signIn } from "@/components/auth/credentials-sign-in";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function fakeAuth(answer: Response) {
  const requests: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal("window", { location: { href: "http://localhost:3000/masuk" } });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      return url.endsWith("/csrf") ? json(200, { csrfToken: "token-123" }) : answer;
    }),
  );
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe("signIn (credentials, without next-auth/react)", () => {
  it("posts the credentials with the CSRF token and succeeds on next-auth's callback URL", async () => {
    const requests = fakeAuth(json(200, { url: "http://localhost:3000/dasbor" }));
    const res = await signIn("credentials", { redirect: false, email: "a@b.id", password: "rahasia", callbackUrl: "/dasbor" });
    expect(res).toEqual({ error: null, ok: true, status: 200, url: "http://localhost:3000/dasbor" });
    const post = requests[1];
    expect(post.url).toBe("/api/auth/callback/credentials");
    expect(post.init?.method).toBe("POST");
    const body = new URLSearchParams(String(post.init?.body));
    expect(Object.fromEntries(body)).toMatchObject({
      email: "a@b.id",
      password: "rahasia",
      csrfToken: "token-123",
      callbackUrl: "/dasbor",
      json: "true",
    });
  });

  it("reports a wrong password as CredentialsSignin", async () => {
    fakeAuth(json(401, { url: "http://localhost:3000/api/auth/error?error=CredentialsSignin&provider=credentials" }));
    const res = await signIn("credentials", { redirect: false, email: "a@b.id", password: "salah" });
    expect(res).toMatchObject({ error: "CredentialsSignin", ok: false, url: null });
  });

  it("reports the error authorize threw (rate limiting) even on a 200", async () => {
    fakeAuth(json(200, { url: "http://localhost:3000/masuk?error=rate_limited" }));
    const res = await signIn("credentials", { redirect: false, email: "a@b.id", password: "x" });
    expect(res).toMatchObject({ error: "rate_limited", ok: false });
  });

  it("does not read an error out of the callback URL a successful sign-in returns to", async () => {
    fakeAuth(json(200, { url: "http://localhost:3000/dasbor?error=CredentialsSignin" }));
    const res = await signIn("credentials", {
      redirect: false,
      email: "a@b.id",
      password: "x",
      callbackUrl: "http://localhost:3000/dasbor?error=CredentialsSignin",
    });
    expect(res).toMatchObject({ error: null, ok: true });
  });

  it("reports a refused CSRF token as an error, not as a sign-in", async () => {
    fakeAuth(json(200, { url: "http://localhost:3000/api/auth/signin?csrf=true" }));
    const res = await signIn("credentials", { redirect: false, email: "a@b.id", password: "x" });
    expect(res).toMatchObject({ error: "csrf", ok: false, url: null });
  });

  it("fails rather than succeeding when the answer is not next-auth's", async () => {
    fakeAuth(new Response("Bad gateway", { status: 502 }));
    const res = await signIn("credentials", { redirect: false, email: "a@b.id", password: "x" });
    expect(res.ok).toBe(false);
    expect(res.error).toBe("generic");
  });
});
