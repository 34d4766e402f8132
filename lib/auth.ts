// Sign-in (Auth.js / next-auth v5). Credentials for now; an OIDC provider comes later.
// The session only carries the user id: every server action and page reloads
// the user and roles from the database (lib/session.ts), so a role taken away
// takes effect at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { verifyPassword } from "./passwords";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
  }
}

const ZCredentials = z.object({
  email: z.email({ error: "Enter your e-mail address." }).transform((e) => e.toLowerCase()),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        // Verify against a dummy hash when the user is unknown, so timing does not tell.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !ok) throw new InvalidCredentials();
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
