import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "../db/client";
import { createRateLimiter } from "../http/rate-limit";
import { logger } from "../logger";
import { signInSchema } from "./account-schema";
import { verifyPassword } from "./passwords";

/**
 * next-auth configuration shared by the route handler, server components and
 * the socket.io handshake. Sessions are signed JWTs in an httpOnly cookie, so
 * the socket server can authenticate a handshake without a session table.
 */
const limitSignIns = createRateLimiter(10, 15 * 60 * 1000);

/** Allows 10 sign-in attempts per email address in 15 minutes, to slow down password guessing. */
function signInAttemptAllowed(email: string): boolean {
  try {
    limitSignIns(email);
    return true;
  } catch {
    return false;
  }
}

export const authOptions: NextAuthOptions = {
  // next-auth prints multi-line stack traces itself, for example for any
  // garbage session cookie a client sends; one log line each is enough.
  logger: {
    error(code, metadata) {
      const reason = metadata instanceof Error ? metadata.message : undefined;
      logger().warn({ code, reason }, "auth.next_auth_error");
    },
    warn(code) {
      logger().warn({ code }, "auth.next_auth_warning");
    },
    debug() {},
  },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        if (!signInAttemptAllowed(parsed.data.email)) {
          logger().warn("auth.sign_in_rate_limited");
          return null;
        }
        const user = await prisma().user.findUnique({ where: { email: parsed.data.email } });
        if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          logger().info({ userId: user?.id }, "auth.sign_in_rejected");
          return null;
        }
        logger().info({ userId: user.id }, "auth.signed_in");
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
