export * from "./checks";
export * from "./upgrade";
export * from "./justify";
