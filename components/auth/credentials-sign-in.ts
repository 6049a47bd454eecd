// Signing in with email and password from the browser: the requests next-auth/react's
// signIn("credentials", { redirect: false, … }) makes, without that library (issue 14: its client — session
// polling, tab broadcast, provider lists — is about 12 KB gzipped on /masuk for this one call). The same
// call shape, so the forms did not change: a CSRF token from /api/auth/csrf, then a form POST to
// /api/auth/callback/credentials that answers JSON with the URL next-auth would redirect to; on failure that
// URL carries ?error=<code> ("CredentialsSignin", "rate_limited", …), as next-auth/react reports it.
const AUTH_API = "/api/auth";

export interface SignInResult {
  /** next-auth's error code, null on success. */
  error: string | null;
  status: number;
  ok: boolean;
  /** Where next-auth would have gone (null on error). */
  url: string | null;
}

export async function signIn(
  provider: "credentials",
  options: { redirect: false; email: string; password: string; callbackUrl?: string },
): Promise<SignInResult> {
  const { redirect, callbackUrl = window.location.href, ...credentials } = options;
  const csrf = await fetch(`${AUTH_API}/csrf`);
  if (!csrf.ok) throw new Error(`csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${AUTH_API}/callback/${provider}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ ...credentials, redirect: String(redirect), csrfToken, callbackUrl, json: "true" }),
  });
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const url = typeof data.url === "string" ? data.url : null;
  // Success answers with the callback URL sent; anything else is next-auth's error or sign-in page, whose
  // ?error= names the failure. A refused CSRF token comes back as a 200 pointing at the sign-in page with
  // ?csrf=true: no session was made, so it is an error (next-auth/react reported it as a success). The callback
  // URL's own query is never read: `/dasbor?error=x` is a successful sign-in.
  const target = url ? new URL(url, window.location.href) : null;
  const sent = new URL(callbackUrl, window.location.href);
  const params = target?.href === sent.href ? null : target?.searchParams;
  const error = !target ? "generic" : !params ? null : (params.get("error") ?? (params.get("csrf") === "true" ? "csrf" : null));
  return { error, status: res.status, ok: res.ok && error === null, url: error ? null : url };
}
