// Display helpers shared by pages (dates in UTC, so server and browser agree).
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(d: Date | string | null | undefined): string {
  return d ? `${DATE.format(new Date(d))} UTC` : "—";
}

export function formatDate(d: Date | string | null | undefined): string {
  return d ? DAY.format(new Date(d)) : "—";
}

export const ref = (number: number) => `NOP-${number}`;

/** Request fields as people call them (audit trail, revision changes). */
const FIELD_LABEL: Record<string, string> = {
  packageName: "package",
  packageVersion: "version",
  justification: "out-of-the-box benefit",
  adverts: "advertised services",
  exposedData: "exposed data",
  runAsUser: "run-as user",
  isSystemUser: "system user",
  apparmorMode: "AppArmor mode",
  apparmorProfile: "AppArmor profile",
  systemdSandboxing: "systemd sandboxing",
  confinementNotes: "confinement notes",
  codeQuality: "code quality",
  securityContact: "security contact",
  cveHistory: "CVE history",
  qualityNotes: "quality notes",
  discoversServices: "discovery",
  separatesLocalRemote: "separates local and remote",
  contactsOnlyOnRequest: "contacts only on request",
  discoveryOffSwitch: "discovery off switch",
  justifications: "justifications of blocking findings",
};

export const fieldLabel = (field: string): string => FIELD_LABEL[field] ?? field;
