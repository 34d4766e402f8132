// The "No Open Ports" policy as named, pure checks over an exception request.
// They run on the stored request and live on the form while the maintainer
// types, so every input field may be missing, empty or half-typed.
import type { TRequest, TRequestInput } from "../validations/request";
import { isWildcardBind, parseBindAddress } from "../validations/net";

export type Severity = "blocking" | "warning" | "info";

export interface Finding {
  /** Stable and unique per finding instance; a written justification is attached to it. */
  id: string;
  /** The check's name, e.g. "confinement.root-equivalent-group". */
  check: string;
  severity: Severity;
  /** The POLICY.md heading the finding comes from, quoted exactly. */
  rule: string;
  message: string;
  /** Form field paths, as in the zod schema's errors ("sockets.0.port"). */
  fields: string[];
}

/** The POLICY.md headings the checks cite. */
export const RULES = {
  guidelines: "Guidelines for network services exposed by default",
  exposure: "Exposing local information to the network",
  discovery: "Detecting and using remote services",
  security: "Additional security considerations",
  signOff: "Sign-off process",
  openPorts: "Identifying open ports",
} as const;
export type PolicyRule = (typeof RULES)[keyof typeof RULES];

export interface PolicySocket {
  protocol?: string;
  port?: number | null;
  ephemeral?: boolean;
  bindAddress?: string;
  process?: string;
  purpose?: string;
}
export interface PolicyAdvert {
  mechanism?: string;
  serviceType?: string;
  reveals?: string;
}
export interface PolicyData {
  item?: string;
  level?: string;
  optIn?: string;
}

/** What the checks read: a request that may be incomplete. A TRequest is one. */
export interface PolicyInput {
  flavors?: readonly string[];
  sockets?: readonly PolicySocket[];
  adverts?: readonly PolicyAdvert[];
  exposedData?: readonly PolicyData[];
  runAsUser?: string;
  isSystemUser?: boolean;
  groups?: readonly string[];
  capabilities?: readonly string[];
  apparmorMode?: string;
  apparmorProfile?: string;
  systemdSandboxing?: readonly string[];
  confinementNotes?: string;
  complexity?: string;
  codeQuality?: string;
  securityContact?: string;
  cveHistory?: string;
  qualityNotes?: string;
  discoversServices?: boolean;
  separatesLocalRemote?: string | null;
  contactsOnlyOnRequest?: string | null;
  discoveryOffSwitch?: string;
}

// Compile-time guarantee that a stored request can be checked as is.
type Assignable<T extends PolicyInput> = T;
type _StoredRequestIsPolicyInput = Assignable<TRequest>; // eslint-disable-line @typescript-eslint/no-unused-vars

// ---------------------------------------------------------------------------
// Privilege tables. Group names are Ubuntu's (base-passwd, packages' sysusers).

/** Groups whose members are root in all but name: a network process must not hold them. */
export const ROOT_EQUIVALENT_GROUPS: Readonly<Record<string, string>> = {
  root: "group root (gid 0) owns and can write many system files and directories",
  sudo: "members may run any command as root through sudo, and are polkit administrators",
  admin: "the pre-12.04 Ubuntu administrators' group, still honoured by sudoers on upgraded systems",
  wheel: "the administrators' group of su/sudo/polkit on many systems",
  disk: "it gives raw read/write access to block devices, hence to every file system",
  shadow: "it reads /etc/shadow, i.e. the password hashes of root and every user",
  kmem: "it reads /dev/mem and /dev/port, i.e. physical and kernel memory",
  staff: "Debian documents it as root-equivalent: it may write /usr/local, whose bin/ comes first in root's PATH",
  docker: "the Docker socket lets members start a container that mounts the host's / file system",
  lxd: "the LXD socket lets members start a privileged container that mounts the host's / file system",
  "incus-admin": "the Incus socket lets members start a privileged container that mounts the host's / file system",
  libvirt: "libvirtd (qemu:///system) lets members attach any host device or file to a guest",
};
// Not listed: "sys" and "bin" own nothing that matters on current Ubuntu.

