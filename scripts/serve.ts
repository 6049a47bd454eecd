// The production HTTP server that `npm start` runs, once per worker process (scripts/start.ts forks it as a
// node:cluster worker after migrations, the seed and the build; the workers share the port, ADR 0032):
// Next.js through its programmatic API (`next({ dir }).getRequestHandler()`) inside a plain node:http
// server, so that every request carries the TCP peer's address to the app.
//
// Why (issue 11): route handlers and server actions see headers, never the socket. The per-address sign-in
// and sign-up limits need the real peer, and X-Real-IP / X-Forwarded-For are whatever the client typed unless
// a reverse proxy we trust sets the one TRUST_PROXY names. So this server deletes any client-sent `x-rantai-peer`
// and writes its own, `<key> <socket address>`, on every request; lib/auth/client-address.ts trusts the
// header only with the key, a random value made here at start and handed to the app in RANTAI_PEER_KEY (the
// app runs in this process; each worker makes its own). Under `next dev` or a bare `next start` nobody sets
// the key, so a forged header is ignored there too.
//
// Anonymous views of the public pages are answered from a micro-cache of rendered pages (lib/cache/page-cache.ts,
// ADR 0036: at most 15 s old, never for a request with a session cookie); PAGE_CACHE=0 turns it off.
//
//   NODE_ENV=production tsx scripts/serve.ts     (one process on its own; PORT, default 3000)
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PEER_HEADER, PEER_KEY_ENV, peerHeaderValue, trustedProxyHeader } from "../lib/auth/client-address";
import { PageCache, PAGE_TTL_SECONDS } from "../lib/cache/page-cache";
import { nulUrlRefusal, urlHasNul } from "../lib/security/url-guard";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/** Replaces whatever the client sent in PEER_HEADER with the socket's address, signed with `key`. */
export function stampPeer(req: http.IncomingMessage, key: string): void {
  delete req.headers[PEER_HEADER];
  // rawHeaders too: Next builds some request objects from them.
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === PEER_HEADER) raw.splice(i, 2);
  const address = req.socket.remoteAddress;
  if (!address) return;
  const value = peerHeaderValue(key, address);
  req.headers[PEER_HEADER] = value;
  raw.push(PEER_HEADER, value);
}

/**
 * Next takes the script nonce of a page from the request's Content-Security-Policy header (proxy.ts sets it,
 * inside Next, for the signed-in areas). A client's own such header would put its chosen nonce into the page
 * (and into the public page cache): nothing outside may set it.
 */
export function dropCspRequestHeaders(req: http.IncomingMessage): void {
  for (const name of ["content-security-policy", "content-security-policy-report-only"]) {
    delete req.headers[name];
    const raw = req.rawHeaders;
    for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === name) raw.splice(i, 2);
  }
}

/** A node:http server that stamps the peer on every request (and upgrade) before `handler` sees it. */
export function createPeerServer(
  handler: Handler,
  key: string,
  onUpgrade?: (req: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => unknown,
) {
  const server = http.createServer((req, res) => {
    if (urlHasNul(req.url)) {
      const r = nulUrlRefusal(req.url ?? "", req.headers["accept-language"]);
      res.writeHead(r.status, { "content-type": r.contentType, "cache-control": "no-store" });
      res.end(r.body);
      return;
    }
    stampPeer(req, key);
    dropCspRequestHeaders(req);
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      console.error("[rantai] request failed", err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else {
        // Part of a 200 is out: ending normally would pass a cut-off page for a whole one (to the client and
        // to the public page cache, which stores what finishes). Abort the connection instead.
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
  if (onUpgrade) {
    server.on("upgrade", (req, socket, head) => {
      stampPeer(req, key);
      onUpgrade(req, socket, head);
    });
  }
  // Idle keep-alive connections stay open 65 s: longer than load balancers' and HTTP clients' own idle
  // timeouts (typically 60 s or less), so a client never reuses a connection the server is just closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

/** A fresh key per server start (the app process reads it from its environment). */
export function newPeerKey(): string {
  return crypto.randomBytes(24).toString("base64url");
}

async function main() {
  const port = Number(process.env.PORT?.trim() || "3000");
  const key = newPeerKey();
  process.env[PEER_KEY_ENV] = key;
  // Memory (issue 14): tsx turns Node's source-map support on, and Node then reads and keeps the source map of
  // every module it loads — Next's, zod's, the build's chunks, with their sources — tens of MB of strings per
  // worker. Off before Next loads (stack traces of this file and its imports show transpiled lines).
  process.setSourceMapsEnabled(false);
  // Loaded only here: importing next is slow and tests import the helpers above.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: path.resolve(process.cwd()), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = typeof app.getUpgradeHandler === "function" ? app.getUpgradeHandler() : undefined;
  const pages = process.env.PAGE_CACHE?.trim() === "0" ? null : new PageCache();
  const server = createPeerServer(
    pages ? (req, res) => pages.handle(req, res, handle) : (req, res) => handle(req, res),
    key,
    upgrade ? (req, socket, head) => upgrade(req, socket, head) : undefined,
  );

  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    console.log(`[rantai] ${signal}: closing the server`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stop(signal));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  console.log(
    `[rantai] ready on http://localhost:${port} (process ${process.pid}; ${pages ? `public pages cached ${PAGE_TTL_SECONDS} s` : "page cache off"}; peer address from the socket${trustedProxyHeader() ? `; TRUST_PROXY: ${trustedProxyHeader()} honoured` : ""})`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`[rantai] server failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  });
}
