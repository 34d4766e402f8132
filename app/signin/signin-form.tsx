"use client";

import { useActionState } from "react";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const error = state?.error;
  return (
    <form action={action} className="panel">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && (
        <p className="notice error" role="status">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state?.email} key={state?.email ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
