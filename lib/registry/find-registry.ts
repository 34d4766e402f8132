// Read model of the public registry: approved exceptions only, filtered, sorted
// and paged in the database (the browser never receives more than one page).
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { RegistryQuery } from "./params";

const STATUS_FILTER = {
  approved: ["APPROVED"],
  revoked: ["REVOKED"],
  all: ["APPROVED", "REVOKED"],
} as const;

function where(q: RegistryQuery): Prisma.ExceptionRequestWhereInput {
  const and: Prisma.ExceptionRequestWhereInput[] = [{ status: { in: [...STATUS_FILTER[q.status]] } }];
  if (q.q) {
    // LIKE wildcards in the search are literal characters.
    const term = { contains: q.q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" as const };
    and.push({
      OR: [
        { packageName: term },
        { justification: term },
        { sockets: { some: { process: term } } },
        { adverts: { some: { serviceType: term } } },
      ],
    });
  }
  if (q.series) and.push({ series: { some: { codename: q.series } } });
  if (q.flavor) and.push({ flavors: { has: q.flavor } });
  if (q.protocol || q.port) {
    and.push({ sockets: { some: { ...(q.protocol ? { protocol: q.protocol } : {}), ...(q.port ? { port: q.port } : {}) } } });
  }
  return { AND: and };
}

function orderBy(q: RegistryQuery): Prisma.ExceptionRequestOrderByWithRelationInput[] {
  const dir = q.dir;
  switch (q.sort) {
    case "approved":
      return [{ decidedAt: dir }, { number: "asc" }];
    case "number":
      return [{ number: dir }];
    default:
      return [{ packageName: dir }, { number: "asc" }];
  }
}

const ROW_SELECT = {
  number: true,
  status: true,
  revokedAt: true,
  packageName: true,
  packageVersion: true,
  flavors: true,
  runAsUser: true,
  decidedAt: true,
  revision: true,
  series: { select: { codename: true }, orderBy: { version: "asc" } },
  sockets: { select: { protocol: true, port: true, bindAddress: true, process: true }, orderBy: { position: "asc" } },
  adverts: { select: { mechanism: true, serviceType: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.ExceptionRequestSelect;

export interface RegistryRow {
  id: string;
  number: number;
  status: "approved" | "revoked";
  revokedAt: string | null;
  packageName: string;
  packageVersion: string;
  series: string[];
  flavors: string[];
  sockets: { protocol: string; port: number | null; bindAddress: string; process: string }[];
  adverts: { mechanism: string; serviceType: string }[];
  runAsUser: string;
  approvedAt: string | null;
  revision: number;
}

export async function findRegistry(q: RegistryQuery): Promise<{ rows: RegistryRow[]; total: number; pageCount: number }> {
  const w = where(q);
  const [total, rows] = await Promise.all([
    db.exceptionRequest.count({ where: w }),
    db.exceptionRequest.findMany({ where: w, orderBy: orderBy(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: ROW_SELECT }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
    rows: rows.map((r) => ({
      id: `NOP-${r.number}`,
      number: r.number,
      status: r.status === "REVOKED" ? "revoked" : "approved",
      revokedAt: r.revokedAt?.toISOString() ?? null,
      packageName: r.packageName,
      packageVersion: r.packageVersion,
      series: r.series.map((s) => s.codename),
      flavors: r.flavors,
      sockets: r.sockets,
      adverts: r.adverts,
      runAsUser: r.runAsUser,
      approvedAt: r.decidedAt?.toISOString() ?? null,
      revision: r.revision,
    })),
  };
}

/** One public exception with its sign-off chain; approved or revoked ones only. */
export async function findPublicException(number: number) {
  const row = await db.exceptionRequest.findFirst({
    where: { number, status: { in: ["APPROVED", "REVOKED"] } },
    include: {
      series: { select: { codename: true, version: true, name: true }, orderBy: { version: "asc" } },
      sockets: { orderBy: { position: "asc" } },
      adverts: { orderBy: { position: "asc" } },
      exposedData: { orderBy: { position: "asc" } },
      submitter: { select: { name: true } },
      signoffs: { include: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      audit: {
        where: { type: { in: ["REQUEST_SUBMITTED", "REQUEST_REVISED", "REQUEST_APPROVED", "REQUEST_REVOKED", "INFO_REQUESTED", "REQUEST_RESUBMITTED"] } },
        orderBy: { id: "asc" },
        select: { type: true, at: true, actorName: true, actorRole: true, revision: true, payload: true },
      },
    },
  });
  return row;
}

export type PublicException = NonNullable<Awaited<ReturnType<typeof findPublicException>>>;

/** The machine-readable form of a public exception (JSON API). */
export function publicExceptionJson(r: PublicException) {
  const chain = r.signoffs
    .filter((s) => s.revision === r.revision)
    .map((s) => ({
      body: s.body.toLowerCase(),
      decision: s.decision.toLowerCase(),
      by: s.user.name,
      at: s.createdAt.toISOString(),
      revision: s.revision,
      comment: s.comment || null,
    }));
  return {
    id: `NOP-${r.number}`,
    status: r.status.toLowerCase(),
    package: { name: r.packageName, version: r.packageVersion },
    series: r.series.map((s) => s.codename),
    flavors: r.flavors.map((f) => f.toLowerCase()),
    revision: r.revision,
    approvedAt: r.decidedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    justification: r.justification,
    sockets: r.sockets.map((s) => ({ protocol: s.protocol.toLowerCase(), port: s.port, ephemeral: s.port === null, bindAddress: s.bindAddress, process: s.process, purpose: s.purpose })),
    advertisedServices: r.adverts.map((a) => ({ mechanism: a.mechanism.toLowerCase(), serviceType: a.serviceType, reveals: a.reveals })),
    exposedData: r.exposedData.map((d) => ({ item: d.item, level: d.level.toLowerCase(), optIn: d.optIn || null })),
    confinement: {
      runAsUser: r.runAsUser,
      isSystemUser: r.isSystemUser,
      groups: r.groups,
      capabilities: r.capabilities,
      apparmor: { mode: r.apparmorMode.toLowerCase(), profile: r.apparmorProfile || null },
      systemdSandboxing: r.systemdSandboxing,
    },
    discovery: r.discoversServices
      ? {
          separatesLocalRemote: r.separatesLocalRemote === "YES",
          contactsOnlyOnRequest: r.contactsOnlyOnRequest === "YES",
          offSwitch: r.discoveryOffSwitch || null,
        }
      : null,
    signoffs: chain,
  };
}
