// "Package or distribution upgrades must not expose any information that was
// not previously exposed." Compares what a request exposes with what an
// earlier, approved request exposed.
import { isWildcardBind } from "../validations/net";
import {
  type Finding,
  type NormalizedPolicyInput,
  type PolicyInput,
  PRIVILEGED_CAPABILITIES,
  PRIVILEGED_GROUPS,
  ROOT_EQUIVALENT_CAPABILITIES,
  ROOT_EQUIVALENT_GROUPS,
  RULES,
  type Severity,
  dataKey,
  isLoopbackBind,
  isRootUser,
  normalizePolicyInput,
  runChecks,
  sandboxingDirectives,
} from "./checks";

export type BindScope = "loopback" | "specific" | "wildcard";

export interface NewSocket {
  /** Index in the next request's sockets. */
  index: number;
  protocol: string;
  port: number | null;
  ephemeral: boolean;
  scope: BindScope;
  /** e.g. "UDP port 5353 on every interface". */
  description: string;
}
export interface NewAdvert {
  index: number;
  mechanism: string;
  serviceType: string;
}
export interface NewData {
  index: number;
  item: string;
  level: string;
  /** Set when the item was exposed before at a lower level (MACHINE → APPLICATION). */
  previousLevel: string | null;
}
export interface UpgradeDiff {
  newSockets: NewSocket[];
  newAdverts: NewAdvert[];
  newData: NewData[];
  /** Human sentences, e.g. "The process now runs as “root” (previously “avahi”)." */
  weakerConfinement: string[];
}

const q = (v: string) => `“${v}”`;
const squash = (v: string) => v.toLowerCase().replace(/\s+/g, " ").trim();

export function bindScope(bindAddress: string): BindScope {
  return isLoopbackBind(bindAddress) ? "loopback" : isWildcardBind(bindAddress) ? "wildcard" : "specific";
}

const SCOPE_TEXT: Record<BindScope, string> = { loopback: "on loopback", specific: "on a specific address", wildcard: "on every interface" };

/** Sockets, compared as a multiset: a second listener with the same key is new too (e.g. an added IPv6 twin). */
function newSockets(prev: NormalizedPolicyInput, next: NormalizedPolicyInput): NewSocket[] {
  const keyOf = (x: NormalizedPolicyInput["sockets"][number]) =>
    `${x.protocol} ${x.ephemeral ? "ephemeral" : (x.port ?? "?")} ${bindScope(x.bindAddress)}`;
  const remaining = new Map<string, number>();
  for (const x of prev.sockets) remaining.set(keyOf(x), (remaining.get(keyOf(x)) ?? 0) + 1);
  return next.sockets.flatMap((x, index) => {
    if (!x.protocol && x.port === null && !x.ephemeral) return []; // a blank row on the form
    const key = keyOf(x);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      return [];
    }
    const scope = bindScope(x.bindAddress);
    const port = x.ephemeral ? "ephemeral port" : `port ${x.port ?? "?"}`;
    const where = `${x.bindAddress || "?"} (${SCOPE_TEXT[scope].replace(/^on /, "")})`;
    return [{ index, protocol: x.protocol, port: x.port, ephemeral: x.ephemeral, scope, description: `${(x.protocol || "?").toLowerCase()} ${port} on ${where}` }];
  });
}

function newAdverts(prev: NormalizedPolicyInput, next: NormalizedPolicyInput): NewAdvert[] {
  const keyOf = (a: { mechanism: string; serviceType: string }) => `${a.mechanism} ${squash(a.serviceType)}`;
  const before = new Set(prev.adverts.map(keyOf));
  return next.adverts.flatMap((a, index) =>
    a.serviceType && !before.has(keyOf(a)) ? [{ index, mechanism: a.mechanism, serviceType: a.serviceType }] : [],
  );
}

const RANK: Record<string, number> = { APPLICATION: 1 };
const rank = (level: string) => RANK[level] ?? 0;

function newData(prev: NormalizedPolicyInput, next: NormalizedPolicyInput): NewData[] {
  const before = new Map<string, string>();
  for (const d of prev.exposedData) {
    const k = squash(d.item);
    const seen = before.get(k);
    if (seen === undefined || rank(d.level) > rank(seen)) before.set(k, d.level);
  }
  return next.exposedData.flatMap((d, index) => {
    if (!d.item) return [];
    const seen = before.get(squash(d.item));
    if (seen !== undefined && rank(d.level) <= rank(seen)) return [];
    return [{ index, item: d.item, level: d.level, previousLevel: seen ?? null }];
  });
}

interface ConfinementChange {
  key: string;
  fields: string[];
  sentence: string;
}

const isSystem = (r: NormalizedPolicyInput) => r.isSystemUser || sandboxingDirectives(r.systemdSandboxing).includes("DynamicUser=yes");

