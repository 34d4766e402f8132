// The exception request, as the form sends it and the server stores it.
// One schema for both: the browser shows the same field errors the server returns.
// Two modes: a draft may be incomplete (but what is there must be well-formed);
// a submission must be complete.
import { z } from "zod";
import { isBindAddress } from "./net";
import { NUL_MESSAGE, hasNoNul } from "./text";

export const FLAVORS = ["DESKTOP", "SERVER", "CLOUD"] as const;
export const FLAVOR_LABEL: Record<(typeof FLAVORS)[number], string> = { DESKTOP: "Desktop", SERVER: "Server", CLOUD: "Cloud" };
export const PROTOCOLS = ["TCP", "UDP", "SCTP"] as const;
export const MECHANISMS = ["MDNS", "SSDP", "OTHER"] as const;
export const MECHANISM_LABEL: Record<(typeof MECHANISMS)[number], string> = { MDNS: "mDNS/DNS-SD", SSDP: "SSDP/UPnP", OTHER: "Other" };
export const DATA_LEVELS = ["MACHINE", "APPLICATION"] as const;
export const APPARMOR_MODES = ["ENFORCE", "COMPLAIN", "NONE"] as const;
export const ANSWERS = ["YES", "NO"] as const;

/** Linux capabilities (capabilities(7)), to catch typos such as CAP_NET_BIND. */
export const CAPABILITIES = [
  "CAP_AUDIT_CONTROL", "CAP_AUDIT_READ", "CAP_AUDIT_WRITE", "CAP_BLOCK_SUSPEND", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
  "CAP_KILL", "CAP_LEASE", "CAP_LINUX_IMMUTABLE", "CAP_MAC_ADMIN", "CAP_MAC_OVERRIDE", "CAP_MKNOD", "CAP_NET_ADMIN",
  "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_RAW", "CAP_PERFMON", "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP",
  "CAP_SETUID", "CAP_SYSLOG", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_CHROOT", "CAP_SYS_MODULE", "CAP_SYS_NICE",
  "CAP_SYS_PACCT", "CAP_SYS_PTRACE", "CAP_SYS_RAWIO", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG",
  "CAP_WAKE_ALARM",
] as const;

/** Debian source package names: lower case, digits, + - ., at least two characters, starting alphanumeric. */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
/** Debian versions: [epoch:]upstream[-revision]; upstream starts with a digit. */
export const PACKAGE_VERSION = /^(\d+:)?\d([A-Za-z0-9.+~-]*[A-Za-z0-9.+~])?$/;
const UNIX_NAME = /^[a-z_][a-z0-9_-]{0,31}\$?$/;
const SYSTEMD_DIRECTIVE = /^[A-Z][A-Za-z]+=\S.*$/;
const DNS_SD_TYPE = /^(_[A-Za-z0-9-]{1,63}\._sub\.)?_[A-Za-z0-9-]{1,63}\._(tcp|udp)$/;
/** mDNS host records, as avahi answers them: "<hostname>.local (A/AAAA)". */
const MDNS_HOST_RECORDS = /^[A-Za-z0-9<>-]+\.local( \([A-Z/]+\))?$/;
const SERIES_CODENAME = /^[a-z]{3,20}$/;

export type Mode = "draft" | "submit";

const LONG = 5000;

/**
 * Cross-field checks run even when another field already failed, so that one
 * submit shows every error (zod skips them after a type error by default).
 */
const ALWAYS = { when: () => true };

/** Free text, trimmed; required (non-empty) in submit mode when `required` says so. */
function text(mode: Mode, max: number, requiredMessage?: string) {
  const base = z
    .string({ error: "Enter text." })
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .refine(hasNoNul, { error: NUL_MESSAGE });
  return requiredMessage && mode === "submit" ? base.min(1, { error: requiredMessage }) : base;
}

/** A list typed as "a, b c" in the form, or sent as an array by a machine. */
function list<T extends z.ZodType<string>>(item: T, max = 30) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
    z.array(item).max(max, { error: `At most ${max} entries.` }),
  );
}

/** "" or missing → null (an ephemeral port); otherwise an integer 1–65535. */
const port = z.preprocess(
  // Digits only: "0x50" or "1e3" are not port numbers, whatever Number() thinks.
  (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? (/^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : NaN) : v),
  z
    .number({ error: "Port must be a number from 1 to 65535." })
    .int({ error: "Port must be a whole number from 1 to 65535." })
    .min(1, { error: "Port must be from 1 to 65535." })
    .max(65535, { error: "Port must be from 1 to 65535." })
    .nullable(),
);

