import type { Metadata } from "next";
import Link from "next/link";
import { parseRequestNumber } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { ref } from "@/lib/format";
import { requestToFormInput } from "@/lib/requests/mapping";
import { findRequestDetail, findSeries } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { toFormValues } from "@/lib/validations/form-values";
import { RequestForm } from "../../request-form";

export const metadata: Metadata = { title: "Edit request" };

export default async function EditRequestPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const n = parseRequestNumber(number);
  const user = await requireUserPage(`/requests/${number}/edit`);
  const detail = n ? await findRequestDetail(n, user) : null;
  if (!detail) notFound();
  const { row, content, commands } = detail;
  if (!commands.has("EDIT")) {
    return (
      <p className="notice error">
        This request cannot be edited now. <Link href={`/requests/${row.number}`}>Back to {ref(row.number)}</Link>
      </p>
    );
  }
  const series = (await findSeries()).filter((s) => s.supported || content.series.includes(s.codename));
  return (
    <>
      <h1>
        Edit {ref(row.number)} · {row.packageName}
      </h1>
      <p className="lede">
        {row.status === "DRAFT" ? "Draft." : `Currently revision ${row.revision}.`} <Link href={`/requests/${row.number}`}>Back to the request</Link>
      </p>
      <RequestForm
        initial={toFormValues(requestToFormInput(content))}
        series={series}
        request={{ id: row.id, number: row.number, revision: row.revision, status: row.status }}
      />
    </>
  );
}