/** Groups that expose other users' data or devices: acceptable only with a reason. */
export const PRIVILEGED_GROUPS: Readonly<Record<string, string>> = {
  adm: "it reads the system logs in /var/log, including auth.log",
  "systemd-journal": "it reads the whole journal, including every user's messages",
  input: "it reads all keyboard and mouse input, i.e. typed passwords",
  video: "it opens frame buffers and capture devices, i.e. screen and camera contents",
  audio: "it opens sound devices, i.e. the microphone",
  tty: "it writes to every user's terminal",
  lpadmin: "it administers CUPS printers and their queues",
};

/** Capabilities that amount to root (capabilities(7)). */
export const ROOT_EQUIVALENT_CAPABILITIES: Readonly<Record<string, string>> = {
  CAP_SYS_ADMIN: "the catch-all: mount, namespaces, device control and much more",
  CAP_SYS_MODULE: "it loads kernel modules, i.e. runs code in the kernel",
  CAP_SYS_RAWIO: "it gives raw I/O port and memory access",
  CAP_SYS_PTRACE: "it attaches to any process, including root's, and injects code",
  CAP_SYS_BOOT: "kexec_load boots a kernel of its choosing",
  CAP_SYS_TTY_CONFIG: "it remaps the console keyboard of an administrator (KDSETKEYCODE)",
  CAP_DAC_OVERRIDE: "it bypasses file permissions, e.g. to write /etc/shadow or sudoers",
  CAP_DAC_READ_SEARCH: "it reads any file, and open_by_handle_at escapes chroots and containers",
  CAP_SETUID: "it switches to uid 0",
  CAP_SETGID: "it joins any group, e.g. disk or shadow",
  CAP_CHOWN: "it takes ownership of any file, e.g. /etc/shadow",
  CAP_FOWNER: "it changes the mode of any file, e.g. makes /etc/passwd writable",
  CAP_SETFCAP: "it sets file capabilities, so any program it runs can get every capability",
  CAP_MKNOD: "it creates device nodes for the disks or memory that it then owns",
  CAP_MAC_ADMIN: "it loads and removes AppArmor profiles, including its own",
  CAP_MAC_OVERRIDE: "it overrides mandatory access control, the very confinement asked for",
  CAP_BPF: "privileged eBPF has repeatedly given kernel memory read and write",
};

/** Capabilities that are not root but reach beyond the process: worth a reviewer's look. */
export const PRIVILEGED_CAPABILITIES: Readonly<Record<string, string>> = {
  CAP_NET_ADMIN: "it reconfigures interfaces, routes and the firewall",
  CAP_NET_RAW: "packet sockets capture and forge every process's traffic",
  CAP_SETPCAP: "it moves bounding-set capabilities into its inheritable set",
  CAP_PERFMON: "it monitors every process and the kernel through perf events",
  CAP_IPC_OWNER: "it bypasses permission checks on other processes' System V IPC (shared memory)",
};

// ---------------------------------------------------------------------------
// Normalisation: one clean shape for the checks.

/** A PolicyInput with every field present, trimmed and in canonical case. */
export interface NormalizedPolicyInput {
  flavors: string[];
  sockets: Required<PolicySocket>[];
  adverts: Required<PolicyAdvert>[];
  exposedData: Required<PolicyData>[];
  runAsUser: string;
  isSystemUser: boolean;
  groups: string[];
  capabilities: string[];
  apparmorMode: string;
  apparmorProfile: string;
  systemdSandboxing: string[];
  confinementNotes: string;
  complexity: string;
  codeQuality: string;
  securityContact: string;
  cveHistory: string;
  qualityNotes: string;
  discoversServices: boolean;
  separatesLocalRemote: "YES" | "NO" | null;
  contactsOnlyOnRequest: "YES" | "NO" | null;
  discoveryOffSwitch: string;
}

const s = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const unique = (xs: string[]): string[] => [...new Set(xs.filter(Boolean))];
const answerOf = (v: unknown): "YES" | "NO" | null => {
  const a = s(v).toUpperCase();
  return a === "YES" || a === "NO" ? a : null;
};
export const normalizeCapability = (c: string): string => c.trim().toUpperCase().replace(/^(?!CAP_)/, "CAP_");
const validPort = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 65535 ? v : null);

