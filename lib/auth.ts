// Sign-in (Auth.js / next-auth v5). Credentials for now; an OIDC provider comes later.
// The session only carries the user id: every server action and page reloads
// the user and roles from the database (lib/session.ts), so a role taken away
// takes effect at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { verifyPassword } from "./passwords";
import { FailureThrottle } from "./throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; sv: number };
  }
  interface User {
    sv?: number;
  }
}

const ZCredentials = z.object({
  email: z.email({ error: "Enter your e-mail address." }).transform((e) => e.toLowerCase()),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

// Password guessing: 5 failures per account in 15 minutes; behind a reverse proxy that
// sets X-Forwarded-For (TRUST_PROXY=1), also 30 per client address. Without one, every
// client looks the same, and a client-supplied header proves nothing.
const WINDOW = 15 * 60 * 1000;
const perAccount = new FailureThrottle(5, WINDOW);
const perClient = new FailureThrottle(30, WINDOW);
const clientOf = (req: Request | undefined) =>
  process.env.TRUST_PROXY === "1" ? req?.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null : null;

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/signin" },
  // A wrong password is an expected event, not an error with a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const account = parsed.data.email;
        const client = clientOf(request);
        if (perAccount.retryAfter(account) > 0 || (client && perClient.retryAfter(client) > 0)) throw new TooManyAttempts();
        const user = await db.user.findUnique({ where: { email: account } });
        // Verify against a dummy hash when the user is unknown, so timing does not tell.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        // An account without any role is disabled (npm run users -- roles <email> none).
        if (!user || !ok || user.roles.length === 0) {
          perAccount.fail(account);
          if (client) perClient.fail(client);
          throw new InvalidCredentials();
        }
        perAccount.reset(account);
        return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion };
      },
    }),
  ],
  events: {
    // Also for next-auth's own /api/auth/signout: tokens issued before are no longer valid.
    async signOut(message) {
      const id = "token" in message ? message.token?.sub : undefined;
      if (id) await db.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sv = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