function confinementChanges(prev: NormalizedPolicyInput, next: NormalizedPolicyInput): ConfinementChange[] {
  const out: ConfinementChange[] = [];
  const was = prev.runAsUser;
  const now = next.runAsUser;
  if (was && !isRootUser(was) && isRootUser(now)) {
    out.push({ key: "root-user", fields: ["runAsUser"], sentence: `The process now runs as ${q(now)} (previously ${q(was)}).` });
  }
  if (was && !isRootUser(was) && isSystem(prev) && now && !isRootUser(now) && !isSystem(next)) {
    out.push({ key: "non-system-user", fields: ["runAsUser"], sentence: `The process now runs as ${q(now)}, which is not a system user (previously system user ${q(was)}).` });
  }
  const added = (table: Readonly<Record<string, string>>, a: string[], b: string[]) => b.filter((v) => Object.hasOwn(table, v) && !a.includes(v));
  for (const g of added(ROOT_EQUIVALENT_GROUPS, prev.groups, next.groups)) {
    out.push({ key: `group.${g}`, fields: ["groups"], sentence: `New root-equivalent group ${q(g)}: ${ROOT_EQUIVALENT_GROUPS[g]}.` });
  }
  for (const g of added(PRIVILEGED_GROUPS, prev.groups, next.groups)) {
    out.push({ key: `group.${g}`, fields: ["groups"], sentence: `New privileged group ${q(g)}: ${PRIVILEGED_GROUPS[g]}.` });
  }
  for (const c of added(ROOT_EQUIVALENT_CAPABILITIES, prev.capabilities, next.capabilities)) {
    out.push({ key: `capability.${c}`, fields: ["capabilities"], sentence: `New root-equivalent capability ${c}: ${ROOT_EQUIVALENT_CAPABILITIES[c]}.` });
  }
  for (const c of added(PRIVILEGED_CAPABILITIES, prev.capabilities, next.capabilities)) {
    out.push({ key: `capability.${c}`, fields: ["capabilities"], sentence: `New privileged capability ${c}: ${PRIVILEGED_CAPABILITIES[c]}.` });
  }
  if (prev.apparmorMode === "ENFORCE" && next.apparmorMode !== "ENFORCE") {
    out.push({
      key: "apparmor",
      fields: ["apparmorMode"],
      sentence: `The AppArmor profile no longer enforces (mode ${q(next.apparmorMode.toLowerCase())}, previously “enforce”).`,
    });
  }
  const kept = sandboxingDirectives(next.systemdSandboxing);
  const dropped = sandboxingDirectives(prev.systemdSandboxing).filter((d) => !kept.includes(d));
  if (dropped.length) {
    out.push({ key: "systemd-sandboxing", fields: ["systemdSandboxing"], sentence: `systemd sandboxing directives dropped: ${dropped.join(", ")}.` });
  }
  return out;
}

export function diffExposure(previous: PolicyInput, next: PolicyInput): UpgradeDiff {
  const p = normalizePolicyInput(previous ?? {});
  const n = normalizePolicyInput(next ?? {});
  return {
    newSockets: newSockets(p, n),
    newAdverts: newAdverts(p, n),
    newData: newData(p, n),
    weakerConfinement: confinementChanges(p, n).map((c) => c.sentence),
  };
}

const ORDER: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

/** Findings for an upgrade of `previous` (an approved request, named by `label`) to `next`. */
export function upgradeFindings(previous: PolicyInput & { label: string }, next: PolicyInput): Finding[] {
  const p = normalizePolicyInput(previous ?? {});
  const n = normalizePolicyInput(next ?? {});
  const label = previous?.label?.trim() || "the previous version";
  const rule = RULES.exposure;
  const findings: Finding[] = [
    ...newData(p, n).map((d): Finding => ({
      id: `upgrade.exposedData.${dataKey(n.exposedData, d.index)}.new`,
      check: "upgrade.new-data",
      severity: "blocking",
      rule,
      message: d.previousLevel
        ? `${q(d.item)} was ${d.previousLevel.toLowerCase()}-level in ${label} and is now ${d.level.toLowerCase()}-level: upgrades must not expose any information that was not previously exposed.`
        : `${q(d.item)}${d.level ? ` (${d.level.toLowerCase()}-level)` : ""} was not exposed by ${label}: upgrades must not expose any information that was not previously exposed.`,
      fields: [d.previousLevel ? `exposedData.${d.index}.level` : `exposedData.${d.index}.item`],
    })),
    ...newSockets(p, n).map((x): Finding => ({
      id: `upgrade.sockets.${x.index}.new`,
      check: "upgrade.new-socket",
      severity: "warning",
      rule,
      message: `New listener (socket ${x.index + 1}): ${x.description}, not open in ${label}. It reveals a new network-facing service; say why the upgrade needs it.`,
      fields: [`sockets.${x.index}.port`, `sockets.${x.index}.bindAddress`],
    })),
    ...newAdverts(p, n).map((a): Finding => ({
      id: `upgrade.adverts.${a.index}.new`,
      check: "upgrade.new-advert",
      severity: "warning",
      rule,
      message: `New advertisement: ${a.mechanism ? `${a.mechanism} ` : ""}${q(a.serviceType)}, not advertised by ${label}. Say what it reveals and why the upgrade needs it.`,
      fields: [`adverts.${a.index}.serviceType`],
    })),
    // Not new exposure but a weaker guard on it: the confinement rule.
    ...confinementChanges(p, n).map((c): Finding => ({
      id: `upgrade.confinement.${c.key}`,
      check: "upgrade.weaker-confinement",
      severity: "warning",
      rule: RULES.security,
      message: `Weaker confinement than ${label}: ${c.sentence}`,
      fields: c.fields,
    })),
  ];
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Every finding of a request: its own checks and, when the package has an approved exception, the upgrade's; blocking first. */
export function allFindings(input: PolicyInput, baseline?: (PolicyInput & { label: string }) | null): Finding[] {
  const order = { blocking: 0, warning: 1, info: 2 } as const;
  const upgrade = baseline ? upgradeFindings(baseline, input) : [];
  return [...runChecks(input), ...upgrade].sort((a, b) => order[a.severity] - order[b.severity]);
}
