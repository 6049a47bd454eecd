// next-auth (v4) configuration: email + password credentials, JWT sessions. The JWT only carries the user
// id and the session version it was signed in under; organizations and roles are read fresh from the
// database on every request (lib/auth/session.ts), and a JWT from before a password reset or change is
// refused (lib/auth/session-version.ts).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDomainError } from "@/lib/errors";
import { verifyCredentials } from "./accounts";
import { clientAddress } from "./client-address";
import { authRoutes } from "./routes";
import { sessionTokenIsCurrent } from "./session-version";

function authSecret(): string | undefined {
  return process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || undefined;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: authRoutes.signIn(), error: authRoutes.signIn() },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await verifyCredentials(
            { email: credentials?.email, password: credentials?.password },
            { address: clientAddress(req?.headers as Record<string, string | string[] | undefined> | undefined) },
          );
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (err) {
          // The sign-in page shows a message per code (?error=rate_limited / CredentialsSignin).
          if (isDomainError(err) && err.code === "rate_limited") throw new Error("rate_limited");
          if (isDomainError(err) && err.messageKey === "errors.accountSuspended") throw new Error("account_suspended");
          if (isDomainError(err)) return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      }
      // Every later request: a JWT from before a password reset or change (or of a disabled user) is
      // emptied: it names nobody, so the request is signed out, and so is every one after it.
      if (typeof token.uid === "string" && !(await sessionTokenIsCurrent(token))) return { ended: true };
      return token;
    },
    async session({ session, token }) {
      if (typeof token.uid !== "string") return { expires: session.expires };
      if (session.user) (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};