export function normalizePolicyInput(i: PolicyInput): NormalizedPolicyInput {
  return {
    flavors: unique((i.flavors ?? []).map((f) => s(f).toUpperCase())),
    sockets: (i.sockets ?? []).map((x) => ({
      protocol: s(x?.protocol).toUpperCase(),
      port: validPort(x?.port),
      ephemeral: x?.ephemeral === true,
      bindAddress: s(x?.bindAddress),
      process: s(x?.process),
      purpose: s(x?.purpose),
    })),
    adverts: (i.adverts ?? []).map((x) => ({ mechanism: s(x?.mechanism).toUpperCase(), serviceType: s(x?.serviceType), reveals: s(x?.reveals) })),
    exposedData: (i.exposedData ?? []).map((x) => ({ item: s(x?.item), level: s(x?.level).toUpperCase(), optIn: s(x?.optIn) })),
    runAsUser: s(i.runAsUser),
    isSystemUser: i.isSystemUser === true,
    groups: unique((i.groups ?? []).map((g) => s(g).toLowerCase())),
    capabilities: unique((i.capabilities ?? []).filter((c) => s(c)).map(normalizeCapability)),
    apparmorMode: s(i.apparmorMode).toUpperCase() || "NONE",
    apparmorProfile: s(i.apparmorProfile),
    systemdSandboxing: (i.systemdSandboxing ?? []).map(s).filter(Boolean),
    confinementNotes: s(i.confinementNotes),
    complexity: s(i.complexity),
    codeQuality: s(i.codeQuality),
    securityContact: s(i.securityContact),
    cveHistory: s(i.cveHistory),
    qualityNotes: s(i.qualityNotes),
    discoversServices: i.discoversServices === true,
    separatesLocalRemote: answerOf(i.separatesLocalRemote),
    contactsOnlyOnRequest: answerOf(i.contactsOnlyOnRequest),
    discoveryOffSwitch: s(i.discoveryOffSwitch),
  };
}

/** Raw form input (ports as strings, lists as "a, b c" strings) → PolicyInput. Never throws. */
export function policyInputFromForm(input: Partial<TRequestInput> | null | undefined): PolicyInput {
  const r: Record<string, unknown> = input && typeof input === "object" ? input : {};
  const records = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? (x as Record<string, unknown>) : {})) : [];
  const strings = (v: unknown, split: RegExp): string[] =>
    (typeof v === "string" ? v.split(split) : Array.isArray(v) ? v : []).map(s).filter(Boolean);
  const port = (v: unknown): number | null => validPort(typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v);
  return {
    flavors: strings(r.flavors, /[\s,]+/),
    sockets: records(r.sockets).map((x) => ({
      protocol: s(x.protocol),
      port: port(x.port),
      ephemeral: x.ephemeral === true,
      bindAddress: s(x.bindAddress),
      process: s(x.process),
      purpose: s(x.purpose),
    })),
    adverts: records(r.adverts).map((x) => ({ mechanism: s(x.mechanism), serviceType: s(x.serviceType), reveals: s(x.reveals) })),
    exposedData: records(r.exposedData).map((x) => ({ item: s(x.item), level: s(x.level), optIn: s(x.optIn) })),
    runAsUser: s(r.runAsUser),
    isSystemUser: r.isSystemUser === true,
    groups: strings(r.groups, /[\s,]+/),
    capabilities: strings(r.capabilities, /[\s,]+/).map(normalizeCapability),
    apparmorMode: s(r.apparmorMode),
    apparmorProfile: s(r.apparmorProfile),
    systemdSandboxing: strings(r.systemdSandboxing, /\r?\n/),
    confinementNotes: s(r.confinementNotes),
    complexity: s(r.complexity),
    codeQuality: s(r.codeQuality),
    securityContact: s(r.securityContact),
    cveHistory: s(r.cveHistory),
    qualityNotes: s(r.qualityNotes),
    discoversServices: r.discoversServices === true,
    separatesLocalRemote: answerOf(r.separatesLocalRemote),
    contactsOnlyOnRequest: answerOf(r.contactsOnlyOnRequest),
    discoveryOffSwitch: s(r.discoveryOffSwitch),
  };
}

// ---------------------------------------------------------------------------
// Shared helpers (also used by upgrade.ts).

