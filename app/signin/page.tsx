import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/http/params";
import { getCurrentUser } from "@/lib/session";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <div className="signin">
      <h1>Sign in</h1>
      <p className="lede">Maintainers file exception requests; Technical Board and security-team members sign them off.</p>
      <SignInForm callbackUrl={target} />
    </div>
  );
}
