import Link from "next/link";
import { getCurrentUser } from "@/lib/session";

export default async function Home() {
  const user = await getCurrentUser();
  return (
    <>
      <h1>No Open Ports: exceptions and their sign-off</h1>
      <p className="lede">
        A default installation must not listen on the network or advertise itself, except for rare approved exceptions such as a DHCP client, an mDNS/DNS-SD daemon on desktops, or SSH on cloud images. Each exception is approved by the Technical Board and a member of the security team.
      </p>
      <div className="steps">
        <section className="panel">
          <h3>1. Maintainers file a request</h3>
          <p>The package, series and flavors; every socket and advertised service; the data it exposes; its confinement; its code quality and upstream security response; and how it handles discovered services.</p>
          {user?.roles.includes("MAINTAINER") ? <Link href="/requests/new">File a request</Link> : !user && <Link href="/signin">Sign in to file a request</Link>}
        </section>
        <section className="panel">
          <h3>2. Board and security sign off</h3>
          <p>A majority of the Technical Board and a security-team member approve the same revision, in any order. Either can reject or ask for more information; any edit voids earlier sign-offs.</p>
          {user && (user.roles.includes("TECH_BOARD") || user.roles.includes("SECURITY_TEAM")) && <Link href="/review">Open your review queue</Link>}
        </section>
        <section className="panel">
          <h3>3. The registry is public</h3>
          <p>Anyone can browse, search and filter the approved exceptions, and machines can read them as JSON.</p>
          <Link href="/registry">Browse the registry</Link>
        </section>
      </div>
    </>
  );
}
