import type { Metadata } from "next";
import Link from "next/link";
import { findRegistry } from "@/lib/registry/find-registry";
import { registryQueryOrDefaults, registryQueryString } from "@/lib/registry/params";
import { findSeries } from "@/lib/requests/queries";
import { RegistryTable } from "./registry-table";

export const metadata: Metadata = { title: "Registry of approved exceptions" };

export default async function RegistryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = registryQueryOrDefaults(await searchParams);
  const [result, allSeries] = await Promise.all([findRegistry(q), findSeries()]);
  const series = allSeries.filter((s) => s.supported || s.codename === q.series);
  const json = `/api/registry${registryQueryString({ ...q, page: q.page })}`;
  return (
    <>
      <h1>{q.status === "revoked" ? "Revoked exceptions" : "Approved exceptions"}</h1>
      <p className="lede">
        Network services a default installation may run, each approved by the Technical Board and the security team. Machines can read the same list as JSON:{" "}
        <a href={json}>
          <code>{json}</code>
        </a>
        .
      </p>
      <form className="filters" method="get" action="/registry" role="search" key={registryQueryString(q)}>
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={q.q ?? ""} placeholder="Package, process or service type" />
        </div>
        <div className="field">
          <label htmlFor="series">Series</label>
          <select id="series" name="series" defaultValue={q.series ?? ""}>
            <option value="">Any</option>
            {series.map((s) => (
              <option key={s.codename} value={s.codename}>
                {s.codename} ({s.version})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="flavor">Flavor</label>
          <select id="flavor" name="flavor" defaultValue={q.flavor?.toLowerCase() ?? ""}>
            <option value="">Any</option>
            <option value="desktop">Desktop</option>
            <option value="server">Server</option>
            <option value="cloud">Cloud</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="protocol">Protocol</label>
          <select id="protocol" name="protocol" defaultValue={q.protocol?.toLowerCase() ?? ""}>
            <option value="">Any</option>
            <option value="tcp">tcp</option>
            <option value="udp">udp</option>
            <option value="sctp">sctp</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={q.status}>
            <option value="approved">In force</option>
            <option value="revoked">Revoked</option>
            <option value="all">Both</option>
          </select>
        </div>
        <div className="field" style={{ width: "7rem" }}>
          <label htmlFor="port">Port</label>
          <input id="port" name="port" type="number" min={1} max={65535} defaultValue={q.port ?? ""} />
        </div>
        {q.sort !== "package" && <input type="hidden" name="sort" value={q.sort} />}
        {q.dir !== "asc" && <input type="hidden" name="dir" value={q.dir} />}
        {q.pageSize !== 25 && <input type="hidden" name="pageSize" value={q.pageSize} />}
        <button type="submit" className="primary">
          Filter
        </button>
        <Link href="/registry" className="btn">
          Clear
        </Link>
      </form>
      <RegistryTable rows={result.rows} total={result.total} pageCount={result.pageCount} sort={q.sort} dir={q.dir} page={q.page} pageSize={q.pageSize} />
    </>
  );
}
