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

export function socketLabel(s: { protocol: string; port: number | null; bindAddress: string }): string {
  return `${s.protocol.toLowerCase()}/${s.port ?? "ephemeral"} on ${s.bindAddress}`;
}