export function socketSchema(mode: Mode) {
  return z
    .object({
      protocol: z.enum(PROTOCOLS, { error: "Choose tcp, udp or sctp." }),
      port,
      ephemeral: z.boolean().default(false),
      bindAddress: z
        .string()
        .trim()
        .min(1, { error: "Enter the bind address, e.g. 0.0.0.0, ::, * or 192.0.2.10%eth0." })
        .refine(isBindAddress, { error: "Not a bind address: use *, 0.0.0.0, ::, an IPv4 or IPv6 address, optionally with %interface." }),
      process: z.string().trim().min(1, { error: "Name the process or systemd unit that listens." }).max(200).refine(hasNoNul, { error: NUL_MESSAGE }),
      purpose: text(mode, 1000, "Say what this socket is for."),
    })
    .superRefine(
      (s, ctx) => {
      if (!s || typeof s !== "object") return;
      if (s.port === null && !s.ephemeral) {
        ctx.addIssue({ code: "custom", path: ["port"], message: "Enter the port (1–65535), or tick “ephemeral” if the kernel picks it." });
      }
      if (s.port !== null && s.ephemeral) {
        ctx.addIssue({ code: "custom", path: ["port"], message: "An ephemeral port has no fixed number: leave the port empty or untick “ephemeral”." });
      }
      },
      ALWAYS,
    );
}

export function advertSchema(mode: Mode) {
  return z
    .object({
      mechanism: z.enum(MECHANISMS, { error: "Choose mDNS/DNS-SD, SSDP/UPnP or other." }),
      serviceType: z.string().trim().min(1, { error: "Enter the advertised service type, e.g. _ipp._tcp." }).max(200).refine(hasNoNul, { error: NUL_MESSAGE }),
      reveals: text(mode, 1000, "Say what the advertisement reveals (e.g. host name, service, port)."),
    })
    .superRefine((a, ctx) => {
      if (!a || typeof a !== "object") return;
      if (a.mechanism === "MDNS" && typeof a.serviceType === "string" && !DNS_SD_TYPE.test(a.serviceType) && !MDNS_HOST_RECORDS.test(a.serviceType)) {
        ctx.addIssue({
          code: "custom",
          path: ["serviceType"],
          message: "A DNS-SD service type looks like _ipp._tcp (or _printer._sub._ipp._tcp); host records look like <hostname>.local (A/AAAA).",
        });
      }
    });
}

export function exposedDataSchema(mode: Mode) {
  return z.object({
    item: z.string().trim().min(1, { error: "Say what data is exposed." }).max(500).refine(hasNoNul, { error: NUL_MESSAGE }),
    level: z.enum(DATA_LEVELS, { error: "Choose machine-level or application-level." }),
    optIn: text(mode, 1000),
  });
}

const answer = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(ANSWERS, { error: "Answer yes or no." }).nullable());

