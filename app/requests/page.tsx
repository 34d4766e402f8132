import type { Metadata } from "next";
import Link from "next/link";
import { listRequestsOf } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { RequestTable } from "../components/request-table";

export const metadata: Metadata = { title: "My requests" };

export default async function MyRequestsPage() {
  const user = await requireUserPage("/requests");
  const rows = await listRequestsOf(user.id);
  const isMaintainer = user.roles.includes("MAINTAINER");
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My requests</h1>
          <p className="lede">Exception requests you filed, newest activity first.</p>
        </div>
        {isMaintainer && (
          <Link className="btn btn-primary" href="/requests/new">
            New exception request
          </Link>
        )}
      </div>
      {!isMaintainer && <p className="notice info">You need the maintainer role to file requests.</p>}
      <RequestTable rows={rows} empty="You have not filed any request yet." />
    </>
  );
}
