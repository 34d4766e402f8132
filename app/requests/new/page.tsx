import type { Metadata } from "next";
import { findSeries } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { emptyRequest } from "@/lib/validations/request";
import { toFormValues } from "@/lib/validations/form-values";
import { RequestForm } from "../request-form";

export const metadata: Metadata = { title: "New exception request" };

export default async function NewRequestPage() {
  const user = await requireUserPage("/requests/new");
  if (!user.roles.includes("MAINTAINER")) {
    return <p className="notice error">You need the maintainer role to file exception requests.</p>;
  }
  const series = (await findSeries()).filter((s) => s.supported);
  return (
    <>
      <h1>New exception request</h1>
      <p className="lede">
        For a package whose default installation listens on the network or advertises itself. Both the Technical Board and the security team must sign it off before it is in the registry.
      </p>
      <RequestForm initial={toFormValues(emptyRequest())} series={series} />
    </>
  );
}