/** "root", or a numeric uid 0 typed as "0" / "uid 0". */
export const isRootUser = (user: string | undefined): boolean => /^(root|(uid\s*=?\s*)?0+)$/i.test(s(user));

/** Directives that restrict the service (systemd.exec(5) sandboxing); "=no"/"=false" restricts nothing. */
const SANDBOXING_DIRECTIVE =
  /^(Protect\w+|Private\w+|NoNewPrivileges|Restrict\w+|SystemCallFilter|SystemCallArchitectures|CapabilityBoundingSet|AmbientCapabilities|DynamicUser|ReadOnlyPaths|ReadWritePaths|InaccessiblePaths|TemporaryFileSystem|MemoryDenyWriteExecute|LockPersonality|RemoveIPC|IPAddressDeny|IPAddressAllow|DevicePolicy|DeviceAllow|RootDirectory|RootImage|UMask)=/;
export function sandboxingDirectives(lines: readonly string[] | undefined): string[] {
  return unique(
    (lines ?? [])
      .map((l) => s(l).replace(/\s*=\s*/, "="))
      .filter((l) => SANDBOXING_DIRECTIVE.test(l) && !/=(no|false|0|off)$/i.test(l)),
  );
}

/** Loopback addresses: `ss -utln | grep -vE '127\.0\.0|\[::1\]'` does not count them as open ports. */
export function isLoopbackBind(bindAddress: string): boolean {
  const a = parseBindAddress(bindAddress)?.address;
  return !!a && (a.startsWith("127.") || a === "::1");
}

/**
 * A purpose that says the socket only serves this machine. Deliberately narrow
 * ("local network" or "local router" are not local-only), since it only warns.
 */
