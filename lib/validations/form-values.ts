import type { TRequestInput } from "./request";

/** The form keeps list fields as the text the user types. */
export type FormValues = Omit<TRequestInput, "groups" | "capabilities" | "systemdSandboxing"> & {
  groups: string;
  capabilities: string;
  systemdSandboxing: string;
};

export function toFormValues(r: TRequestInput): FormValues {
  const text = (v: unknown, sep: string) => (Array.isArray(v) ? v.join(sep) : typeof v === "string" ? v : "");
  return { ...r, groups: text(r.groups, ", "), capabilities: text(r.capabilities, ", "), systemdSandboxing: text(r.systemdSandboxing, "\n") };
}
