// next-auth (v4) configuration: email + password credentials, JWT sessions. The JWT only carries the user
// id; organizations and roles are read fresh from the database on every request (lib/auth/session.ts).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDomainError } from "@/lib/errors";
import { verifyCredentials } from "./accounts";
import { clientAddress } from "./client-address";

export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || undefined;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/masuk", error: "/masuk" },
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
          return { id: user.id, email: user.email, name: user.name };
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
      if (user) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};
