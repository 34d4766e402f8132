// Between the stored request (Prisma rows) and the request schema (lib/validations).
import type { Prisma } from "../generated/prisma/client";
import type { TRequest, TRequestInput } from "../validations/request";

/** The relations a full request is loaded with. */
export const REQUEST_CONTENT = {
  series: { select: { codename: true }, orderBy: { version: "asc" } },
  sockets: { orderBy: { position: "asc" } },
  adverts: { orderBy: { position: "asc" } },
  exposedData: { orderBy: { position: "asc" } },
} as const satisfies Prisma.ExceptionRequestInclude;

export type RequestRow = Prisma.ExceptionRequestGetPayload<{ include: typeof REQUEST_CONTENT }>;

/** The request's content as the schema's output (what a revision snapshot stores). */
export function rowToRequest(r: RequestRow): TRequest {
  return {
    packageName: r.packageName,
    packageVersion: r.packageVersion,
    series: r.series.map((s) => s.codename),
    flavors: r.flavors,
    justification: r.justification,
    sockets: r.sockets.map((s) => ({
      protocol: s.protocol,
      port: s.port,
      ephemeral: s.port === null,
      bindAddress: s.bindAddress,
      process: s.process,
      purpose: s.purpose,
    })),
    adverts: r.adverts.map((a) => ({ mechanism: a.mechanism, serviceType: a.serviceType, reveals: a.reveals })),
    exposedData: r.exposedData.map((d) => ({ item: d.item, level: d.level, optIn: d.optIn })),
    runAsUser: r.runAsUser,
    isSystemUser: r.isSystemUser,
    groups: r.groups,
    capabilities: r.capabilities as TRequest["capabilities"],
    apparmorMode: r.apparmorMode,
    apparmorProfile: r.apparmorProfile,
    systemdSandboxing: r.systemdSandboxing,
    confinementNotes: r.confinementNotes,
    complexity: r.complexity,
    codeQuality: r.codeQuality,
    securityContact: r.securityContact,
    cveHistory: r.cveHistory,
    qualityNotes: r.qualityNotes,
    discoversServices: r.discoversServices,
    separatesLocalRemote: r.separatesLocalRemote,
    contactsOnlyOnRequest: r.contactsOnlyOnRequest,
    discoveryOffSwitch: r.discoveryOffSwitch,
    justifications: (r.findingJustifications ?? {}) as Record<string, string>,
  };
}

/** The stored request as the form edits it (ports as text). */
export function requestToFormInput(r: TRequest): TRequestInput {
  return {
    ...r,
    sockets: r.sockets.map((s) => ({ ...s, port: s.port === null ? "" : String(s.port) })),
  };
}

/** Columns and child rows to write for a validated request. */
export function requestWriteData(r: TRequest) {
  const scalars = {
    packageName: r.packageName,
    packageVersion: r.packageVersion,
    flavors: r.flavors,
    justification: r.justification,
    runAsUser: r.runAsUser,
    isSystemUser: r.isSystemUser,
    groups: r.groups,
    capabilities: r.capabilities,
    apparmorMode: r.apparmorMode,
    apparmorProfile: r.apparmorProfile,
    systemdSandboxing: r.systemdSandboxing,
    confinementNotes: r.confinementNotes,
    complexity: r.complexity,
    codeQuality: r.codeQuality,
    securityContact: r.securityContact,
    cveHistory: r.cveHistory,
    qualityNotes: r.qualityNotes,
    discoversServices: r.discoversServices,
    separatesLocalRemote: r.discoversServices ? r.separatesLocalRemote : null,
    contactsOnlyOnRequest: r.discoversServices ? r.contactsOnlyOnRequest : null,
    discoveryOffSwitch: r.discoversServices ? r.discoveryOffSwitch : "",
    findingJustifications: r.justifications,
  } satisfies Prisma.ExceptionRequestUncheckedUpdateInput;
  const children = {
    sockets: r.sockets.map((s, position) => ({
      position,
      protocol: s.protocol,
      port: s.ephemeral ? null : s.port,
      bindAddress: s.bindAddress,
      process: s.process,
      purpose: s.purpose,
    })),
    adverts: r.adverts.map((a, position) => ({ position, ...a })),
    exposedData: r.exposedData.map((d, position) => ({ position, ...d })),
  };
  return { scalars, children, series: r.series.map((codename) => ({ codename })) };
}

/** Top-level fields whose content differs between two versions of a request. */
export function changedFields(before: TRequest, after: TRequest): string[] {
  const norm = (r: TRequest, k: keyof TRequest) =>
    JSON.stringify(k === "series" || k === "flavors" ? [...(r[k] as string[])].sort() : r[k]);
  return (Object.keys(after) as (keyof TRequest)[]).filter((k) => norm(before, k) !== norm(after, k));
}
