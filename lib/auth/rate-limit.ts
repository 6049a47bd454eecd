// Sign-in attempts are limited per account and per client address, sign-ups per client address. The
// counters live in PostgreSQL (rate-limiter-flexible's Prisma store: an atomic INSERT … ON CONFLICT DO
// UPDATE SET points = points + 1), so every app instance behind a load balancer sees the same counts.
//
// Issue 11: an attempt is RESERVED (consumed) before the password is checked, so however many requests
// arrive at once, at most `perAccount` passwords are checked per account per window; the rest get
// rate_limited without a check. A failed attempt keeps its reservation. A successful sign-in clears the
// account's counter (the user proved they know the password: earlier typos no longer count against them)
// and gives back the address's reservation (the address limit counts failures only).
//
// The limits come from the environment (defaults strict; a deployment where many users share one address,
// e.g. one NAT, or a test suite, may raise them):
//   LOGIN_LIMIT_PER_ACCOUNT (8)  LOGIN_LIMIT_PER_ADDRESS (40)  LOGIN_LIMIT_WINDOW_SECONDS (900)
//   SIGNUP_LIMIT_PER_ADDRESS (10)  SIGNUP_LIMIT_WINDOW_SECONDS (3600)
//   PASSWORD_RESET_LIMIT_PER_ACCOUNT (5)  PASSWORD_RESET_LIMIT_PER_ADDRESS (30)
//   PASSWORD_RESET_LIMIT_WINDOW_SECONDS (3600)
// Password reset (issue 16): requests are counted per e-mail address asked for (whether or not it has an
// account, so the limit reveals nothing) and per client address; using a link counts per client address.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { rateLimited } from "@/lib/errors";

/** The defaults (used when the environment does not say otherwise). */
export const LOGIN_LIMITS = {
  perAccount: { points: 8, durationSeconds: 15 * 60 },
  perAddress: { points: 40, durationSeconds: 15 * 60 },
} as const;

/** New accounts from one client address (sign-up page and API alike): the default. */
export const SIGNUP_LIMIT = { points: 10, durationSeconds: 60 * 60 } as const;

/** "Forgot password" requests per e-mail address and per client address (link uses count per address too). */
const PASSWORD_RESET_LIMITS = {
  perAccount: { points: 5, durationSeconds: 60 * 60 },
  perAddress: { points: 30, durationSeconds: 60 * 60 },
} as const;

export const LIMIT_ENV = {
  loginPerAccount: "LOGIN_LIMIT_PER_ACCOUNT",
  loginPerAddress: "LOGIN_LIMIT_PER_ADDRESS",
  loginWindowSeconds: "LOGIN_LIMIT_WINDOW_SECONDS",
  signupPerAddress: "SIGNUP_LIMIT_PER_ADDRESS",
  signupWindowSeconds: "SIGNUP_LIMIT_WINDOW_SECONDS",
  resetPerAccount: "PASSWORD_RESET_LIMIT_PER_ACCOUNT",
  resetPerAddress: "PASSWORD_RESET_LIMIT_PER_ADDRESS",
  resetWindowSeconds: "PASSWORD_RESET_LIMIT_WINDOW_SECONDS",
} as const;

const warned = new Set<string>();

/** A positive whole number from the environment, else the default (a bad value is logged once, never loosens). */
function envInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (Number.isSafeInteger(n) && n > 0) return n;
  if (!warned.has(name)) {
    warned.add(name);
    console.error(`[rate-limit] ${name}=${JSON.stringify(raw)} is not a positive whole number; using ${fallback}`);
  }
  return fallback;
}

export function currentLimits() {
  const window = envInt(LIMIT_ENV.loginWindowSeconds, LOGIN_LIMITS.perAccount.durationSeconds);
  return {
    perAccount: { points: envInt(LIMIT_ENV.loginPerAccount, LOGIN_LIMITS.perAccount.points), durationSeconds: window },
    perAddress: { points: envInt(LIMIT_ENV.loginPerAddress, LOGIN_LIMITS.perAddress.points), durationSeconds: window },
    signup: {
      points: envInt(LIMIT_ENV.signupPerAddress, SIGNUP_LIMIT.points),
      durationSeconds: envInt(LIMIT_ENV.signupWindowSeconds, SIGNUP_LIMIT.durationSeconds),
    },
    reset: {
      perAccount: envInt(LIMIT_ENV.resetPerAccount, PASSWORD_RESET_LIMITS.perAccount.points),
      perAddress: envInt(LIMIT_ENV.resetPerAddress, PASSWORD_RESET_LIMITS.perAddress.points),
      durationSeconds: envInt(LIMIT_ENV.resetWindowSeconds, PASSWORD_RESET_LIMITS.perAccount.durationSeconds),
    },
  };
}