export function requestSchema(mode: Mode) {
  return z
    .object({
      packageName: z
        .string({ error: "Enter the source package name." })
        .trim()
        .min(1, { error: "Enter the source package name." })
        .max(100, { error: "At most 100 characters." })
        // Format checks pass "" so an empty field gets one message: that it is required.
        .refine((v) => v === "" || PACKAGE_NAME.test(v), {
          error: "Debian package names use lower-case letters, digits, + - and ., start with a letter or digit, and have at least 2 characters.",
        }),
      packageVersion: text(mode, 100, "Enter the package version, e.g. 0.8-13ubuntu6.").refine((v) => v === "" || PACKAGE_VERSION.test(v), {
        error: "Not a Debian version: [epoch:]upstream[-revision], starting with a digit, e.g. 1:9.6p1-3ubuntu13.",
      }),
      series: z
        .array(z.string().regex(SERIES_CODENAME, { error: "Unknown series." }))
        .max(20)
        .refine((a) => mode === "draft" || a.length > 0, { error: "Choose at least one series." }),
      flavors: z
        .array(z.enum(FLAVORS, { error: "Choose Desktop, Server or Cloud." }))
        .refine((a) => mode === "draft" || a.length > 0, { error: "Choose at least one flavor." })
        .refine((a) => new Set(a).size === a.length, { error: "Each flavor once." }),
      justification: text(mode, LONG, "Explain the out-of-the-box benefit that justifies the exception.").refine(
        (v) => mode === "draft" || v === "" || v.length >= 30,
        { error: "Explain the benefit in a few sentences (at least 30 characters)." },
      ),
      sockets: z.array(socketSchema(mode)).max(50, { error: "At most 50 sockets." }),
      adverts: z.array(advertSchema(mode)).max(50, { error: "At most 50 advertised services." }),
      exposedData: z.array(exposedDataSchema(mode)).max(50, { error: "At most 50 items." }),

      runAsUser: text(mode, 33, "Enter the user the process runs as.").refine((v) => v === "" || UNIX_NAME.test(v), {
        error: "Not a user name: lower case, digits, _ and -, up to 32 characters.",
      }),
      isSystemUser: z.boolean().default(false),
      groups: list(z.string().regex(UNIX_NAME, { error: "Not a group name." })),
      capabilities: list(
        z
          .string()
          .transform((c) => c.toUpperCase().replace(/^(?!CAP_)/, "CAP_"))
          .pipe(z.enum(CAPABILITIES, { error: "Not a Linux capability (see capabilities(7)), e.g. CAP_NET_BIND_SERVICE." })),
      ),
      apparmorMode: z.enum(APPARMOR_MODES, { error: "Choose enforce, complain or none." }),
      apparmorProfile: text(mode, 200),
      systemdSandboxing: z.preprocess(
        (v) => (typeof v === "string" ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : v),
        z
          .array(
            z
              .string()
              .max(200, { error: "At most 200 characters per directive." })
              .regex(SYSTEMD_DIRECTIVE, { error: "One directive per line, e.g. ProtectSystem=strict." })
              .refine(hasNoNul, { error: NUL_MESSAGE }),
          )
          .max(60),
      ),
      confinementNotes: text(mode, LONG),

      complexity: text(mode, LONG),
      codeQuality: text(mode, LONG),
      securityContact: text(mode, 500),
      cveHistory: text(mode, LONG),
      qualityNotes: text(mode, LONG),

      discoversServices: z.boolean().default(false),
      separatesLocalRemote: answer,
      contactsOnlyOnRequest: answer,
      discoveryOffSwitch: text(mode, 1000),

      /** The submitter's justification per blocking policy finding (lib/policy), keyed by finding id. */
      justifications: z
        .record(z.string().max(200), z.string().max(2000, { error: "At most 2000 characters." }).refine(hasNoNul, { error: NUL_MESSAGE }))
        .default({}),
    })
    .superRefine((r, ctx) => {
      // Runs even when other fields failed (ALWAYS), so read defensively.
      if (!r || typeof r !== "object") return;
      if (r.apparmorMode !== "NONE" && mode === "submit" && r.apparmorProfile === "") {
        ctx.addIssue({ code: "custom", path: ["apparmorProfile"], message: "Name the AppArmor profile (e.g. usr.sbin.avahi-daemon)." });
      }
      if (mode !== "submit") return;
      if (!r.sockets?.length && !r.adverts?.length) {
        ctx.addIssue({
          code: "custom",
          path: ["sockets"],
          message: "List at least one listening socket or advertised service: a package that does neither needs no exception.",
        });
      }
      if (r.discoversServices) {
        if (r.separatesLocalRemote == null) {
          ctx.addIssue({ code: "custom", path: ["separatesLocalRemote"], message: "Answer yes or no." });
        }
        if (r.contactsOnlyOnRequest == null) {
          ctx.addIssue({ code: "custom", path: ["contactsOnlyOnRequest"], message: "Answer yes or no." });
        }
      }
    }, ALWAYS);
}

export const ZRequestDraft = requestSchema("draft");
export const ZRequestSubmit = requestSchema("submit");
/** What the form sends. */
export type TRequestInput = z.input<typeof ZRequestSubmit>;
/** What the server stores. */
export type TRequest = z.output<typeof ZRequestSubmit>;

/** Every field's messages, keyed by path ("sockets.0.port"), so the form can show each next to its field. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The messages for a field and everything below it ("groups" also gets "groups.1"). */
export function errorsFor(errors: FieldErrors | undefined, path: string): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([k]) => k === path || k.startsWith(path + "."))
    .flatMap(([, v]) => v);
}

/** An empty request, for the new-request form. */
export function emptyRequest(): TRequestInput {
  return {
    packageName: "",
    packageVersion: "",
    series: [],
    flavors: [],
    justification: "",
    sockets: [],
    adverts: [],
    exposedData: [],
    runAsUser: "",
    isSystemUser: false,
    groups: [],
    capabilities: [],
    apparmorMode: "NONE",
    apparmorProfile: "",
    systemdSandboxing: [],
    confinementNotes: "",
    complexity: "",
    codeQuality: "",
    securityContact: "",
    cveHistory: "",
    qualityNotes: "",
    discoversServices: false,
    separatesLocalRemote: null,
    contactsOnlyOnRequest: null,
    discoveryOffSwitch: "",
    justifications: {},
  };
}
