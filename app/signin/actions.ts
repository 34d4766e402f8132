"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";

/** Only same-site paths: never redirect a signed-in user to another origin. */
function safePath(p: FormDataEntryValue | null): string {
  const s = typeof p === "string" ? p : "";
  return s.startsWith("/") && !s.startsWith("//") ? s : "/";
}

export async function signInAction(_prev: string | null, form: FormData): Promise<string | null> {
  const callbackUrl = safePath(form.get("callbackUrl"));
  try {
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: callbackUrl });
  } catch (e) {
    if (e instanceof AuthError) return "Wrong e-mail address or password.";
    throw e; // signIn signals success by throwing a redirect
  }
  redirect(callbackUrl);
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
