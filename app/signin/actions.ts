"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/http/params";

export interface SignInState {
  error: string;
  /** Given back so the form keeps it after a failed attempt. */
  email: string;
}

export async function signInAction(_prev: SignInState | null, form: FormData): Promise<SignInState | null> {
  const callbackUrl = safeCallbackPath(form.get("callbackUrl"));
  const email = String(form.get("email") ?? "").slice(0, 200);
  try {
    await signIn("credentials", { email, password: form.get("password"), redirectTo: callbackUrl });
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "throttled") {
      return { error: "Too many failed sign-ins: wait 15 minutes before trying again.", email };
    }
    if (e instanceof AuthError) return { error: "Wrong e-mail address or password.", email };
    throw e; // signIn signals success by throwing a redirect
  }
  redirect(callbackUrl);
}

export async function signOutAction() {
  // The signOut event invalidates every token of this user, not only the browser's copy.
  await signOut({ redirectTo: "/" });
}
