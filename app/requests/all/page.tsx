import type { Metadata } from "next";
import Link from "next/link";
import { listAllRequests } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { STATUSES, STATUS_LABEL, type Status } from "@/lib/workflow";
import { RequestTable } from "../../components/request-table";

export const metadata: Metadata = { title: "All requests" };

export default async function AllRequestsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requireUserPage("/requests/all");
  const { status } = await searchParams;
  const filter = STATUSES.includes(status as Status) && status !== "DRAFT" ? (status as Status) : undefined;
  const rows = await listAllRequests(filter);
  return (
    <>
      <h1>All requests</h1>
      <p className="lede">Every request that has been submitted, whatever its state. Drafts stay private to their authors.</p>
      <nav className="actions" aria-label="Filter by status" style={{ margin: "0.8rem 0" }}>
        <Link href="/requests/all" className="btn" aria-current={!filter ? "page" : undefined}>
          All
        </Link>
        {STATUSES.filter((s) => s !== "DRAFT").map((s) => (
          <Link key={s} href={`/requests/all?status=${s}`} className="btn" aria-current={filter === s ? "page" : undefined}>
            {STATUS_LABEL[s]}
          </Link>
        ))}
      </nav>
      <RequestTable rows={rows} showSubmitter empty="No requests in this state." />
    </>
  );
}
