"use client";
// The public registry table. Sorting and paging are server-side: the table runs
// in manual mode and every change becomes a new URL, which the server renders.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import type { RegistryRow } from "@/lib/registry/find-registry";
import { PAGE_SIZES } from "@/lib/registry/params";

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const col = createColumnHelper<typeof features, RegistryRow>();

const FLAVOR: Record<string, string> = { DESKTOP: "Desktop", SERVER: "Server", CLOUD: "Cloud" };

const columns = col.columns([
  col.accessor("number", {
    id: "number",
    header: "Exception",
    cell: (c) => <Link href={`/registry/${c.getValue()}`}>NOP-{c.getValue()}</Link>,
  }),
  col.accessor("packageName", {
    id: "package",
    header: "Package",
    cell: (c) => (
      <>
        <Link href={`/registry/${c.row.original.number}`}>
          <strong>{c.getValue()}</strong>
        </Link>{" "}
        <span className="hint">{c.row.original.packageVersion}</span>
        {c.row.original.status === "revoked" && (
          <>
            {" "}
            <span className="badge REVOKED">revoked</span>
          </>
        )}
      </>
    ),
  }),
  col.accessor("series", { id: "series", header: "Series", enableSorting: false, cell: (c) => c.getValue().join(", ") }),
  col.accessor("flavors", { id: "flavors", header: "Flavors", enableSorting: false, cell: (c) => c.getValue().map((f) => FLAVOR[f] ?? f).join(", ") }),
  col.accessor("sockets", {
    id: "sockets",
    header: "Listens on",
    enableSorting: false,
    cell: (c) =>
      c.getValue().length ? (
        c.getValue().map((s, i) => (
          <code key={i} className="chip" title={s.process}>
            {s.protocol.toLowerCase()}/{s.port ?? "ephemeral"} {s.bindAddress}
          </code>
        ))
      ) : (
        <span className="hint">—</span>
      ),
  }),
  col.accessor("adverts", {
    id: "adverts",
    header: "Advertises",
    enableSorting: false,
    cell: (c) =>
      c.getValue().length ? c.getValue().map((a, i) => <code key={i} className="chip">{a.serviceType}</code>) : <span className="hint">—</span>,
  }),
  col.accessor("runAsUser", { id: "runAs", header: "Runs as", enableSorting: false, cell: (c) => <code>{c.getValue()}</code> }),
  col.accessor("approvedAt", {
    id: "approved",
    header: "Approved",
    cell: (c) => (c.getValue() ? new Date(c.getValue()!).toISOString().slice(0, 10) : "—"),
  }),
]);

export function RegistryTable({
  rows,
  total,
  pageCount,
  sort,
  dir,
  page,
  pageSize,
}: {
  rows: RegistryRow[];
  total: number;
  pageCount: number;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const navigate = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };

  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  const resolve = <T,>(u: Updater<T>, old: T): T => (typeof u === "function" ? (u as (o: T) => T)(old) : u);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => String(r.number),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    rowCount: total,
    state: { sorting, pagination },
    onSortingChange: (u) => {
      const [s] = resolve(u, sorting);
      navigate({ sort: s?.id ?? "package", dir: s?.desc ? "desc" : "asc", page: undefined });
    },
    onPaginationChange: (u) => {
      const p = resolve(u, pagination);
      navigate({ page: p.pageIndex > 0 ? String(p.pageIndex + 1) : undefined, pageSize: p.pageSize === 25 ? undefined : String(p.pageSize) });
    },
  });

  return (
    <>
      <div className="table-wrap">
      <table className="data" aria-label="Approved exceptions">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} title="Sort">
                        <table.FlexRender header={header} /> {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {rows.length === 0 && total === 0 && <p className="empty">No approved exception matches these filters.</p>}
      <div className="pager">
        <span>
          {total === 0
            ? "No results"
            : rows.length === 0
              ? `Page ${page} is past the end: ${total} result${total === 1 ? "" : "s"} on ${pageCount} page${pageCount === 1 ? "" : "s"}`
              : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total} · page ${page} of ${pageCount}`}
        </span>
        <span className="actions">
          <label className="check">
            Rows per page
            <select value={pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))} aria-label="Rows per page">
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            Previous
          </button>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next
          </button>
        </span>
      </div>
    </>
  );
}
