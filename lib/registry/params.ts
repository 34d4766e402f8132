// Query parameters of the public registry (page and JSON API share them).
// Bad values fall back to defaults for the page; the API reports them (422).
import { z } from "zod";
import { FLAVORS, PROTOCOLS } from "../validations/request";

export const SORTS = ["package", "approved", "number"] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

const upper = (v: unknown) => (typeof v === "string" && v !== "" ? v.toUpperCase() : undefined);
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const REGISTRY_STATUSES = ["approved", "revoked", "all"] as const;

export const ZRegistryQuery = z.object({
  /** approved (default): in force; revoked: withdrawn approvals; all: both. */
  status: z.preprocess(
    (v) => (typeof v === "string" && v !== "" ? v.toLowerCase() : undefined),
    z.enum(REGISTRY_STATUSES, { error: "status: approved, revoked or all." }).default("approved"),
  ),
  q: z.preprocess(
    blank,
    z.string().trim().max(100, { error: "q: at most 100 characters." }).refine((s) => !s.includes("\u0000"), { error: "q: no NUL characters." }).optional(),
  ),
  series: z.preprocess(blank, z.string().regex(/^[a-z]{3,20}$/, { error: "series: a series codename such as noble." }).optional()),
  flavor: z.preprocess(upper, z.enum(FLAVORS, { error: "flavor: desktop, server or cloud." }).optional()),
  protocol: z.preprocess(upper, z.enum(PROTOCOLS, { error: "protocol: tcp, udp or sctp." }).optional()),
  port: z.preprocess(blank, z.coerce.number({ error: "port: a number from 1 to 65535." }).int().min(1, { error: "port: a number from 1 to 65535." }).max(65535, { error: "port: a number from 1 to 65535." }).optional()),
  sort: z.preprocess(blank, z.enum(SORTS, { error: `sort: one of ${SORTS.join(", ")}.` }).default("package")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"], { error: "dir: asc or desc." }).default("asc")),
  page: z.preprocess(blank, z.coerce.number({ error: "page: a page number." }).int().min(1, { error: "page: from 1." }).max(10_000).default(1)),
  pageSize: z.preprocess(
    blank,
    z.coerce
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: `pageSize: one of ${PAGE_SIZES.join(", ")}.` })
      .default(25),
  ),
});

export type RegistryQuery = z.output<typeof ZRegistryQuery>;

function entries(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const it = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [k, v] of it) if (typeof v === "string") out[k] = v;
  return out;
}

/** Strict: every bad parameter is reported (for the JSON API). */
export function parseRegistryQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  return ZRegistryQuery.safeParse(entries(params));
}

/** Lenient: a bad parameter is dropped, the rest kept (for the page, where URLs get hand-edited). */
export function registryQueryOrDefaults(params: URLSearchParams | Record<string, string | string[] | undefined>): RegistryQuery {
  const raw = entries(params);
  const first = ZRegistryQuery.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  return ZRegistryQuery.parse(raw);
}

/** The query as URL parameters, leaving out defaults, for links. */
export function registryQueryString(q: Partial<RegistryQuery>): string {
  const p = new URLSearchParams();
  if (q.status && q.status !== "approved") p.set("status", q.status);
  if (q.q) p.set("q", q.q);
  if (q.series) p.set("series", q.series);
  if (q.flavor) p.set("flavor", q.flavor.toLowerCase());
  if (q.protocol) p.set("protocol", q.protocol.toLowerCase());
  if (q.port) p.set("port", String(q.port));
  if (q.sort && q.sort !== "package") p.set("sort", q.sort);
  if (q.dir && q.dir !== "asc") p.set("dir", q.dir);
  if (q.page && q.page > 1) p.set("page", String(q.page));
  if (q.pageSize && q.pageSize !== 25) p.set("pageSize", String(q.pageSize));
  const s = p.toString();
  return s ? `?${s}` : "";
}
