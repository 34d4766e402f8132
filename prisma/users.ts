// Manage users from the command line (there is no admin UI for accounts yet):
//   npm run users -- list
//   npm run users -- add <email> "<name>" <ROLE,ROLE>      prints a generated password once
//   npm run users -- roles <email> <ROLE,ROLE>
//   npm run users -- password <email>                      prints a new generated password once
// Roles: MAINTAINER, TECH_BOARD, SECURITY_TEAM, ADMIN, or none (disables the account).
// Changing a password or roles ends the user's sessions.
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseUrl } from "../lib/database-url";
import { db } from "../lib/db";
import { hashPassword } from "../lib/passwords";
import { ROLES, type Role } from "../lib/workflow";

/** "MAINTAINER,TECH_BOARD", or "none" to disable the account (it keeps its history). */
const ZRoles = z
  .string()
  .transform((s) => (s.trim().toLowerCase() === "none" ? [] : s.split(",").map((r) => r.trim().toUpperCase()).filter(Boolean)))
  .pipe(z.array(z.enum(ROLES, { error: `Roles are ${ROLES.join(", ")}, or none.` })));
const ZEmail = z.email({ error: "Not an e-mail address." }).transform((e) => e.toLowerCase());

function die(msg: string): never {
  console.error(msg);
  process.exit(2);
}
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  return r.success ? r.data : die(r.error.issues[0].message);
}
const newPassword = () => randomBytes(12).toString("base64url");

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!process.env.DATABASE_URL && databaseUrl() === DEFAULT_DATABASE_URL) {
    die("No database: start the app first (npm start, for its embedded database) or set DATABASE_URL.");
  }
  switch (cmd) {
    case "list": {
      for (const u of await db.user.findMany({ orderBy: { email: "asc" } })) console.log(`${u.email.padEnd(28)} ${u.name.padEnd(20)} ${u.roles.join(", ")}`);
      return;
    }
    case "add": {
      const [email, name, roles] = [parse(ZEmail, args[0]), parse(
        z
          .string()
          .trim()
          .min(1, { error: "Give a name." })
          .max(100)
          .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), { error: "No control characters in names." }),
        args[1],
      ), parse(ZRoles, args[2] ?? "")];
      if (await db.user.findUnique({ where: { email } })) die(`${email} exists already.`);
      const password = newPassword();
      await db.user.create({ data: { email, name, roles: roles as Role[], passwordHash: await hashPassword(password) } });
      console.log(`Added ${email} (${roles.join(", ")}). Password, shown once: ${password}`);
      return;
    }
    case "roles": {
      const [email, roles] = [parse(ZEmail, args[0]), parse(ZRoles, args[1] ?? "")];
      const r = await db.user.updateMany({ where: { email }, data: { roles: roles as Role[], sessionVersion: { increment: 1 } } });
      if (!r.count) die(`No user ${email}.`);
      console.log(`${email}: ${roles.join(", ")}`);
      return;
    }
    case "password": {
      const email = parse(ZEmail, args[0]);
      const password = newPassword();
      const r = await db.user.updateMany({ where: { email }, data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } } });
      if (!r.count) die(`No user ${email}.`);
      console.log(`New password for ${email}, shown once: ${password}`);
      return;
    }
    default:
      die("Usage: npm run users -- list | add <email> <name> <ROLES> | roles <email> <ROLES> | password <email>");
  }
}

main().finally(() => db.$disconnect());
