import bcrypt from "bcryptjs";

const COST = 12;
// Compared against when the user does not exist, so that timing does not tell.
let dummy: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | undefined | null): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, await (dummy ??= bcrypt.hash("no such user", COST)));
    return false;
  }
  return bcrypt.compare(password, hash);
}