const LOCAL_ONLY_HINTS: RegExp[] = [
  /\blocal[- ]only\b/i,
  /\blocalhost\b/i,
  /\bloopback\b/i,
  /\b127\.0\.0\.1\b/,
  /(^|[\s(\[])::1\b/,
  /\b(on|from|within|to) (this|the same) (machine|host|computer|system)\b/i,
  /\blocal (clients?|users?|processes|programs?|applications?|apps|tools)\b/i,
  /\bIPC\b/,
  /\binter-?process\b/i,
];
export const soundsLocalOnly = (purpose: string): boolean => LOCAL_ONLY_HINTS.some((re) => re.test(purpose));

/** systemd opens the socket as root and passes it on (ssh.socket, avahi-daemon.socket). */
const SOCKET_ACTIVATED = /\.socket\b|socket[- ]activat/i;
/** The notes say the process binds as root, then gives root up. */
const DROPS_ROOT = /\bdrops? (root|privileges)\b|\bprivilege[- ]separat|\bstarts? as root\b/i;

const CVE_ID = /\bCVE-\d{4}-\d{4,}\b/gi;
const CVE_HANDLED = /\b(fix(es|ed)?|patch(es|ed)?|USN-\d|DSA-\d|backport(s|ed)?|updates?|updated|released|resolved|mitigated|addressed)\b/i;

const quote = (v: string) => `“${v}”`;

// ---------------------------------------------------------------------------
// The checks.

export interface PolicyCheck {
  name: string;
  rule: PolicyRule;
  description: string;
  run(input: PolicyInput): Finding[];
}

type Draft = Omit<Finding, "check" | "rule">;

function check(name: string, rule: PolicyRule, description: string, find: (r: NormalizedPolicyInput) => Draft[]): PolicyCheck {
  return { name, rule, description, run: (input) => find(normalizePolicyInput(input ?? {})).map((d) => ({ ...d, check: name, rule })) };
}

/** Findings for the named entries of a privilege table (groups or capabilities). */
function fromTable(
  name: string,
  severity: Severity,
  field: "groups" | "capabilities",
  table: Readonly<Record<string, string>>,
  what: (v: string) => string,
) {
  return (r: NormalizedPolicyInput): Draft[] =>
    r[field]
      .filter((v) => Object.hasOwn(table, v))
      .map((v) => ({ id: `${name}.${v}`, severity, message: `${what(v)}: ${table[v]}.`, fields: [field] }));
}

/**
 * The id part naming an exposed-data item by its text, not its row: a written
 * justification must stay with the item it was written for when rows move.
 * Items with the same text are told apart by their row.
 */
export function dataKey(items: readonly { item?: string }[], i: number): string {
  const slug = (t: string | undefined) =>
    (t ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || `item-${i + 1}`;
  const key = slug(items[i]?.item);
  return items.some((d, j) => j !== i && slug(d.item) === key) ? `${key}-${i + 1}` : key;
}

export const CHECKS: ReadonlyArray<PolicyCheck> = [
  // Exposing local information to the network
  check(
    "exposure.application-data-opt-in",
    RULES.exposure,
    "Application-level data goes on the network only when the user explicitly asks for it through a clear interface.",
    (r) =>
      r.exposedData.flatMap((d, i) =>
        d.level === "APPLICATION" && !d.optIn
          ? [{
              id: `exposedData.${dataKey(r.exposedData, i)}.no-opt-in`,
              severity: "blocking",
              message: `${quote(d.item || `Item ${i + 1}`)} is application-level data, but no explicit user opt-in is stated: a default installation must not expose it unless the user asks for it through a clear and understandable interface.`,
              fields: [`exposedData.${i}.optIn`],
            }]
          : [],
      ),
  ),

  // Detecting and using remote services
  check(
    "discovery.server-flavor",
    RULES.discovery,
    "The default Server installation must not detect services offered by other computers.",
    (r) =>
      r.discoversServices && r.flavors.includes("SERVER")
        ? [{
            id: "discovery.server-flavor",
            severity: "blocking",
            message: "The request covers the Server flavor and detects remote services: the default Ubuntu Server installation must not detect any services offered by other computers in the network.",
            fields: ["flavors", "discoversServices"],
          }]
        : [],
  ),
  ...(
    [
      ["separates-local-remote", "separatesLocalRemote", "keep local (or locally configured) trustworthy services clearly apart from automatically detected remote ones"],
      ["contacts-only-on-request", "contactsOnlyOnRequest", "communicate with detected services only on an explicit user request"],
    ] as const
  ).map(([suffix, field, duty]) =>
    check(`discovery.${suffix}`, RULES.discovery, `Applications that use detected services must ${duty}.`, (r): Draft[] => {
      if (!r.discoversServices || r[field] === "YES") return [];
      return r[field] === "NO"
        ? [{ id: `discovery.${suffix}`, severity: "blocking", message: `The answer is “no”, but applications that use detected services must ${duty}.`, fields: [field] }]
        : [{ id: `discovery.${suffix}.unanswered`, severity: "warning", message: `Not answered yet: does the software ${duty}?`, fields: [field] }];
    }),
  ),
  check(
    "discovery.off-switch",
    RULES.discovery,
    "Applications that use detected services must offer a discoverable way to disable them.",
    (r) =>
      r.discoversServices && !r.discoveryOffSwitch
        ? [{
            id: "discovery.off-switch",
            severity: "blocking",
            message: "No off switch is described: users need a discoverable way to disable the presentation and use of autodetected remote services.",
            fields: ["discoveryOffSwitch"],
          }]
        : [],
  ),

  // Additional security considerations: privilege confinement
  check("confinement.root-user", RULES.security, "A process that accepts network packets must not run as root.", (r) =>
    isRootUser(r.runAsUser)
      ? [{
          id: "confinement.root-user",
          severity: "blocking",
          message: `The process runs as ${quote(r.runAsUser)}: a code-execution bug in a process that accepts network packets would control the whole system. Run it under a system user ID.`,
          fields: ["runAsUser"],
        }]
      : [],
  ),
  check(
    "confinement.non-system-user",
    RULES.security,
    "A process that accepts network packets runs under a system user ID, not a login user's.",
    (r) =>
      r.runAsUser && !isRootUser(r.runAsUser) && !r.isSystemUser && !sandboxingDirectives(r.systemdSandboxing).includes("DynamicUser=yes")
        ? [{
            id: "confinement.non-system-user",
            severity: "blocking",
            message: `User ${quote(r.runAsUser)} is not a system user: a compromised process could read that user's data. Run it under a dedicated system user ID (or DynamicUser=yes).`,
            fields: ["runAsUser"],
          }]
        : [],
  ),
  check(
    "confinement.shared-user",
    RULES.security,
    "A network-facing process runs under its own system user, not one shared with other services.",
    (r) =>
      /^nobody$/i.test(s(r.runAsUser).trim())
        ? [{
            id: "confinement.shared-user",
            severity: "warning",
            message: `User ${quote(r.runAsUser)} is shared by many services: a compromised process could reach every other process running as it. Use a dedicated system user (or DynamicUser=yes).`,
            fields: ["runAsUser"],
          }]
        : [],
  ),
  check(
    "confinement.root-equivalent-group",
    RULES.security,
    "Group memberships must not grant root-equivalent privileges.",
    fromTable("confinement.root-equivalent-group", "blocking", "groups", ROOT_EQUIVALENT_GROUPS, (g) => `Group ${quote(g)} is root-equivalent`),
  ),
  check(
    "confinement.privileged-group",
    RULES.security,
    "Group memberships that reach other users' data need a reason.",
    fromTable("confinement.privileged-group", "warning", "groups", PRIVILEGED_GROUPS, (g) => `Group ${quote(g)} reaches beyond the process; explain why it is needed`),
  ),
  check(
    "confinement.root-equivalent-capability",
    RULES.security,
    "Capabilities must not amount to root.",
    fromTable("confinement.root-equivalent-capability", "blocking", "capabilities", ROOT_EQUIVALENT_CAPABILITIES, (c) => `Capability ${c} is root-equivalent`),
  ),
  check(
    "confinement.privileged-capability",
    RULES.security,
    "Capabilities that reach beyond the process need a reason.",
    fromTable("confinement.privileged-capability", "warning", "capabilities", PRIVILEGED_CAPABILITIES, (c) => `Capability ${c} reaches beyond the process; explain why it is needed`),
  ),
  check(
    "confinement.unconfined",
    RULES.security,
    "An enforced AppArmor profile or systemd sandboxing limits what a compromised process can reach.",
    (r) =>
      r.apparmorMode !== "ENFORCE" && sandboxingDirectives(r.systemdSandboxing).length === 0
        ? [{
            id: "confinement.unconfined",
            severity: "warning",
            message: `No enforced AppArmor profile (mode ${quote(r.apparmorMode.toLowerCase())}) and no systemd sandboxing directives: only the user ID limits what a compromised process can reach. Add a profile in enforce mode or directives such as ProtectSystem=strict, or explain the confinement in the notes.`,
            fields: ["apparmorMode", "systemdSandboxing"],
          }]
        : [],
  ),
  // Info, not warning: complain mode confines nothing, and when nothing else
  // confines the process "confinement.unconfined" already warns; with systemd
  // sandboxing in place it only marks a profile still being developed.
  check(
    "confinement.apparmor-complain",
    RULES.security,
    "An AppArmor profile in complain mode logs violations but blocks nothing.",
    (r) =>
      r.apparmorMode === "COMPLAIN"
        ? [{
            id: "confinement.apparmor-complain",
            severity: "info",
            message: `AppArmor profile ${quote(r.apparmorProfile || "unnamed")} is in complain mode: it logs violations but blocks nothing, so it does not count as confinement until it enforces.`,
            fields: ["apparmorMode"],
          }]
        : [],
  ),

  // Sockets. Exposure belongs to the guidelines ("keep exposed network services
  // to a minimum"); what binding needs belongs to privilege confinement.
  check(
    "sockets.wildcard-local",
    RULES.guidelines,
    "A socket whose purpose is local-only should not listen on every interface.",
    (r) =>
      r.sockets.flatMap((x, i) =>
        isWildcardBind(x.bindAddress) && soundsLocalOnly(x.purpose)
          ? [{
              id: `sockets.${i}.wildcard-local`,
              severity: "warning",
              message: `Socket ${i + 1} listens on ${quote(x.bindAddress)} (every interface), but its purpose sounds local-only: bind it to 127.0.0.1/::1 or a Unix socket so it is not an open port.`,
              fields: [`sockets.${i}.bindAddress`],
            }]
          : [],
      ),
  ),
  check(
    "sockets.privileged-port",
    RULES.security,
    "A non-root process binds a port below 1024 only with CAP_NET_BIND_SERVICE, socket activation or by dropping root after binding.",
    (r) => {
      const user = r.runAsUser;
      if (!user || isRootUser(user) || r.capabilities.includes("CAP_NET_BIND_SERVICE") || DROPS_ROOT.test(r.confinementNotes)) return [];
      return r.sockets.flatMap((x, i) =>
        x.port !== null && x.port < 1024 && !x.ephemeral && !SOCKET_ACTIVATED.test(x.process)
          ? [{
              id: `sockets.${i}.privileged-port`,
              severity: "warning",
              message: `${x.protocol || "Port"} ${x.port} is privileged: ${quote(x.process || "the process")} cannot bind it as user ${quote(user)} unless it holds CAP_NET_BIND_SERVICE, is socket-activated by systemd, or starts as root and drops privileges (say which in the confinement notes).`,
              fields: [`sockets.${i}.port`],
            }]
          : [],
      );
    },
  ),
  check(
    "sockets.loopback-only",
    RULES.openPorts,
    "A socket bound to loopback is not an open port and needs no exception.",
    (r) =>
      r.sockets.flatMap((x, i) =>
        isLoopbackBind(x.bindAddress)
          ? [{
              id: `sockets.${i}.loopback-only`,
              severity: "info",
              message: `Socket ${i + 1} listens on ${quote(x.bindAddress)} (loopback): \`ss -utln | grep -vE '127\\.0\\.0|\\[::1\\]'\` does not list it, so it is not an open port under the policy.`,
              fields: [`sockets.${i}.bindAddress`],
            }]
          : [],
      ),
  ),

  // Additional security considerations: "complexity, poor code quality, or
  // inadequate upstream security response processes"
  check(
    "quality.notes-missing",
    RULES.security,
    "Reviewers need an account of the code's complexity and quality.",
    (r) =>
      !r.complexity && !r.codeQuality && !r.qualityNotes
        ? [{
            id: "quality.notes-missing",
            severity: "warning",
            message: "Nothing is said about complexity or code quality: programs that are complex or poorly written should not be enabled by default, so reviewers need this to judge.",
            fields: ["complexity", "codeQuality", "qualityNotes"],
          }]
        : [],
  ),
  check(
    "quality.security-contact",
    RULES.security,
    "Upstream has a way to receive security reports.",
    (r) =>
      !r.securityContact
        ? [{
            id: "quality.security-contact",
            severity: "warning",
            message: "No upstream security contact is given: without one, reviewers cannot judge the upstream security response process.",
            fields: ["securityContact"],
          }]
        : [],
  ),
  check(
    "quality.cve-handling",
    RULES.security,
    "A CVE history says how the CVEs were handled.",
    (r) => {
      const cves = unique((r.cveHistory.match(CVE_ID) ?? []).map((c) => c.toUpperCase()));
      return cves.length && !CVE_HANDLED.test(r.cveHistory)
        ? [{
            id: "quality.cve-handling",
            severity: "warning",
            message: `The CVE history names ${cves.join(", ")} but not how ${cves.length === 1 ? "it was" : "they were"} handled: say whether and when ${cves.length === 1 ? "it was" : "they were"} fixed upstream and in Ubuntu (e.g. the USN).`,
            fields: ["cveHistory"],
          }]
        : [];
    },
  ),

  // Sign-off process
  check(
    "signoff.required",
    RULES.signOff,
    "Whatever listens or is advertised in the default installation needs Technical Board and security-team approval.",
    (r) => {
      const n = r.sockets.length;
      const m = r.adverts.length;
      return n + m
        ? [{
            id: "signoff.required",
            severity: "info",
            message: `Listens on ${n} socket${n === 1 ? "" : "s"} and advertises ${m} service${m === 1 ? "" : "s"}: approval by the Ubuntu Technical Board and a member of the Ubuntu core developers' security team is required.`,
            fields: [],
          }]
        : [];
    },
  ),
];

const ORDER: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

/** Every finding, blocking first, then warnings, then info; table order otherwise. */
export function runChecks(input: PolicyInput): Finding[] {
  // Array.prototype.sort is stable.
  return CHECKS.flatMap((c) => c.run(input ?? {})).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { blocking: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
