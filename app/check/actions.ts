"use server";

import { checkMachine, type MachineCheck } from "@/lib/registry/check-machine";

export async function checkMachineAction(_prev: MachineCheck | null, form: FormData): Promise<MachineCheck> {
  return checkMachine({ ss: form.get("ss"), series: form.get("series"), flavor: form.get("flavor") });
}
