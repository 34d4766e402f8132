// Demo users, one or more per role. Only seeded into an empty database, and
// their shared password is printed at start-up only while they still use it.
import type { Role } from "../workflow";

export const DEMO_PASSWORD = "open-ports-demo";

export interface DemoUser {
  key: string;
  name: string;
  email: string;
  roles: Role[];
}

export const DEMO_USERS: DemoUser[] = [
  { key: "mira", name: "Mira Maintainer", email: "mira@example.org", roles: ["MAINTAINER"] },
  { key: "dan", name: "Dan Desktop", email: "dan@example.org", roles: ["MAINTAINER"] },
  { key: "bea", name: "Bea Board", email: "bea@example.org", roles: ["TECH_BOARD"] },
  { key: "ben", name: "Ben Board", email: "ben@example.org", roles: ["TECH_BOARD", "MAINTAINER"] },
  { key: "bob", name: "Bob Board", email: "bob@example.org", roles: ["TECH_BOARD"] },
  { key: "sam", name: "Sam Security", email: "sam@example.org", roles: ["SECURITY_TEAM"] },
  { key: "sid", name: "Sid Security", email: "sid@example.org", roles: ["SECURITY_TEAM"] },
  { key: "ada", name: "Ada Admin", email: "ada@example.org", roles: ["ADMIN"] },
];

export const SERIES = [
  { codename: "focal", version: "20.04", name: "Focal Fossa", isLts: true, supported: true },
  { codename: "jammy", version: "22.04", name: "Jammy Jellyfish", isLts: true, supported: true },
  { codename: "noble", version: "24.04", name: "Noble Numbat", isLts: true, supported: true },
  { codename: "plucky", version: "25.04", name: "Plucky Puffin", isLts: false, supported: false },
  { codename: "questing", version: "25.10", name: "Questing Quokka", isLts: false, supported: false },
  { codename: "resolute", version: "26.04", name: "Resolute Raccoon", isLts: true, supported: true },
];
