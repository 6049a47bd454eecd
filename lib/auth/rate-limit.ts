// Failed sign-in attempts are limited per account and per client address. The counters live in
// PostgreSQL (rate-limiter-flexible's Prisma store), so every app instance behind a load balancer sees the
// same counts. Only failures are counted: a successful sign-in clears the account's counter.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { rateLimited } from "@/lib/errors";

export const LOGIN_LIMITS = {
  perAccount: { points: 8, durationSeconds: 15 * 60 },
  perAddress: { points: 40, durationSeconds: 15 * 60 },
} as const;

/** New accounts from one client address (sign-up page and API alike). */
export const SIGNUP_LIMIT = { points: 10, durationSeconds: 60 * 60 } as const;

let limiters: { account: RateLimiterPrisma; address: RateLimiterPrisma; signup: RateLimiterPrisma } | null = null;
let limiterDb: unknown = null;

function getLimiters() {
  // Rebuild when the database handle changed (tests give every file its own database).
  const current = getDb();
  if (!limiters || limiterDb !== current) {
    const common = { storeClient: current, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false };
    limiters = {
      account: new RateLimiterPrisma({
        ...common,
        keyPrefix: "login-account",
        points: LOGIN_LIMITS.perAccount.points,
        duration: LOGIN_LIMITS.perAccount.durationSeconds,
      }),
      address: new RateLimiterPrisma({
        ...common,
        keyPrefix: "login-address",
        points: LOGIN_LIMITS.perAddress.points,
        duration: LOGIN_LIMITS.perAddress.durationSeconds,
      }),
      signup: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signup-address",
        points: SIGNUP_LIMIT.points,
        duration: SIGNUP_LIMIT.durationSeconds,
      }),
    };
    limiterDb = current;
  }
  return limiters;
}

function retryAfter(res: RateLimiterRes | null) {
  return Math.max(1, Math.ceil((res?.msBeforeNext ?? 60_000) / 1000));
}

/** Throws rate_limited when failed attempts for this account or from this address have piled up. */
export async function assertLoginAllowed(email: string, address: string | null) {
  const { account, address: byAddress } = getLimiters();
  const accountRes = await account.get(email);
  if (accountRes && accountRes.consumedPoints >= LOGIN_LIMITS.perAccount.points) throw rateLimited(retryAfter(accountRes));
  if (address) {
    const addressRes = await byAddress.get(address);
    if (addressRes && addressRes.consumedPoints >= LOGIN_LIMITS.perAddress.points) throw rateLimited(retryAfter(addressRes));
  }
}

export async function recordLoginFailure(email: string, address: string | null) {
  const { account, address: byAddress } = getLimiters();
  const swallowLimit = (err: unknown) => {
    if (err instanceof RateLimiterRes) return; // over the limit already: nothing more to count
    throw err;
  };
  await account.consume(email).catch(swallowLimit);
  if (address) await byAddress.consume(address).catch(swallowLimit);
}

export async function recordLoginSuccess(email: string) {
  await getLimiters().account.delete(email);
}

/** Counts a sign-up from this address; throws rate_limited past SIGNUP_LIMIT. No address, no limit. */
export async function consumeSignup(address: string | null) {
  if (!address) return;
  try {
    await getLimiters().signup.consume(address);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(retryAfter(err));
    throw err;
  }
}