let limiters: {
  account: RateLimiterPrisma;
  address: RateLimiterPrisma;
  signup: RateLimiterPrisma;
  resetAccount: RateLimiterPrisma;
  resetAddress: RateLimiterPrisma;
} | null = null;
let limiterKey: unknown = null;
let limiterDb: unknown = null;

function getLimiters() {
  // Rebuild when the database handle (tests give every file its own database) or the limits changed.
  const current = getDb();
  const limits = currentLimits();
  const key = JSON.stringify(limits);
  if (!limiters || limiterDb !== current || limiterKey !== key) {
    const common = { storeClient: current, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false };
    limiters = {
      account: new RateLimiterPrisma({
        ...common,
        keyPrefix: "login-account",
        points: limits.perAccount.points,
        duration: limits.perAccount.durationSeconds,
      }),
      address: new RateLimiterPrisma({
        ...common,
        keyPrefix: "login-address",
        points: limits.perAddress.points,
        duration: limits.perAddress.durationSeconds,
      }),
      signup: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signup-address",
        points: limits.signup.points,
        duration: limits.signup.durationSeconds,
      }),
      resetAccount: new RateLimiterPrisma({
        ...common,
        keyPrefix: "reset-account",
        points: limits.reset.perAccount,
        duration: limits.reset.durationSeconds,
      }),
      resetAddress: new RateLimiterPrisma({
        ...common,
        keyPrefix: "reset-address",
        points: limits.reset.perAddress,
        duration: limits.reset.durationSeconds,
      }),
    };
    limiterDb = current;
    limiterKey = key;
  }
  return limiters;
}

function retryAfter(res: RateLimiterRes | null) {
  return Math.max(1, Math.ceil((res?.msBeforeNext ?? 60_000) / 1000));
}

/** A held sign-in attempt: settle it with succeeded() after a correct password; a failure keeps it. */
export interface LoginReservation {
  succeeded(): Promise<void>;
}

/**
 * Reserves one sign-in attempt for this account and this address, atomically, BEFORE the password is
 * checked; throws rate_limited (nothing checked) when either is used up. Over-limit calls still count,
 * so a flood keeps the window closed rather than probing its edge.
 */
export async function reserveLoginAttempt(email: string, address: string | null): Promise<LoginReservation> {
  const { account, address: byAddress } = getLimiters();
  try {
    await account.consume(email);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(retryAfter(err));
    throw err;
  }
  if (address) {
    try {
      await byAddress.consume(address);
    } catch (err) {
      // The address is over its limit: this attempt is not checked, so it does not count against the account.
      await account.reward(email, 1).catch(() => {});
      if (err instanceof RateLimiterRes) throw rateLimited(retryAfter(err));
      throw err;
    }
  }
  return {
    async succeeded() {
      await account.delete(email);
      if (address) await byAddress.reward(address, 1);
    },
  };
}

/** Counts a sign-up from this address; throws rate_limited past the limit. No address, no limit. */
export async function consumeSignup(address: string | null) {
  if (!address) return;
  try {
    await getLimiters().signup.consume(address);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(retryAfter(err));
    throw err;
  }
}

/**
 * Counts one password-reset request (for `email`, given or not: nothing is looked up here) or, without an
 * email, one use of a reset link, from `address`; throws rate_limited past either limit. The address is
 * counted first, so a flood from one address does not use up the victim's account allowance.
 */
export async function consumePasswordReset({ email, address }: { email?: string; address: string | null }) {
  const { resetAccount, resetAddress } = getLimiters();
  try {
    if (address) await resetAddress.consume(address);
    if (email) await resetAccount.consume(email);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(retryAfter(err));
    throw err;
  }
}
