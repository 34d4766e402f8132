export * from "./checks";
export * from "./upgrade";
