import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { getCurrentUser } from "@/lib/session";
import { signOutAction } from "./signin/actions";

export const metadata: Metadata = {
  title: { default: "No Open Ports — exception sign-off", template: "%s · No Open Ports" },
  description: "Exception requests to the No Open Ports policy, their Technical Board and security-team sign-off, and the public registry of approved exceptions.",
};

const ROLE_LABEL: Record<string, string> = {
  MAINTAINER: "maintainer",
  TECH_BOARD: "Technical Board",
  SECURITY_TEAM: "security team",
  ADMIN: "admin",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const isReviewer = !!user && (user.roles.includes("TECH_BOARD") || user.roles.includes("SECURITY_TEAM"));
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="inner">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden>
                ⊘
              </span>
              No Open Ports
            </Link>
            <nav className="site-nav" aria-label="Main">
              <Link href="/registry">Registry</Link>
              <Link href="/check">Check a machine</Link>
              {user?.roles.includes("MAINTAINER") && <Link href="/requests">My requests</Link>}
              {isReviewer && <Link href="/review">Review queue</Link>}
              {user && <Link href="/requests/all">All requests</Link>}
            </nav>
            {user ? (
              <div className="who">
                <span>
                  {user.name} · {user.roles.map((r) => ROLE_LABEL[r]).join(", ")}
                </span>
                <form action={signOutAction}>
                  <button type="submit">Sign out</button>
                </form>
              </div>
            ) : (
              <Link href="/signin" className="btn">
                Sign in
              </Link>
            )}
          </div>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
