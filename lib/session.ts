// The signed-in user, reloaded from the database on every request.
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { db } from "./db";
import { AppError } from "./errors";
import type { Role } from "./workflow";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, roles: true, sessionVersion: true } });
  // A token issued before the last sign-out (or a password change) is no longer valid.
  if (!user || user.sessionVersion !== session.user.sv || user.roles.length === 0) return null;
  return { id: user.id, name: user.name, email: user.email, roles: user.roles };
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUserPage(callbackUrl: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}

/** For server actions and route handlers: the user, or a 401 AppError. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended: sign in again.");
  return user;
}
