import type { Metadata } from "next";
import { findSeries } from "@/lib/requests/queries";
import { CheckForm } from "./check-form";

export const metadata: Metadata = { title: "Check a machine" };

export default async function CheckPage() {
  const series = (await findSeries()).filter((s) => s.supported);
  return (
    <>
      <h1>Check a machine</h1>
      <p className="lede">
        Paste what <code>sudo ss -utlnp</code> prints on a default installation and pick its series and flavor: every listener that is not on loopback is matched, by protocol, port and process, against the approved exceptions. Machines can POST the same to <code>/api/check</code>.
      </p>
      <CheckForm series={series} />
    </>
  );
}
