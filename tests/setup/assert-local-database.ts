// End-to-end tests create accounts, RFQs and quotes through the real app: they must never run against a
// shared or production database. Like dub's assert-local-database: refuse any DATABASE_URL whose host is
// not this machine. (The e2e server itself always gets a fresh embedded database, see playwright.config.ts;
// this catches a stray DATABASE_URL in the shell before anything can reach it.)

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Whether a PostgreSQL URL points at this machine (loopback address or a Unix socket). */
export function isLocalDatabaseUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // WHATWG URLs reject libpq's "user@ with no host" form (postgresql://u@/db?host=/socket/dir).
    const socketHost = /[?&]host=([^&#]+)/.exec(url)?.[1];
    return !!socketHost && decodeURIComponent(socketHost).startsWith("/");
  }
  // postgresql://user@/db?host=/var/run/postgresql: a Unix socket is local by definition.
  const socketHost = u.searchParams.get("host");
  if (socketHost) return socketHost.startsWith("/") || isLocalHost(socketHost);
  return u.hostname === "" || isLocalHost(u.hostname);
}

function isLocalHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOCAL_HOSTS.has(h) || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith(".localhost");
}

/** Throws unless DATABASE_URL is unset, blank, or local. */
export function assertLocalDatabase(env: NodeJS.ProcessEnv = process.env): void {
  const url = env.DATABASE_URL?.trim();
  if (!url || isLocalDatabaseUrl(url)) return;
  let where = "an unparsable URL";
  try {
    where = new URL(url).host;
  } catch {
    // keep the generic description; never print the URL (it may hold a password)
  }
  throw new Error(
    `Refusing to run end-to-end tests: DATABASE_URL points at ${where}, which is not this machine. ` +
      "Unset DATABASE_URL (the e2e server uses its own embedded database) or point it at localhost.",
  );
}
